-- Schema version 15: a source text that is the whole text of a task, of its progress report or
-- of a statement is not stored a second time in provenance. Those texts were a third of the
-- provenance: the same characters as tasks.text, progress.text and statements.text. Such a
-- span now keeps its place (paragraph, start, length) and no text, and the view reads the text
-- from the column; a span `within` it is cut out of that column. Which column a field's text
-- is in is said once per field path, in provenance_fields.
ALTER TABLE provenance_fields ADD COLUMN text_column TEXT CHECK (text_column IN ('tasks.text', 'progress.text', 'statements.text'));
ALTER TABLE provenance_fields ADD COLUMN position INTEGER; -- of the task or statement: tasks[3].text is position 3

UPDATE provenance_fields SET text_column = 'tasks.text', position = CAST(substr(field, 7, instr(field, ']') - 7) AS INTEGER)
WHERE field = 'tasks[' || CAST(substr(field, 7, instr(field, ']') - 7) AS INTEGER) || '].text';
UPDATE provenance_fields SET text_column = 'progress.text', position = CAST(substr(field, 7, instr(field, ']') - 7) AS INTEGER)
WHERE field = 'tasks[' || CAST(substr(field, 7, instr(field, ']') - 7) AS INTEGER) || '].progress.text';
UPDATE provenance_fields SET text_column = 'statements.text', position = CAST(substr(field, 12, instr(field, ']') - 12) AS INTEGER)
WHERE field = 'statements[' || CAST(substr(field, 12, instr(field, ']') - 12) AS INTEGER) || '].text';

UPDATE provenance_spans SET source_text = NULL
WHERE within IS NULL AND source_text IS NOT NULL AND source_text = (
    SELECT CASE f.text_column
        WHEN 'tasks.text' THEN (SELECT t.text FROM tasks t WHERE t.bulletin_id = provenance_spans.bulletin_id AND t.position = f.position)
        WHEN 'progress.text' THEN (SELECT p.text FROM tasks t JOIN progress p ON p.task_id = t.id WHERE t.bulletin_id = provenance_spans.bulletin_id AND t.position = f.position)
        WHEN 'statements.text' THEN (SELECT s.text FROM statements s WHERE s.bulletin_id = provenance_spans.bulletin_id AND s.position = f.position)
    END
    FROM provenance_fields f WHERE f.id = provenance_spans.field_id);

-- The same columns as before. A span's text: its own; else, inside another span, cut out of
-- that one's; else, when it has a place, the column its field names.
DROP VIEW provenance;
CREATE VIEW provenance AS
SELECT x.bulletin_id, x.seq, x.source, x.field, x.rule, coalesce(x.value, x.source_text, '') AS value,
       x.part, x.paragraph, x.start, x.length, x.page, x.source_text, x.confidence
FROM (
    SELECT s.bulletin_id, s.seq, b.source_sha256 AS source, f.field, r.rule, s.value, s.part, s.paragraph, s.start, s.length, s.page, s.confidence,
           CASE
               WHEN s.within IS NOT NULL THEN substr(coalesce(w.source_text, CASE wf.text_column
                   WHEN 'tasks.text' THEN (SELECT t.text FROM tasks t WHERE t.bulletin_id = s.bulletin_id AND t.position = wf.position)
                   WHEN 'progress.text' THEN (SELECT p.text FROM tasks t JOIN progress p ON p.task_id = t.id WHERE t.bulletin_id = s.bulletin_id AND t.position = wf.position)
                   WHEN 'statements.text' THEN (SELECT st.text FROM statements st WHERE st.bulletin_id = s.bulletin_id AND st.position = wf.position)
               END), s.start - w.start + 1, s.length)
               WHEN s.source_text IS NOT NULL OR s.paragraph IS NULL THEN s.source_text
               ELSE CASE f.text_column
                   WHEN 'tasks.text' THEN (SELECT t.text FROM tasks t WHERE t.bulletin_id = s.bulletin_id AND t.position = f.position)
                   WHEN 'progress.text' THEN (SELECT p.text FROM tasks t JOIN progress p ON p.task_id = t.id WHERE t.bulletin_id = s.bulletin_id AND t.position = f.position)
                   WHEN 'statements.text' THEN (SELECT st.text FROM statements st WHERE st.bulletin_id = s.bulletin_id AND st.position = f.position)
               END
           END AS source_text
    FROM provenance_spans s
    JOIN provenance_fields f ON f.id = s.field_id
    JOIN provenance_rules r ON r.id = s.rule_id
    JOIN bulletins b ON b.id = s.bulletin_id
    LEFT JOIN provenance_spans w ON w.bulletin_id = s.bulletin_id AND w.seq = s.within
    LEFT JOIN provenance_fields wf ON wf.id = w.field_id
) x;

-- The unique key (bulletin_id, position) already orders statements by bulletin.
DROP INDEX statements_by_bulletin;
