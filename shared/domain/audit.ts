import { z } from 'zod';
import { isoDateTimeSchema, recordIdSchema, stationCodeSchema, textSchema } from './primitives';
import { roleSchema } from './roles';

/** What happened to a record: `transition` is a claim status change, kept apart from edits. */
export const auditActionSchema = z.enum(['create', 'update', 'delete', 'transition']);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** A change to one field: the value before (`undefined`/`null` when it had none) and after. */
export const fieldChangeSchema = z.object({ from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/**
 * What an audit change holds in place of a secret's value (a person's PIN hash): the trail says
 * the field was set or changed, never to what. Everyone who reads the trail, at every station
 * of the center and in its backups, could otherwise try PINs against the hash offline.
 */
export const secretAuditValue = '[secret]';

/** The fields of a person whose values are secrets (see {@link secretAuditValue}). */
export const personSecretFields = ['pinHash', 'pinSalt'] as const;

/** `change` as an audit event may record a secret field's: set or not, never to what. */
export function hiddenChange(change: FieldChange): FieldChange {
  const hidden = (value: unknown) =>
    value === null || value === undefined ? null : secretAuditValue;
  return { from: hidden(change.from), to: hidden(change.to) };
}

/**
 * `changes` with every field of `secretFields` hidden ({@link hiddenChange}); the same object
 * when none needed hiding. Events made before secrets were hidden carry PIN hashes; the station's
 * schema 9 and the server's migration 006 pass them through this.
 */
export function withSecretsHidden(
  changes: Readonly<Record<string, FieldChange>>,
  secretFields: readonly string[],
): Readonly<Record<string, FieldChange>> {
  const exposed = secretFields.filter((field) => {
    const change = changes[field];
    return change !== undefined && !isSameChange(change, hiddenChange(change));
  });
  if (exposed.length === 0) return changes;
  const hidden = { ...changes };
  for (const field of exposed) {
    const change = changes[field];
    if (change !== undefined) hidden[field] = hiddenChange(change);
  }
  return hidden;
}

function isSameChange(a: FieldChange, b: FieldChange): boolean {
  return (a.from ?? null) === (b.from ?? null) && (a.to ?? null) === (b.to ?? null);
}

/** The name of a table, as stored (`claims`, `quoteLines`): a letter, then letters or digits. */
export const entityNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: 'expected a table name such as "claims"' });

/**
 * One entry of the audit trail: who (`actor`, a person's id, acting as `actorRole`) did what
 * (`action`) to which record (`entity`, `entityId`), from which station, when, and why when they
 * had to say (`reason`: a manager forcing a transition the workflow refused). `changes` maps each
 * field name to its `{ from, to }`. `actorRole` is absent on events made before roles, or while
 * the station had no manager (roles not enforced). Invariant: a `transition` records the status change under `changes.status`.
 * Audit events are appended, never edited.
 */
export const auditEventSchema = z
  .object({
    id: recordIdSchema,
    entity: entityNameSchema,
    entityId: recordIdSchema,
    action: auditActionSchema,
    changes: z.record(z.string(), fieldChangeSchema),
    actor: recordIdSchema,
    actorRole: roleSchema.optional(),
    reason: textSchema.optional(),
    station: stationCodeSchema,
    at: isoDateTimeSchema,
  })
  .refine((event) => event.action !== 'transition' || Object.hasOwn(event.changes, 'status'), {
    error: 'a transition must record the status change under "status"',
    path: ['changes'],
  });
export type AuditEvent = z.infer<typeof auditEventSchema>;
