-- The histories a restore continued from, and up to which version: a backup taken at version V
-- holds every row of its history up to V exactly as it was, so a station whose cursor is of that
-- history and at or below V goes on from it in the restored server's history (one past V pulled
-- rows the restore lost, and pulls again from the start). A later restore of an older backup
-- lowers the versions of the histories before it to its own.
CREATE TABLE continued_histories (
  space_id text NOT NULL REFERENCES space (id),
  history text NOT NULL,
  until_version bigint NOT NULL,
  PRIMARY KEY (space_id, history)
);
