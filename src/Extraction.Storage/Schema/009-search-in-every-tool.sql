-- Schema version 9: full-text search that any SQLite 3.34+ tool can use and keep.
--
-- One FTS5 table per searched table, named <table>_fts with content= pointing at it (the
-- convention of Datasette and sqlite-utils), tokenized in character trigrams: a query of three
-- characters or more finds every row holding it as a substring, whatever a dictionary would
-- make of its words; shorter queries are answered with LIKE. The index holds no copy of the
-- text (external content), and triggers keep it in step with its table, whichever program
-- writes. The old index held jieba's words, so only this program could query it.
DROP TABLE IF EXISTS search_fts;

CREATE VIRTUAL TABLE tasks_fts USING fts5 (text, content = 'tasks', content_rowid = 'id', tokenize = 'trigram');
CREATE VIRTUAL TABLE progress_fts USING fts5 (text, content = 'progress', content_rowid = 'id', tokenize = 'trigram');
CREATE VIRTUAL TABLE statements_fts USING fts5 (text, content = 'statements', content_rowid = 'id', tokenize = 'trigram');
CREATE VIRTUAL TABLE departments_fts USING fts5 (name, content = 'departments', content_rowid = 'id', tokenize = 'trigram');

INSERT INTO tasks_fts (tasks_fts) VALUES ('rebuild');
INSERT INTO progress_fts (progress_fts) VALUES ('rebuild');
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
INSERT INTO departments_fts (departments_fts) VALUES ('rebuild');

CREATE TRIGGER tasks_ai AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER tasks_ad AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER tasks_au AFTER UPDATE OF text ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO tasks_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER progress_ai AFTER INSERT ON progress BEGIN
    INSERT INTO progress_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER progress_ad AFTER DELETE ON progress BEGIN
    INSERT INTO progress_fts (progress_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER progress_au AFTER UPDATE OF text ON progress BEGIN
    INSERT INTO progress_fts (progress_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO progress_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER departments_ai AFTER INSERT ON departments BEGIN
    INSERT INTO departments_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER departments_ad AFTER DELETE ON departments BEGIN
    INSERT INTO departments_fts (departments_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER departments_au AFTER UPDATE OF name ON departments BEGIN
    INSERT INTO departments_fts (departments_fts, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO departments_fts (rowid, name) VALUES (new.id, new.name);
END;

-- Which fields a rule produced is asked seldom and answered by a scan in well under a second;
-- the index cost a tenth of the provenance it served.
DROP INDEX IF EXISTS provenance_spans_by_rule;
