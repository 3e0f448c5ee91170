-- Schema version 2: why each stored value is what it is — the rule that produced it and the
-- exact source text, for every field of every bulletin (extract parse --explain shows the same).

CREATE TABLE provenance (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    source      TEXT NOT NULL,    -- sha256 of the file the paragraphs are counted in
    field       TEXT NOT NULL,    -- a path into bulletin/1: bulletin.issue, tasks[3].departments[0]
    rule        TEXT NOT NULL,    -- the rule id (label.departments, asof.month-end, figures.人 …)
    value       TEXT NOT NULL,
    part        INTEGER NOT NULL, -- a value taken from several paragraphs has one row per part
    paragraph   INTEGER,          -- paragraph of the document as read, from 1
    start       INTEGER,          -- offset of the source text in that paragraph
    length      INTEGER,
    page        INTEGER,
    source_text TEXT
);

CREATE INDEX provenance_by_bulletin ON provenance (bulletin_id, field);
CREATE INDEX provenance_by_rule ON provenance (rule);

-- The family of rules each bulletin was read with.
ALTER TABLE bulletins ADD COLUMN rule_family TEXT;
