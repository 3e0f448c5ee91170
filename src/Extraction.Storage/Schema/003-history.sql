-- Schema version 3: task histories. Everything here is derived from the bulletins and is
-- rebuilt after every ingest (extract ingest does it), so it always agrees with them.

-- Bulletins of the same issuer, series name and programme year.
CREATE TABLE series (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    issuer  TEXT,
    series  TEXT,
    year    INTEGER
);

ALTER TABLE bulletins ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;

-- One task followed through the issues of a series.
CREATE TABLE task_identities (
    id        INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,   -- its number in the latest issue
    label     TEXT NOT NULL       -- the beginning of its text in the latest issue
);

ALTER TABLE tasks ADD COLUMN identity_id INTEGER REFERENCES task_identities (id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN identity_confidence REAL;   -- text similarity to the task it was matched with (1 for the first issue)
ALTER TABLE tasks ADD COLUMN identity_method TEXT;       -- first | number | text

ALTER TABLE departments ADD COLUMN canonical_name TEXT;

ALTER TABLE progress ADD COLUMN completion REAL;         -- in %, against the task's target
ALTER TABLE progress ADD COLUMN completion_basis TEXT;   -- figures | stated
ALTER TABLE progress ADD COLUMN completion_detail TEXT;  -- 19572人 of 3.8万人, or the stated figure
ALTER TABLE progress ADD COLUMN elapsed REAL;            -- % of the programme year gone by at as_of (序时进度)
ALTER TABLE progress ADD COLUMN status TEXT;             -- done | ahead | on_schedule | behind

-- What does not add up: a stated percentage against its figures, a cumulative figure that
-- goes down, a progress date after the bulletin's date.
CREATE TABLE audit_findings (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    task_id     INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,       -- stated_vs_figures | cumulative_decrease | date_after_bulletin
    message     TEXT NOT NULL
);

-- Full-text search over task and progress text, segmented into words by jieba.NET
-- (SQLite's own tokenizers do not split Chinese words).
CREATE VIRTUAL TABLE search_fts USING fts5 (words, task_id UNINDEXED, field UNINDEXED, tokenize = 'unicode61');

CREATE INDEX bulletins_by_series ON bulletins (series_id, date);
CREATE INDEX tasks_by_identity ON tasks (identity_id);
CREATE INDEX audit_by_task ON audit_findings (task_id);

-- Each report of each task through its series, in date order.
CREATE VIEW task_history AS
SELECT
    ti.id               AS identity_id,
    s.id                AS series_id,
    s.series,
    s.issuer,
    s.year,
    ti.number           AS identity_number,
    ti.label            AS task,
    b.issue,
    b.date              AS bulletin_date,
    t.number,
    p.as_of,
    (SELECT group_concat(coalesce(d.canonical_name, d.name), '、' ORDER BY td.position)
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id) AS departments,
    p.text              AS progress_text,
    p.completion,
    p.completion_basis,
    p.elapsed,
    p.status,
    t.id                AS task_id,
    t.identity_confidence
FROM tasks t
JOIN task_identities ti ON ti.id = t.identity_id
JOIN series s ON s.id = ti.series_id
JOIN bulletins b ON b.id = t.bulletin_id
JOIN progress p ON p.task_id = t.id;

-- What each department reported: one row per department and report.
CREATE VIEW department_report AS
SELECT
    coalesce(d.canonical_name, d.name) AS department,
    d.name              AS written_as,
    b.series,
    b.issue,
    b.date              AS bulletin_date,
    t.number,
    t.text              AS task_text,
    p.as_of,
    p.text              AS progress_text,
    p.completion,
    p.status,
    t.id                AS task_id
FROM task_departments td
JOIN departments d ON d.id = td.department_id
JOIN tasks t ON t.id = td.task_id
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN progress p ON p.task_id = t.id;

-- Audit findings with their bulletin and task.
CREATE VIEW audit AS
SELECT
    a.kind,
    b.series,
    b.issue,
    b.date              AS bulletin_date,
    t.number,
    a.message,
    a.task_id,
    a.bulletin_id
FROM audit_findings a
JOIN bulletins b ON b.id = a.bulletin_id
LEFT JOIN tasks t ON t.id = a.task_id;
