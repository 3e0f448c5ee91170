-- The role of each unit in a task: lead (牵头, 责任单位) or partner (配合, 协办). The merged
-- list of bulletin/1 keeps both; the role says which the bulletin named it as.
ALTER TABLE task_departments ADD COLUMN role TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('lead', 'partner'));

DROP VIEW department_report;

-- What each department reported: one row per department and report, with its role in the task.
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
    p.completion,
    p.status,
    t.id                AS task_id
FROM task_departments td
JOIN departments d ON d.id = td.department_id
JOIN tasks t ON t.id = td.task_id
JOIN bulletins b ON b.id = t.bulletin_id
LEFT JOIN progress p ON p.task_id = t.id;
