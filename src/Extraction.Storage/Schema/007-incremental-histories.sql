-- Schema version 7: incremental histories, and indexes that keep a save and a delete as cheap in a large database as in
-- an empty one (the file at a path, the rows that go with a bulletin or task being replaced).
CREATE INDEX IF NOT EXISTS source_documents_by_path ON source_documents (path);
CREATE INDEX IF NOT EXISTS audit_by_bulletin ON audit_findings (bulletin_id);

-- How many bulletins a series had when its history was built: a series that lost one is rebuilt.
ALTER TABLE series ADD COLUMN bulletins INTEGER NOT NULL DEFAULT 0;

-- The search index is now keyed by task and statement (rowid = task id × 2, + 1 for progress;
-- minus the statement id), so that a bulletin's rows can be removed alone: every history is
-- derived again at the next ingest.
DELETE FROM search_fts;
DELETE FROM series;
UPDATE bulletins SET series_id = NULL;
