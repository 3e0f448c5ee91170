-- The role of each unit in a task: lead (牵头, 责任单位) or partner (配合, 协办). The merged
-- list of bulletin/1 keeps both; the role says which the bulletin named it as.
ALTER TABLE task_departments ADD COLUMN role TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('lead', 'partner'));

-- department_report shows the role from schema version 6 on, where it is recreated.
