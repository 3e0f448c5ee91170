-- Schema version 11: provenance smaller still. A field's path (tasks[3].progress.figures[0]) was
-- written out on every row, a fifth of the provenance; paths are now numbered, as rules are.
-- And a span that lies inside an earlier span of the same paragraph (a target inside its task's
-- text, a date inside its progress report) no longer repeats its source text: `within` names
-- that span, and the view cuts the text out of it.
CREATE TABLE provenance_fields (
    id    INTEGER PRIMARY KEY,
    field TEXT NOT NULL UNIQUE    -- a path into bulletin/1: bulletin.issue, tasks[3].departments[0]
);

CREATE TABLE provenance_spans_compact (
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL, -- order within the bulletin
    field_id    INTEGER NOT NULL REFERENCES provenance_fields (id),
    rule_id     INTEGER NOT NULL REFERENCES provenance_rules (id),
    value       TEXT,             -- NULL: the same as the source text
    part        INTEGER NOT NULL, -- a value taken from several paragraphs has one row per part
    paragraph   INTEGER,          -- paragraph of the document as read, from 1
    start       INTEGER,          -- offset of the source text in that paragraph
    length      INTEGER,
    page        INTEGER,
    within      INTEGER,          -- seq of the span of the same paragraph whose source text holds this one's
    source_text TEXT,             -- NULL when within says where it is
    PRIMARY KEY (bulletin_id, seq)
) WITHOUT ROWID;

INSERT INTO provenance_fields (field) SELECT DISTINCT field FROM provenance_spans ORDER BY field;
INSERT INTO provenance_spans_compact (bulletin_id, seq, field_id, rule_id, value, part, paragraph, start, length, page, within, source_text)
SELECT s.bulletin_id, s.seq, f.id, s.rule_id, s.value, s.part, s.paragraph, s.start, s.length, s.page, NULL, s.source_text
FROM provenance_spans s JOIN provenance_fields f ON f.field = s.field;

DROP VIEW provenance;
DROP TABLE provenance_spans;
ALTER TABLE provenance_spans_compact RENAME TO provenance_spans;

-- The same columns as before. Offsets count characters; a span is only stored `within` another
-- whose text has no character outside the Basic Multilingual Plane, where the program's offsets
-- (UTF-16) and SQLite's substr (characters) agree.
CREATE VIEW provenance AS
SELECT s.bulletin_id, s.seq, b.source_sha256 AS source, f.field, r.rule,
       coalesce(s.value, CASE WHEN s.within IS NULL THEN s.source_text ELSE substr(w.source_text, s.start - w.start + 1, s.length) END, '') AS value,
       s.part, s.paragraph, s.start, s.length, s.page,
       CASE WHEN s.within IS NULL THEN s.source_text ELSE substr(w.source_text, s.start - w.start + 1, s.length) END AS source_text
FROM provenance_spans s
JOIN provenance_fields f ON f.id = s.field_id
JOIN provenance_rules r ON r.id = s.rule_id
JOIN bulletins b ON b.id = s.bulletin_id
LEFT JOIN provenance_spans w ON w.bulletin_id = s.bulletin_id AND w.seq = s.within;
