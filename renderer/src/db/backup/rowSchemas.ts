import { z } from 'zod';
import { customerSchema } from '#shared/domain/customer';
import {
  isoDateSchema,
  isoDateTimeSchema,
  recordIdSchema,
  sha256Schema,
  stationCodeSchema,
} from '#shared/domain/primitives';
import { hlcSchema } from '#shared/sync/hybridLogicalClock';
import { mutationIntentSchema } from '#shared/sync/protocol';
import { deletionSchema, syncRowValueSchemas } from '#shared/sync/rowSchemas';
import { languageSchema } from '#shared/domain/vocabulary';
import { syncedTableNames } from '../records';
import { customerSearchFields } from '../searchKeys';
import { RestoreRefusal, type RecordTableName } from './format';

/**
 * What every synced row carries beside its domain fields (see `SyncFields`): its deletion, as the
 * sync server checks it, and the stamps and author of its last change.
 */
const syncFieldsSchema = deletionSchema.extend({
  stamps: z.record(z.string(), hlcSchema),
  updatedBy: recordIdSchema,
  station: stationCodeSchema,
});

/** The queue's derived deadline fields of a claim (schema version 3), when present. */
const claimDeadlineFieldsSchema = z.object({
  nextDeadlineAt: isoDateTimeSchema.optional(),
  nextDeadlineDate: isoDateSchema.optional(),
  nextDeadlineKind: z.string().min(1).optional(),
});

const settingsRowSchema = z.discriminatedUnion('key', [
  // Since schema 6 what stays per station; the center's settings and people are records.
  z.object({
    key: z.literal('station'),
    stationCode: stationCodeSchema,
    language: languageSchema.optional(),
    setUpAt: isoDateTimeSchema,
  }),
  z.object({ key: z.literal('clock'), lastStamp: hlcSchema }),
  z.object({
    key: z.literal('bench'),
    technicianId: recordIdSchema,
    locked: z.boolean().optional(),
  }),
  z.object({
    key: z.literal('pin-attempts'),
    byPerson: z.record(
      recordIdSchema,
      z.object({ count: z.int().nonnegative(), lastAt: isoDateTimeSchema }),
    ),
  }),
  // A backup made while deadlines were being recalculated: the restored station resumes it.
  z.object({
    key: z.literal('deadline-recalculation'),
    runId: recordIdSchema,
    startedAt: isoDateTimeSchema,
    afterClaimId: recordIdSchema.optional(),
    done: z.int().nonnegative(),
    total: z.int().nonnegative().optional(),
  }),
  // Since schema 12: how far collecting unreferenced files got, consistent with the backup's files.
  z.object({
    key: z.literal('attachment-collection'),
    judgedThrough: z.tuple([isoDateTimeSchema, sha256Schema]),
    recheck: z.array(sha256Schema),
  }),
]);

const outboxEntrySchema = z.object({
  sequence: z.int().positive(),
  mutationId: recordIdSchema,
  station: stationCodeSchema,
  actor: recordIdSchema,
  at: hlcSchema,
  /** Since schema 5: a claim's status change, which the server judges from where the claim stands. */
  intent: mutationIntentSchema.optional(),
  rows: z.array(
    z.object({
      table: z.enum(syncedTableNames),
      id: recordIdSchema,
      set: z.record(z.string(), z.unknown()),
      unset: z.array(z.string()),
      stamp: hlcSchema,
      /** Since schema 5: each field's stamp before the change (null: it had none). */
      base: z.record(z.string(), hlcSchema.nullable()).optional(),
    }),
  ),
});

/** An attachment's metadata (its thumbnail's bytes travel as an entry of their own). */
const attachmentRowSchema = z.object({
  sha256: sha256Schema,
  sizeBytes: z.int().nonnegative(),
  mediaType: z.string(),
  storedAt: isoDateTimeSchema,
  thumbnail: z.object({ width: z.int().positive(), height: z.int().positive() }).optional(),
  /** Since thumbnails sync: the thumbnail's own file (an attachment row of its own). */
  thumbnailSha256: sha256Schema.optional(),
});

