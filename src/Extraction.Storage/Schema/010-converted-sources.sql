-- Schema version 10: which files were read through LibreOffice. A .doc, .wps or .rtf is read from
-- the .docx LibreOffice makes of it, so its format is docx; converted_from keeps the file's own
-- format, for each file (a bulletin's warnings are those of whichever of its files came last).
ALTER TABLE source_documents ADD COLUMN converted_from TEXT CHECK (converted_from IN ('doc', 'rtf'));
