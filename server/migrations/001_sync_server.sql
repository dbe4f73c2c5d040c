-- The sync server's first schema: the center's space (its version counter), devices and their
-- clients, pairing codes, recorded rejections, and one table per synced table (see
-- server/src/storage/syncColumns.ts, which must match the columns created here).

-- One space per center. `version` numbers every row change; `horizon` is the highest version of
-- a purged tombstone (a pull from before it must start again); `clock` is the server's last
-- hybrid logical clock stamp (node SERVER), so stamps keep increasing across restarts and
-- across server processes.
CREATE TABLE space (
  id text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0,
  horizon bigint NOT NULL DEFAULT 0,
  clock text,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO space (id) VALUES (gen_random_uuid()::text);

-- An enrolled station (`devices` holds the customers' devices). Only the SHA-256 of its token is kept.
CREATE TABLE enrolled_devices (
  id text PRIMARY KEY,
  space_id text NOT NULL REFERENCES space (id),
  station_code text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
-- Station codes are unique among the active devices of a center (RMA numbers and clock nodes).
CREATE UNIQUE INDEX enrolled_devices_active_station_code ON enrolled_devices (space_id, station_code)
  WHERE revoked_at IS NULL;

-- One local database of a station; a restored backup is a new client of the same device.
CREATE TABLE clients (
  id text PRIMARY KEY,
  device_id text NOT NULL REFERENCES enrolled_devices (id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The mutations refused for good, so a repeated push gets the same answer.
CREATE TABLE rejections (
  client_id text NOT NULL REFERENCES clients (id),
  mutation_number bigint NOT NULL,
  mutation_id text NOT NULL,
  rejection jsonb NOT NULL,
  rejected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_number)
);

-- One-time pairing codes, by their SHA-256.
CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY,
  space_id text NOT NULL REFERENCES space (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- The synced tables: a column per record field, the row's stamps, and the version of its last
-- change; pulls walk (space_id, _version, id).
CREATE TABLE customers (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  name text,
  phone text,
  email text,
  address jsonb,
  preferred_language text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX customers_by_version ON customers (space_id, _version, id);

CREATE TABLE devices (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  customer_id text,
  model text,
  category text,
  serial text,
  imei text,
  sku text,
  item_code text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX devices_by_version ON devices (space_id, _version, id);

CREATE TABLE claims (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  rma_number text,
  status text,
  policy_pack_id text,
  customer_id text,
  device_id text,
  purchase jsonb,
  reason text,
  symptom text,
  defect jsonb,
  steps_tried text,
  condition_on_arrival jsonb,
  customer_acknowledgement jsonb,
  remedy text,
  assignee_id text,
  created_at text,
  updated_at text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX claims_by_version ON claims (space_id, _version, id);

CREATE TABLE evidence (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  claim_id text,
  kind text,
  sha256 text,
  size_bytes double precision,
  media_type text,
  file_name text,
  captured_at text,
  captured_by text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX evidence_by_version ON evidence (space_id, _version, id);

CREATE TABLE inspections (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  claim_id text,
  fault_confirmed boolean,
  doa_verdict text,
  no_defect_found boolean,
  inspected_at text,
  inspected_by text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX inspections_by_version ON inspections (space_id, _version, id);

CREATE TABLE misuse_findings (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  inspection_id text,
  kind text,
  note text,
  evidence_ids jsonb,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX misuse_findings_by_version ON misuse_findings (space_id, _version, id);

CREATE TABLE quotes (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  claim_id text,
  revision double precision,
  status text,
  currency text,
  valid_until text,
  sent_at text,
  answered_at text,
  customer_answer text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX quotes_by_version ON quotes (space_id, _version, id);

CREATE TABLE quote_lines (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  quote_id text,
  kind jsonb,
  description text,
  wording jsonb,
  quantity double precision,
  unit_price jsonb,
  conversion jsonb,
  clause_ids jsonb,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX quote_lines_by_version ON quote_lines (space_id, _version, id);

CREATE TABLE shipment_legs (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  claim_id text,
  direction text,
  carrier text,
  tracking_number text,
  paid_by text,
  cost jsonb,
  receipt_evidence_id text,
  shipped_at text,
  received_at text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX shipment_legs_by_version ON shipment_legs (space_id, _version, id);

CREATE TABLE notes (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  claim_id text,
  body text,
  author text,
  at text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX notes_by_version ON notes (space_id, _version, id);

CREATE TABLE audit_events (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  entity text,
  entity_id text,
  action text,
  changes jsonb,
  actor text,
  actor_role text,
  reason text,
  event_station text,
  at text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX audit_events_by_version ON audit_events (space_id, _version, id);

CREATE TABLE parts_catalog (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  sku text,
  name text,
  unit_price jsonb,
  compatible_models jsonb,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX parts_catalog_by_version ON parts_catalog (space_id, _version, id);

CREATE TABLE people (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  name text,
  roles jsonb,
  active boolean,
  pin_hash text,
  pin_salt text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX people_by_version ON people (space_id, _version, id);

CREATE TABLE center_settings (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  center jsonb,
  currency text,
  time_zone text,
  working_days jsonb,
  holidays jsonb,
  language text,
  policy_assignments jsonb,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX center_settings_by_version ON center_settings (space_id, _version, id);

CREATE TABLE conflicts (
  space_id text NOT NULL REFERENCES space (id),
  id text COLLATE "C" NOT NULL,
  _version bigint NOT NULL,
  stamps jsonb NOT NULL,
  updated_by text NOT NULL,
  station text NOT NULL,
  deleted_at text,
  table_name text,
  row_id text,
  claim_id text,
  field text,
  winner_stamp text,
  loser_stamp text,
  loser_value jsonb,
  loser_actor text,
  loser_station text,
  detected_at text,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX conflicts_by_version ON conflicts (space_id, _version, id);

