-- Which history of the center the versions belong to: a restored backup starts another (its
-- versions are handed out again), so a station whose pull cursor came from before the restore
-- is told to pull again from the start. Cursors carry it; `server restore` renews it.
ALTER TABLE space ADD COLUMN history text NOT NULL DEFAULT gen_random_uuid()::text;
