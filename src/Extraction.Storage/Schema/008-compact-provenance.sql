-- Schema version 8: provenance in a compact form. It was two thirds of a database and more than
-- ten times the text it described: the source file's sha256 on every row, a rule name on every
-- row, the value again where it is the source text itself, and two indexes besides. Now the
-- source is said once per bulletin, rules are numbered, a value equal to its source text is not
-- repeated, and the rows are stored in bulletin order (no separate index to find or delete them).
-- The view `provenance` gives the same columns as before.

-- The file whose paragraphs a bulletin's provenance counts in (the last file saved for it).
ALTER TABLE bulletins ADD COLUMN source_sha256 TEXT;

CREATE TABLE provenance_rules (
    id   INTEGER PRIMARY KEY,
    rule TEXT NOT NULL UNIQUE     -- label.departments, asof.month-end, figures.人 …
);

CREATE TABLE provenance_spans (
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL, -- order within the bulletin
    field       TEXT NOT NULL,    -- a path into bulletin/1: bulletin.issue, tasks[3].departments[0]
    rule_id     INTEGER NOT NULL REFERENCES provenance_rules (id),
    value       TEXT,             -- NULL: the same as source_text
    part        INTEGER NOT NULL, -- a value taken from several paragraphs has one row per part
    paragraph   INTEGER,          -- paragraph of the document as read, from 1
    start       INTEGER,          -- offset of the source text in that paragraph
    length      INTEGER,
    page        INTEGER,
    source_text TEXT,
    PRIMARY KEY (bulletin_id, seq)
) WITHOUT ROWID;

CREATE INDEX provenance_spans_by_rule ON provenance_spans (rule_id);

INSERT INTO provenance_rules (rule) SELECT DISTINCT rule FROM provenance ORDER BY rule;
UPDATE bulletins SET source_sha256 = (SELECT p.source FROM provenance p WHERE p.bulletin_id = bulletins.id LIMIT 1);
INSERT INTO provenance_spans (bulletin_id, seq, field, rule_id, value, part, paragraph, start, length, page, source_text)
SELECT p.bulletin_id, p.id, p.field, r.id, CASE WHEN p.value = p.source_text THEN NULL ELSE p.value END,
       p.part, p.paragraph, p.start, p.length, p.page, p.source_text
FROM provenance p JOIN provenance_rules r ON r.rule = p.rule;

DROP TABLE provenance;

CREATE VIEW provenance AS
SELECT s.bulletin_id, s.seq, b.source_sha256 AS source, s.field, r.rule,
       coalesce(s.value, s.source_text, '') AS value,
       s.part, s.paragraph, s.start, s.length, s.page, s.source_text
FROM provenance_spans s
JOIN provenance_rules r ON r.id = s.rule_id
JOIN bulletins b ON b.id = s.bulletin_id;

-- figures_by_task repeated the unique index on (task_id, statement_id, field, position), which
-- finds a task's figures as well: one index fewer to write for every figure.
DROP INDEX IF EXISTS figures_by_task;
