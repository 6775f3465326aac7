-- the release copy (发布稿) made after a publishing decision's last
-- signature, kept beside the original; its hash is also in the audit chain.
CREATE TABLE release_copies (
	draft_id INTEGER NOT NULL PRIMARY KEY,
	file_hash TEXT NOT NULL,
	file_bytes BLOB NOT NULL,
	made_at TEXT NOT NULL
);