/**
 * The schemas a row of each table must meet: for the synced tables, the values the sync server
 * checks (shared/sync/rowSchemas) with the sync fields; the station's own for the others. A row must meet every schema of its table.
 */
const rowSchemas: Record<RecordTableName, readonly z.ZodType[]> = {
  settings: [settingsRowSchema],
  sequences: [z.object({ name: z.string().min(1), value: z.int().nonnegative() })],
  outbox: [outboxEntrySchema],
  customers: [syncRowValueSchemas.customers, syncFieldsSchema],
  devices: [syncRowValueSchemas.devices, syncFieldsSchema],
  claims: [syncRowValueSchemas.claims, syncFieldsSchema, claimDeadlineFieldsSchema],
  evidence: [syncRowValueSchemas.evidence, syncFieldsSchema],
  inspections: [syncRowValueSchemas.inspections, syncFieldsSchema],
  misuseFindings: [syncRowValueSchemas.misuseFindings, syncFieldsSchema],
  quotes: [syncRowValueSchemas.quotes, syncFieldsSchema],
  quoteLines: [syncRowValueSchemas.quoteLines, syncFieldsSchema],
  shipmentLegs: [syncRowValueSchemas.shipmentLegs, syncFieldsSchema],
  notes: [syncRowValueSchemas.notes, syncFieldsSchema],
  auditEvents: [syncRowValueSchemas.auditEvents, syncFieldsSchema],
  partsCatalog: [syncRowValueSchemas.partsCatalog, syncFieldsSchema],
  people: [syncRowValueSchemas.people, syncFieldsSchema],
  centerSettings: [syncRowValueSchemas.centerSettings, syncFieldsSchema],
  attachments: [attachmentRowSchema],
  drafts: [z.object({ key: z.string().min(1), savedAt: isoDateTimeSchema, value: z.unknown() })],
};

/**
 * The tombstone the sync server makes of a row when it refuses the change that made it: only the
 * id and the deletion are left of its values (as the server's `isPartialTombstone` accepts it).
 */
const partialTombstoneSchema = syncFieldsSchema.extend({
  id: recordIdSchema,
  deletedAt: isoDateTimeSchema,
});

const syncedTables: ReadonlySet<string> = new Set(syncedTableNames);

/** The first thing wrong with a row: the field (a dotted path) and what it should be. */
export type RowProblem = { readonly field: string; readonly problem: string };

/**
 * Checks a backup row of `table` against its schemas. The row is kept as written (the schemas
 * only judge it), except for what every station derives itself: a customer's search fields.
 */
export function checkBackupRow(
  table: RecordTableName,
  row: unknown,
): { ok: true; row: Record<string, unknown> } | { ok: false; problem: RowProblem } {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { ok: false, problem: { field: '(row)', problem: 'expected an object' } };
  }
  for (const schema of rowSchemas[table]) {
    const parsed = schema.safeParse(row);
    const issue = parsed.error?.issues[0];
    if (issue !== undefined) {
      if (syncedTables.has(table) && partialTombstoneSchema.safeParse(row).success) {
        return { ok: true, row: row as Record<string, unknown> };
      }
      return {
        ok: false,
        problem: {
          field: issue.path.map(String).join('.') || '(row)',
          problem: issue.message,
        },
      };
    }
  }
  const record = row as Record<string, unknown>;
  if (table === 'customers') {
    const customer = customerSchema.parse(row);
    return { ok: true, row: { ...record, ...customerSearchFields(customer) } };
  }
  return { ok: true, row: record };
}

/**
 * The row as {@link checkBackupRow} keeps it.
 * @throws RestoreRefusal (`invalid-row`) naming the table, the row (from 1) and the field.
 */
export function checkedRow(
  table: RecordTableName,
  row: unknown,
  rowNumber: number,
): Record<string, unknown> {
  const checked = checkBackupRow(table, row);
  if (checked.ok) return checked.row;
  const { field, problem } = checked.problem;
  throw new RestoreRefusal({
    code: 'invalid-row',
    table,
    row: rowNumber,
    field,
    problem,
    message: `Row ${rowNumber} of ${table} is not valid: ${field}: ${problem}.`,
  });
}
