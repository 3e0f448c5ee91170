-- Schema version 13: the search indexes filled once a batch of files, not once a row.
--
-- A trigger runs its FTS5 insert as a statement of its own, and FTS5 writes out what it holds
-- in memory at the end of every statement: saving a bulletin's hundred rows made a hundred
-- small index segments to merge, a tenth of an ingest. While `extract ingest` holds a batch
-- open it puts, inside that same transaction, one row here per indexed table: the largest id
-- the index holds. The triggers leave rows above it alone, and before committing the batch
-- the writer indexes them in one statement a table and empties this table again. No other
-- connection ever sees a row here (they exist only inside an uncommitted transaction), so for
-- every other program the triggers keep the indexes exactly as before; a crash rolls the
-- rows back with the batch.
CREATE TABLE search_pending (
    tbl      TEXT PRIMARY KEY, -- tasks, progress, statements, departments
    after_id INTEGER NOT NULL  -- rows with a larger id are indexed when the batch commits
) WITHOUT ROWID;

DROP TRIGGER tasks_ai;
DROP TRIGGER tasks_ad;
DROP TRIGGER tasks_au;
CREATE TRIGGER tasks_ai AFTER INSERT ON tasks WHEN new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'tasks'), new.id) BEGIN
    INSERT INTO tasks_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER tasks_ad AFTER DELETE ON tasks WHEN old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'tasks'), old.id) BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER tasks_au AFTER UPDATE OF text ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'tasks'), old.id);
    INSERT INTO tasks_fts (rowid, text) SELECT new.id, new.text WHERE new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'tasks'), new.id);
END;

DROP TRIGGER progress_ai;
DROP TRIGGER progress_ad;
DROP TRIGGER progress_au;
CREATE TRIGGER progress_ai AFTER INSERT ON progress WHEN new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'progress'), new.id) BEGIN
    INSERT INTO progress_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER progress_ad AFTER DELETE ON progress WHEN old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'progress'), old.id) BEGIN
    INSERT INTO progress_fts (progress_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER progress_au AFTER UPDATE OF text ON progress BEGIN
    INSERT INTO progress_fts (progress_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'progress'), old.id);
    INSERT INTO progress_fts (rowid, text) SELECT new.id, new.text WHERE new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'progress'), new.id);
END;

DROP TRIGGER statements_ai;
DROP TRIGGER statements_ad;
DROP TRIGGER statements_au;
CREATE TRIGGER statements_ai AFTER INSERT ON statements WHEN new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'statements'), new.id) BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements WHEN old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'statements'), old.id) BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'statements'), old.id);
    INSERT INTO statements_fts (rowid, text) SELECT new.id, new.text WHERE new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'statements'), new.id);
END;

DROP TRIGGER departments_ai;
DROP TRIGGER departments_ad;
DROP TRIGGER departments_au;
CREATE TRIGGER departments_ai AFTER INSERT ON departments WHEN new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'departments'), new.id) BEGIN
    INSERT INTO departments_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER departments_ad AFTER DELETE ON departments WHEN old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'departments'), old.id) BEGIN
    INSERT INTO departments_fts (departments_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER departments_au AFTER UPDATE OF name ON departments BEGIN
    INSERT INTO departments_fts (departments_fts, rowid, name) SELECT 'delete', old.id, old.name WHERE old.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'departments'), old.id);
    INSERT INTO departments_fts (rowid, name) SELECT new.id, new.name WHERE new.id <= coalesce((SELECT after_id FROM search_pending WHERE tbl = 'departments'), new.id);
END;
