import type { z } from 'zod';
import { auditEventSchema } from '#shared/domain/audit';
import { claimSchema } from '#shared/domain/claim';
import { customerSchema } from '#shared/domain/customer';
import { deviceSchema } from '#shared/domain/device';
import { evidenceSchema } from '#shared/domain/evidence';
import { inspectionSchema, misuseFindingSchema } from '#shared/domain/inspection';
import { noteSchema } from '#shared/domain/note';
import { quoteLineSchema, quoteSchema } from '#shared/domain/quote';
import { shipmentLegSchema } from '#shared/domain/shipment';
import type { Rejection, SyncTable } from '#shared/sync/protocol';
import { conflictRecordSchema } from '#shared/sync/protocol';
import { deletedAtField } from '#shared/sync/merge';
import type { ColumnType } from '../storage/syncColumns';
import { syncTableColumns } from '../storage/syncColumns';

/**
 * The domain schema a live row of each table must meet, where shared/ has one. Parts, people
 * and the center's settings have their schemas in the renderer for now; their rows are checked
 * by column type only until the schemas move to shared/ (add them here then).
 */
const recordSchemas: Partial<Record<SyncTable, z.ZodType>> = {
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
  conflicts: conflictRecordSchema,
};

function valueHasType(value: unknown, type: ColumnType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'jsonb':
      return value !== null;
  }
}

const typeWords: Readonly<Record<ColumnType, string>> = {
  text: 'a string',
  double: 'a number',
  boolean: 'true or false',
  jsonb: 'a JSON value other than null',
};

/**
 * Whether one field written to `table` is a field of its records with a value of the right type.
 * A null is never a value: an absent field is unset.
 */
export function checkFieldValue(
  table: SyncTable,
  id: string,
  field: string,
  value: unknown,
): Rejection | undefined {
  const column = syncTableColumns[table].byField.get(field);
  if (column === undefined) {
    return {
      code: 'unknown-field',
      message: `${table} has no field "${field}"; this server may be older than the station.`,
      table,
      id,
      field,
    };
  }
  if (!valueHasType(value, column.type)) {
    return {
      code: 'invalid-value',
      message: `${table}.${field} must be ${typeWords[column.type]}.`,
      table,
      id,
      field,
    };
  }
  return undefined;
}

/**
 * Checks a row's values as they would be stored: every field known and of its column's type,
 * and a live row (not a tombstone) valid by its table's domain schema. Undefined when it is fine.
 */
export function validateRow(
  table: SyncTable,
  id: string,
  values: Readonly<Record<string, unknown>>,
): Rejection | undefined {
  for (const [field, value] of Object.entries(values)) {
    const problem = checkFieldValue(table, id, field, value);
    if (problem !== undefined) return problem;
  }
  if (Object.hasOwn(values, deletedAtField)) return undefined;
  if (values.id !== id) {
    return {
      code: 'invalid-row',
      message: `${table} ${id}: the server has no such row, and this change does not make it whole.`,
      table,
      id,
      field: 'id',
    };
  }
  const schema = recordSchemas[table];
  const issue = schema?.safeParse(values).error?.issues[0];
  if (issue === undefined) return undefined;
  const field = issue.path.map(String).join('.');
  return {
    code: 'invalid-row',
    message: `${table} ${id}: ${field === '' ? 'the record' : field}: ${issue.message}`,
    table,
    id,
    ...(field === '' ? {} : { field }),
  };
}
