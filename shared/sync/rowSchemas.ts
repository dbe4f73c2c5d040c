import { z } from 'zod';
import {
  auditEventSchema,
  fieldChangeSchema,
  personSecretFields,
  withSecretsHidden,
} from '../domain/audit';
import { centerSettingsSchema } from '../domain/center';
import { claimSchema } from '../domain/claim';
import { customerSchema } from '../domain/customer';
import { deviceSchema } from '../domain/device';
import { evidenceSchema } from '../domain/evidence';
import { inspectionSchema, misuseFindingSchema } from '../domain/inspection';
import { noteSchema } from '../domain/note';
import { partSchema } from '../domain/part';
import { personSchema } from '../domain/person';
import type { IsoDateTime } from '../domain/primitives';
import { isoDateTimeSchema } from '../domain/primitives';
import { quoteLineSchema, quoteSchema } from '../domain/quote';
import type { Result } from '../domain/result';
import { fail, ok } from '../domain/result';
import { shipmentLegSchema } from '../domain/shipment';
import { describeIssue } from '../domain/validation';
import type { Hlc } from './hybridLogicalClock';
import { changeAsRow, deletedAtField, mergeRows } from './merge';
import type { RowChange, SyncTable } from './protocol';
import { addedOnceSyncFields, conflictRecordSchema, insertOnlySyncTables } from './protocol';
import type { SyncRuleCode, SyncRuleRejection } from './rejections';
import { ruleRejects } from './rejections';

/**
 * The domain schema of each synced table's rows: the fields a row syncs, as the server stores
 * them and every station writes them. Station-local fields derived from them (a customer's search
 * keys, a claim's next deadline) are not among them: each station derives its own.
 */
export const syncRowValueSchemas = {
  customers: customerSchema,
  devices: deviceSchema,
  claims: claimSchema,
  evidence: evidenceSchema,
  inspections: inspectionSchema,
  misuseFindings: misuseFindingSchema,
  quotes: quoteSchema,
  quoteLines: quoteLineSchema,
  shipmentLegs: shipmentLegSchema,
  notes: noteSchema,
  auditEvents: auditEventSchema,
  partsCatalog: partSchema,
  people: personSchema,
  centerSettings: centerSettingsSchema,
  conflicts: conflictRecordSchema,
} as const satisfies { readonly [Table in SyncTable]: z.ZodObject };

/** What a row of any table holds beside its domain fields: when it was deleted (a tombstone). */
export const deletionSchema = z.object({ [deletedAtField]: isoDateTimeSchema.optional() });

/** The values of a row of `Table`: its domain fields, and `deletedAt` once it is deleted. */
export type SyncRowValues<Table extends SyncTable> = z.output<
  (typeof syncRowValueSchemas)[Table]
> & { readonly deletedAt?: IsoDateTime };

const fieldsByTable = new Map<SyncTable, ReadonlySet<string>>(
  Object.entries(syncRowValueSchemas).map(([table, schema]) => [
    table as SyncTable,
    new Set([...Object.keys(schema.shape), deletedAtField]),
  ]),
);

/** The fields a row of `table` may have (its domain fields and `deletedAt`). */
export function syncRowFields(table: SyncTable): ReadonlySet<string> {
  return fieldsByTable.get(table) ?? new Set();
}

/** What is wrong with a row's values: the first field at fault, and what it should be. */
export type RowValuesProblem = {
  readonly code: Extract<SyncRuleCode, 'invalid-row' | 'unknown-field'>;
  /** A dotted path (`purchase.invoiceDate`), or `(row)` for the row as a whole. */
  readonly field: string;
  readonly message: string;
};

/**
 * Checks a row's values against its table's domain schema. Refuses a field the table does not
 * have (`unknown-field`: a station-local field must never travel) and the first field that
 * breaks the schema (`invalid-row`).
 */
export function validateSyncRow<Table extends SyncTable>(
  table: Table,
  values: Readonly<Record<string, unknown>>,
): Result<SyncRowValues<Table>, RowValuesProblem> {
  const fields = syncRowFields(table);
  const unknown = Object.keys(values).find((field) => !fields.has(field));
  if (unknown !== undefined) {
    return fail({
      code: 'unknown-field',
      field: unknown,
      message: `${unknown}: a row of ${table} has no such field.`,
    });
  }
  const deletion = deletionSchema.safeParse(values);
  const parsed = syncRowValueSchemas[table].safeParse(values);
  const issue = deletion.error?.issues[0] ?? parsed.error?.issues[0];
  if (issue !== undefined || !parsed.success) {
    return fail({
      code: 'invalid-row',
      field: issue?.path.map(String).join('.') || '(row)',
      message: issue === undefined ? 'the row is not valid' : describeIssue(issue),
    });
  }
  // The schema checked every field and none is unknown, so the values are the row's as given.
  return ok(values as SyncRowValues<Table>);
}

