-- a decided document's validity as the disclosure office marked it:
-- repealed (废止) or expired (失效) from a date, or in force again.
CREATE TABLE validity (
	draft_id INTEGER NOT NULL PRIMARY KEY,
	status TEXT NOT NULL,
	since TEXT NOT NULL,
	note TEXT NOT NULL
);
