-- Schema version 4: every bulletin yields its data. Paragraphs outside tasks and problems are
-- statements, with their figures; counts the bulletin states about its whole programme are
-- tallies. Tasks that the layout marks without a printed number are kept apart.

CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,   -- reading order among the bulletin's statements
    section     TEXT NOT NULL CHECK (section IN ('intro', 'body', 'closing')),
    as_of       TEXT,
    text        TEXT NOT NULL,
    UNIQUE (bulletin_id, position)
);

CREATE TABLE tallies (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('done', 'on_schedule', 'behind', 'started', 'not_started')),
    count       INTEGER NOT NULL,
    raw         TEXT NOT NULL,
    UNIQUE (bulletin_id, position)
);

ALTER TABLE tasks ADD COLUMN numbered INTEGER NOT NULL DEFAULT 1;   -- 0: numbered by position (a table without 序号)

-- Figures now belong to a task (target, progress) or to a statement.
DROP VIEW figure_overview;

CREATE TABLE figures_v4 (
    id           INTEGER PRIMARY KEY,
    bulletin_id  INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    task_id      INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements (id) ON DELETE CASCADE,
    field        TEXT NOT NULL CHECK (field IN ('target', 'progress', 'statement')),
    position     INTEGER NOT NULL,
    raw          TEXT NOT NULL,
    value        REAL NOT NULL,
    value_max    REAL,
    unit         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    qualifier    TEXT,
    change       TEXT,
    metric       TEXT,
    start        INTEGER NOT NULL,
    CHECK ((field = 'statement') = (statement_id IS NOT NULL AND task_id IS NULL)),
    UNIQUE (task_id, statement_id, field, position)
);

INSERT INTO figures_v4 (id, bulletin_id, task_id, statement_id, field, position, raw, value, value_max, unit, kind, qualifier, change, metric, start)
SELECT f.id, t.bulletin_id, f.task_id, NULL, f.field, f.position, f.raw, f.value, f.value_max, f.unit, f.kind, f.qualifier, f.change, f.metric, f.start
FROM figures f JOIN tasks t ON t.id = f.task_id;

DROP TABLE figures;
ALTER TABLE figures_v4 RENAME TO figures;

CREATE INDEX figures_by_unit ON figures (unit, kind);
CREATE INDEX figures_by_task ON figures (task_id, field, position);
CREATE INDEX figures_by_statement ON figures (statement_id, position);
CREATE INDEX figures_by_bulletin ON figures (bulletin_id);
CREATE INDEX statements_by_bulletin ON statements (bulletin_id, position);
CREATE INDEX tallies_by_bulletin ON tallies (bulletin_id, status);

-- Each figure with the bulletin it belongs to, and its task or statement.
CREATE VIEW figure_overview AS
SELECT
    f.id              AS figure_id,
    f.bulletin_id,
    f.task_id,
    f.statement_id,
    b.series,
    b.issue,
    b.date            AS bulletin_date,
    t.number,
    f.field,
    coalesce(p.as_of, s.as_of) AS as_of,
    f.raw,
    f.value,
    f.value_max,
    f.unit,
    f.kind,
    f.qualifier,
    f.change,
    f.metric
FROM figures f
JOIN bulletins b ON b.id = f.bulletin_id
LEFT JOIN tasks t ON t.id = f.task_id
LEFT JOIN progress p ON p.task_id = t.id
LEFT JOIN statements s ON s.id = f.statement_id;

-- Each statement with its bulletin: what a bulletin says outside its tasks.
CREATE VIEW statement_overview AS
SELECT
    s.id              AS statement_id,
    b.id              AS bulletin_id,
    b.series,
    b.issue,
    b.issuer,
    b.date            AS bulletin_date,
    b.title,
    b.year,
    s.position,
    s.section,
    s.as_of,
    s.text,
    (SELECT count(*) FROM figures f WHERE f.statement_id = s.id) AS figures
FROM statements s
JOIN bulletins b ON b.id = s.bulletin_id;

-- Each tally with its bulletin: how many of the programme's items are done, behind …
CREATE VIEW tally_overview AS
SELECT
    y.id              AS tally_id,
    b.id              AS bulletin_id,
    b.series,
    b.issue,
    b.issuer,
    b.date            AS bulletin_date,
    b.title,
    b.year,
    b.declared_tasks,
    y.status,
    y.count,
    y.raw
FROM tallies y
JOIN bulletins b ON b.id = y.bulletin_id;

-- The full-text index gains statements (rebuilt with the task histories after every ingest).
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (words, task_id UNINDEXED, field UNINDEXED, statement_id UNINDEXED, tokenize = 'unicode61');
