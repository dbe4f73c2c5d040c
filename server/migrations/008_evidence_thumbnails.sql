-- The thumbnail a station made of a photo at capture, synced as its own small blob before the
-- original (see the README's "Attachments"): its SHA-256 and size on the evidence record. Absent
-- on evidence recorded before. The blob clean-up keeps a blob named here as it keeps an original.
ALTER TABLE evidence ADD COLUMN thumbnail_sha256 text;
ALTER TABLE evidence ADD COLUMN thumbnail_size_bytes double precision;
CREATE INDEX evidence_by_thumbnail_sha256 ON evidence (thumbnail_sha256);
