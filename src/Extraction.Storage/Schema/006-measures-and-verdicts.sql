-- Schema version 6: how each task stands in each bulletin moves out of progress into
-- assessments (one row per task, reported or not), with the bulletin's own verdict beside the
-- computed status and every measure of the task in measures. Findings name their figures.

-- The verdict a table prints for the task, with its column header (是否达到序时进度：否), or a
-- "not reported" mark in its progress column (进展情况：—). From the bulletin, not derived.
ALTER TABLE tasks ADD COLUMN verdict TEXT;

DROP VIEW task_history;
DROP VIEW department_report;
ALTER TABLE progress DROP COLUMN completion;
ALTER TABLE progress DROP COLUMN completion_basis;
ALTER TABLE progress DROP COLUMN completion_detail;
ALTER TABLE progress DROP COLUMN elapsed;
ALTER TABLE progress DROP COLUMN status;

-- Derived, rebuilt after every ingest: how one task stands in its bulletin.
CREATE TABLE assessments (
    task_id           INTEGER PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    completion        REAL,   -- in %: the primary measure, else the stated rate; NULL above the plausibility bound
    completion_basis  TEXT,   -- figures | stated
    completion_detail TEXT,   -- 4个 of 14个, or the stated figure
    elapsed           REAL,   -- % of the programme year gone by at as_of (序时进度)
    status            TEXT,   -- done | ahead | on_schedule | behind (computed), else the printed verdict, else not_reported
    printed_status    TEXT,   -- the bulletin's own verdict: done | ahead | on_schedule | behind | not_started | not_reported
    printed_raw       TEXT,   -- the words it was read from (是否达到序时进度：否, 进度滞后)
    printed_rule      TEXT    -- the verdict rule that read them
);

-- Derived: each quantified target of a task and the progress figure that measures it.
CREATE TABLE measures (
    id             INTEGER PRIMARY KEY,
    task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,   -- 1 = the primary measure
    is_primary     INTEGER NOT NULL,
    state          TEXT NOT NULL,      -- completed | started: what the target counts
    target_raw     TEXT NOT NULL,
    target_value   REAL NOT NULL,
    unit           TEXT NOT NULL,
    achieved_raw   TEXT,
    achieved_value REAL,
    completion     REAL                -- achieved ÷ target, in %
);
CREATE INDEX measures_by_task ON measures (task_id, ordinal);

ALTER TABLE audit_findings ADD COLUMN figures TEXT;   -- the printed figures the finding is about

DROP VIEW audit;
CREATE VIEW audit AS
SELECT
    a.kind,
    b.series,
    b.issue,
    b.date              AS bulletin_date,
    t.number,
    a.figures,
    a.message,
    a.task_id,
    a.bulletin_id
FROM audit_findings a
JOIN bulletins b ON b.id = a.bulletin_id
LEFT JOIN tasks t ON t.id = a.task_id;

-- Each task of each issue through its series, in date order; a task without a report is kept
-- (status not_reported).
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
    (SELECT group_concat(name, '、') FROM (SELECT coalesce(d.canonical_name, d.name) AS name
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id ORDER BY td.position)) AS departments,
    p.text              AS progress_text,
    a.completion,
    a.completion_basis,
    a.elapsed,
    a.status,
    t.id                AS task_id,
    t.identity_confidence,
    a.printed_status,
    a.printed_raw,
    a.completion_detail,
    (SELECT group_concat(name, '、') FROM (SELECT coalesce(d.canonical_name, d.name) AS name
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id AND td.role = 'lead' ORDER BY td.position)) AS lead_departments,
    (SELECT group_concat(name, '、') FROM (SELECT coalesce(d.canonical_name, d.name) AS name
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id AND td.role = 'partner' ORDER BY td.position)) AS partner_departments
FROM tasks t
JOIN task_identities ti ON ti.id = t.identity_id
JOIN series s ON s.id = ti.series_id
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN progress p ON p.task_id = t.id
LEFT JOIN assessments a ON a.task_id = t.id;

-- What each department reported, in which role: one row per department and task.
CREATE VIEW department_report AS
SELECT
    coalesce(d.canonical_name, d.name) AS department,
    d.name              AS written_as,
    td.role,
    b.series,
    b.issue,
    b.date              AS bulletin_date,
    t.number,
    t.text              AS task_text,
    p.as_of,
    p.text              AS progress_text,
    a.completion,
    a.status,
    t.id                AS task_id,
    a.printed_status
FROM task_departments td
JOIN departments d ON d.id = td.department_id
JOIN tasks t ON t.id = td.task_id
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN progress p ON p.task_id = t.id
LEFT JOIN assessments a ON a.task_id = t.id;

-- The views list each task's units in printed order through a subquery, not with
-- group_concat(… ORDER BY …): that needs SQLite 3.44, newer than the sqlite3 of many systems
-- (Debian 12 has 3.40), which then cannot read the schema at all.
DROP VIEW task_overview;
CREATE VIEW task_overview AS
SELECT
    t.id                AS task_id,
    b.id                AS bulletin_id,
    b.series,
    b.issue,
    b.issuer,
    b.date              AS bulletin_date,
    b.year,
    t.number,
    t.category_ordinal  AS category,
    c.title             AS category_title,
    (SELECT group_concat(name, '、') FROM (SELECT d.name AS name
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id ORDER BY td.position)) AS departments,
    t.text              AS task_text,
    p.as_of,
    p.text              AS progress_text
FROM tasks t
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN categories c ON c.id = t.category_id
LEFT JOIN progress p ON p.task_id = t.id;
