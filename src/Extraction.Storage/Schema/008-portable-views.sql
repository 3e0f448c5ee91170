-- Schema version 8: views every SQLite tool opens. group_concat(… ORDER BY …) needs SQLite
-- 3.44, newer than the sqlite3 of many systems (Debian 12 has 3.40), which then cannot read
-- the schema at all; the units are ordered in a subquery instead.

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

DROP VIEW task_history;
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
