-- A part names the audit event of the import page that last wrote it (one event per page of
-- parts, not one per part), so its history can show the import.
ALTER TABLE parts_catalog ADD COLUMN import_event_id text;
