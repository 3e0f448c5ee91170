-- Schema version 12: scanned bulletins read by OCR. source_documents.ocr marks a file whose
-- text was recognised from page images; each provenance span of such a file keeps the mean
-- word confidence (0–100) of the paragraph it comes from, so a figure read with little
-- confidence can be found and checked against the page.
ALTER TABLE source_documents ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0 CHECK (ocr IN (0, 1));
ALTER TABLE provenance_spans ADD COLUMN confidence REAL; -- NULL: read from a text layer

DROP VIEW provenance;
CREATE VIEW provenance AS
SELECT s.bulletin_id, s.seq, b.source_sha256 AS source, f.field, r.rule,
       coalesce(s.value, CASE WHEN s.within IS NULL THEN s.source_text ELSE substr(w.source_text, s.start - w.start + 1, s.length) END, '') AS value,
       s.part, s.paragraph, s.start, s.length, s.page,
       CASE WHEN s.within IS NULL THEN s.source_text ELSE substr(w.source_text, s.start - w.start + 1, s.length) END AS source_text,
       s.confidence
FROM provenance_spans s
JOIN provenance_fields f ON f.id = s.field_id
JOIN provenance_rules r ON r.id = s.rule_id
JOIN bulletins b ON b.id = s.bulletin_id
LEFT JOIN provenance_spans w ON w.bulletin_id = s.bulletin_id AND w.seq = s.within;
