-- drafts with their original file and decision, and the audit hash chain.
CREATE TABLE drafts (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	department TEXT NOT NULL,
	file TEXT NOT NULL,
	file_hash TEXT NOT NULL,
	file_bytes BLOB,
	attribute TEXT NOT NULL,
	basis TEXT NOT NULL,
	reason TEXT NOT NULL,
	state TEXT NOT NULL,
	issue_date TEXT NOT NULL,
	decided_at TEXT NOT NULL,
	reviewed_at TEXT NOT NULL,
	drafter TEXT NOT NULL,
	partial INTEGER NOT NULL,
	unreadable TEXT NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX drafts_file_hash ON drafts(file_hash);
CREATE INDEX drafts_decided_at ON drafts(decided_at);
CREATE INDEX drafts_state ON drafts(state);
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	draft_id INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