/** Whether two JSON values are the same (object fields in any order). */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isSameJson(item, b[index]))
    );
  }
  const aEntries = Object.entries(a).filter(([, value]) => value !== undefined);
  const bEntries = Object.entries(b).filter(([, value]) => value !== undefined);
  if (aEntries.length !== bEntries.length) return false;
  const bFields = new Map(bEntries);
  return aEntries.every(
    ([field, value]) => bFields.has(field) && isSameJson(value, bFields.get(field)),
  );
}

/**
 * The values a row would hold after `change`. Without the current stamps, the change wins every
 * field it names (a station's own write); with them, each field goes to the higher stamp and a
 * deletion stays, as {@link mergeRows} merges.
 */
export function mergedValues(
  current: Readonly<Record<string, unknown>> | undefined,
  change: RowChange,
  currentStamps?: Readonly<Record<string, Hlc>>,
): Record<string, unknown> {
  if (current !== undefined && currentStamps !== undefined) {
    const row = { values: current, stamps: currentStamps, updatedBy: '', station: '' };
    return { ...mergeRows(row, changeAsRow(change, '', '')).values };
  }
  const values: Record<string, unknown> = { ...current, ...change.set };
  for (const field of change.unset) Reflect.deleteProperty(values, field);
  return values;
}

/**
 * Checks that `change` leaves a valid row of `table`: the fields it names exist, it does not
 * undelete the row, a row of an insert-only table is not changed once written (but may gain the
 * fields of `addedOnceSyncFields` once), and the merged row (`current`, undefined for a
 * new row, with the change applied as {@link mergedValues} does) meets the domain schema and
 * keeps its id. Returns the merged values.
 * @param currentStamps the current row's field stamps, to merge by them (see {@link mergedValues}).
 */
export function validateRowChange<Table extends SyncTable>(
  table: Table,
  current: Readonly<Record<string, unknown>> | undefined,
  change: RowChange,
  currentStamps?: Readonly<Record<string, Hlc>>,
): Result<SyncRowValues<Table>, SyncRuleRejection> {
  const where = { table, id: change.id };
  if (change.table !== table) {
    return ruleRejects('invalid-row', `The change is for ${change.table}, not ${table}.`, where);
  }
  const fields = syncRowFields(table);
  const named = [...Object.keys(change.set), ...change.unset];
  const unknown = named.find((field) => !fields.has(field));
  if (unknown !== undefined) {
    return ruleRejects('unknown-field', `${unknown}: a row of ${table} has no such field.`, {
      ...where,
      field: unknown,
    });
  }
  if (change.unset.includes(deletedAtField)) {
    // The merge keeps a deletion against a later edit; an undelete would leave the row's author
    // depending on the order replicas merged in.
    return ruleRejects('invalid-row', 'deletedAt: a deleted row stays deleted.', {
      ...where,
      field: deletedAtField,
    });
  }
  if (current !== undefined && insertOnlySyncTables.has(table)) {
    const changed = named.find(
      (field) =>
        !isSameJson(current[field], change.set[field]) &&
        !addsFieldOnce(table, current, change, field),
    );
    if (changed !== undefined) {
      return ruleRejects(
        'insert-only',
        `A row of ${table} is written once and never changes: ${changed} cannot change.`,
        { ...where, field: changed },
      );
    }
  }
  const values = mergedValues(current, change, currentStamps);
  if (values.id !== undefined && values.id !== change.id) {
    return ruleRejects('invalid-row', `id: the row's id must stay ${change.id}.`, {
      ...where,
      field: 'id',
    });
  }
  const valid = validateSyncRow(table, values);
  if (!valid.ok)
    return ruleRejects(valid.error.code, valid.error.message, {
      ...where,
      field: valid.error.field,
    });
  if (carriesPinSecret(table, values)) {
    return ruleRejects(
      'invalid-row',
      'changes: a person’s audit event records that a PIN was set or changed as [secret], never its hash; update Fixline on the station that made it.',
      { ...where, field: 'changes' },
    );
  }
  return valid;
}

/**
 * Whether `change` gives the insert-only row `current` the field `field`, one its table may gain
 * once (see {@link addedOnceSyncFields}), while the row has none.
 */
function addsFieldOnce(
  table: SyncTable,
  current: Readonly<Record<string, unknown>>,
  change: RowChange,
  field: string,
): boolean {
  return (
    addedOnceSyncFields.get(table)?.has(field) === true &&
    current[field] === undefined &&
    change.set[field] !== undefined
  );
}

/**
 * Whether `change` to the insert-only row `current` gives it fields its table may gain once (a
 * late thumbnail): a change to write, where any other that passed is the same row sent again.
 */
export function addsFieldsOnce(
  table: SyncTable,
  current: Readonly<Record<string, unknown>>,
  change: RowChange,
): boolean {
  return Object.keys(change.set).some((field) => addsFieldOnce(table, current, change, field));
}

/** Whether `values`, a row of `table`, is a person's audit event that holds a PIN's hash. */
function carriesPinSecret(table: SyncTable, values: Readonly<Record<string, unknown>>): boolean {
  if (table !== 'auditEvents' || values['entity'] !== 'people') return false;
  const changes = z.record(z.string(), fieldChangeSchema).safeParse(values['changes']);
  return changes.success && withSecretsHidden(changes.data, personSecretFields) !== changes.data;
}
