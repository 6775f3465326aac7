-- a draft's document type and validity end, copied from its decision
-- (the body, which the content hash covers) so the report need not read
-- bodies; verify checks the copies. Drafts marked normative before
-- document types existed are normative documents (review.Decision.Kind).
ALTER TABLE drafts ADD COLUMN doc_type TEXT NOT NULL DEFAULT 'other';
ALTER TABLE drafts ADD COLUMN valid_until TEXT NOT NULL DEFAULT '';
UPDATE drafts SET doc_type = 'normative' WHERE body LIKE '%"normative":true%';
CREATE INDEX drafts_doc_type ON drafts(doc_type, state);
