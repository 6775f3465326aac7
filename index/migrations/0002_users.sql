-- accounts: role, department and the argon2id password hash.
CREATE TABLE users (
	name TEXT PRIMARY KEY,
	role TEXT NOT NULL,
	department TEXT NOT NULL,
	salt BLOB NOT NULL,
	hash BLOB NOT NULL,
	created_at TEXT NOT NULL
);
