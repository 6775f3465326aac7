-- submissions by their idempotency key, so a retried upload returns the
-- draft the first one made instead of making a second.
CREATE TABLE submissions (
	key TEXT NOT NULL PRIMARY KEY,
	actor TEXT NOT NULL,
	draft_id INTEGER NOT NULL
);
