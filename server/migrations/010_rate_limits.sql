-- Rate-limit windows shared by every server process on one database: pairing attempts from an
-- address are counted once for the center, not once per process. A row is one address on one
-- route (its key) and the window it is counting.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);
