-- People's audit events recorded before the station kept PIN hashes out of the trail carry them
-- under changes.pinHash and changes.pinSalt; anyone who reads the trail (any station of the
-- center, a backup) could try PINs against them offline. Each such change becomes what the trail
-- records today: null where there was no value, "[secret]" where there was one (see
-- withSecretsHidden in shared/domain/audit.ts; stations do the same in their schema 9). The rows
-- keep their versions: a station's own upgrade hides its copies, and a new station pulls these.
UPDATE audit_events AS event
SET changes = event.changes || (
  SELECT jsonb_object_agg(
    secret.field,
    jsonb_build_object(
      'from', CASE WHEN coalesce(event.changes -> secret.field -> 'from', 'null'::jsonb) = 'null'::jsonb
                   THEN 'null'::jsonb ELSE '"[secret]"'::jsonb END,
      'to', CASE WHEN coalesce(event.changes -> secret.field -> 'to', 'null'::jsonb) = 'null'::jsonb
                 THEN 'null'::jsonb ELSE '"[secret]"'::jsonb END
    )
  )
  FROM unnest(ARRAY['pinHash', 'pinSalt']) AS secret (field)
  WHERE event.changes ? secret.field
)
WHERE event.entity = 'people' AND (event.changes ? 'pinHash' OR event.changes ? 'pinSalt');
