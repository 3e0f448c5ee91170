-- Schema version 1: documents, bulletins and everything extracted from them.
-- Documented in docs/schema.md; keep the two in step.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One bulletin (one issue of a series), however many files carry it.
CREATE TABLE bulletins (
    id                  INTEGER PRIMARY KEY,
    identity_key        TEXT NOT NULL UNIQUE,
    series              TEXT,
    issue               INTEGER,
    issuer              TEXT,
    date                TEXT,
    title               TEXT,
    year                INTEGER,
    declared_categories INTEGER,
    declared_tasks      INTEGER
);

-- Every file ever offered to ingest, parsed or not; keyed by content.
CREATE TABLE source_documents (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT NOT NULL UNIQUE,
    file_name         TEXT NOT NULL,
    path              TEXT NOT NULL,
    format            TEXT CHECK (format IN ('txt', 'docx', 'pdf', 'html')),
    pages             INTEGER,
    size_bytes        INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('parsed', 'failed')),
    error             TEXT,
    rules_fingerprint TEXT NOT NULL,
    bulletin_id       INTEGER REFERENCES bulletins (id) ON DELETE SET NULL,
    ingested_at       TEXT NOT NULL
);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    title       TEXT NOT NULL
);

CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    bulletin_id      INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    number           INTEGER NOT NULL,
    category_id      INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    category_ordinal INTEGER,
    text             TEXT NOT NULL,
    UNIQUE (bulletin_id, position)
);

CREATE TABLE departments (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE task_departments (
    task_id       INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (task_id, position)
);

CREATE TABLE progress (
    id      INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL UNIQUE REFERENCES tasks (id) ON DELETE CASCADE,
    as_of   TEXT,
    text    TEXT NOT NULL
);

CREATE TABLE figures (
    id        INTEGER PRIMARY KEY,
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    field     TEXT NOT NULL CHECK (field IN ('target', 'progress')),
    position  INTEGER NOT NULL,
    raw       TEXT NOT NULL,
    value     REAL NOT NULL,
    value_max REAL,
    unit      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    qualifier TEXT,
    change    TEXT,
    metric    TEXT,
    start     INTEGER NOT NULL,
    UNIQUE (task_id, field, position)
);

CREATE TABLE problems (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL
);

CREATE TABLE warnings (
    id          INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    message     TEXT NOT NULL
);

CREATE INDEX bulletins_by_date ON bulletins (issuer, series, date);
CREATE INDEX source_documents_by_bulletin ON source_documents (bulletin_id);
CREATE INDEX categories_by_bulletin ON categories (bulletin_id, ordinal);
CREATE INDEX tasks_by_number ON tasks (bulletin_id, number);
CREATE INDEX tasks_by_category ON tasks (category_id);
CREATE INDEX task_departments_by_department ON task_departments (department_id);
CREATE INDEX progress_by_as_of ON progress (as_of);
CREATE INDEX figures_by_unit ON figures (unit, kind);
CREATE INDEX problems_by_bulletin ON problems (bulletin_id);
CREATE INDEX warnings_by_bulletin ON warnings (bulletin_id);

-- Each task in one row: its bulletin, category, departments, as-of date and progress.
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
    (SELECT group_concat(d.name, '、' ORDER BY td.position)
       FROM task_departments td JOIN departments d ON d.id = td.department_id
      WHERE td.task_id = t.id) AS departments,
    t.text              AS task_text,
    p.as_of,
    p.text              AS progress_text
FROM tasks t
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN categories c ON c.id = t.category_id
LEFT JOIN progress p ON p.task_id = t.id;

-- Each figure with the task and bulletin it belongs to.
CREATE VIEW figure_overview AS
SELECT
    f.id              AS figure_id,
    t.id              AS task_id,
    b.series,
    b.issue,
    b.date            AS bulletin_date,
    t.number,
    f.field,
    p.as_of,
    f.raw,
    f.value,
    f.value_max,
    f.unit,
    f.kind,
    f.qualifier,
    f.change,
    f.metric
FROM figures f
JOIN tasks t ON t.id = f.task_id
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN progress p ON p.task_id = t.id;

INSERT INTO meta (key, value) VALUES ('schema_version', '1');
