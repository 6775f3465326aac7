-- the public catalogue (政府信息公开目录): one entry per draft decided
-- public, numbered in its series without gaps or repeats.
CREATE TABLE catalogue (
	draft_id INTEGER NOT NULL PRIMARY KEY,
	index_no TEXT NOT NULL UNIQUE,
	series TEXT NOT NULL,
	seq INTEGER NOT NULL,
	year INTEGER NOT NULL,
	title TEXT NOT NULL,
	publisher TEXT NOT NULL,
	doc_no TEXT NOT NULL,
	written TEXT NOT NULL,
	published TEXT NOT NULL,
	category TEXT NOT NULL,
	UNIQUE (series, seq)
);
CREATE INDEX catalogue_year ON catalogue(year);
