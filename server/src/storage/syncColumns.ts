import type { SyncTable } from '#shared/sync/protocol';

/**
 * How each synced table's fields are stored: one column per top-level field of the record, beside
 * the columns every synced table has ({@link syncSystemColumns}). The migrations create these
 * columns; test/server/syncColumns.test.ts checks that the database and this map agree, so a
 * migration that adds a field updates the map in the same commit.
 *
 * Column types keep values exactly as sent: dates and times stay `text` (a `timestamptz` would
 * rewrite "2026-11-22T09:30:00+07:00" as UTC and the stations would no longer converge on the same
 * string), numbers are `double precision` (the same IEEE double JavaScript has), and nested objects
 * and arrays are `jsonb`.
 */
export type ColumnType = 'text' | 'double' | 'boolean' | 'jsonb';

export type ColumnDefinition = {
  readonly field: string;
  readonly column: string;
  readonly type: ColumnType;
};

/** The SQL type of each {@link ColumnType}. */
export const sqlTypeOf: Readonly<Record<ColumnType, string>> = {
  text: 'text',
  double: 'double precision',
  boolean: 'boolean',
  jsonb: 'jsonb',
};

/** Columns every synced table has that are not record fields. */
export const syncSystemColumns = [
  'space_id',
  '_version',
  'stamps',
  'updated_by',
  'station',
] as const;

type FieldList = readonly (readonly [field: string, type: ColumnType])[];

/** Every record has an id and, once deleted, a `deletedAt` (a tombstone). */
const everyRecord: FieldList = [
  ['id', 'text'],
  ['deletedAt', 'text'],
];

const fieldsByTable: Readonly<Record<SyncTable, FieldList>> = {
  customers: [
    ['name', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
    ['address', 'jsonb'],
    ['preferredLanguage', 'text'],
  ],
  devices: [
    ['customerId', 'text'],
    ['model', 'text'],
    ['category', 'text'],
    ['serial', 'text'],
    ['imei', 'text'],
    ['sku', 'text'],
    ['itemCode', 'text'],
  ],
  claims: [
    ['rmaNumber', 'text'],
    ['status', 'text'],
    ['policyPackId', 'text'],
    ['customerId', 'text'],
    ['deviceId', 'text'],
    ['purchase', 'jsonb'],
    ['reason', 'text'],
    ['symptom', 'text'],
    ['defect', 'jsonb'],
    ['stepsTried', 'text'],
    ['conditionOnArrival', 'jsonb'],
    ['customerAcknowledgement', 'jsonb'],
    ['remedy', 'text'],
    ['assigneeId', 'text'],
    ['createdAt', 'text'],
    ['updatedAt', 'text'],
  ],
  evidence: [
    ['claimId', 'text'],
    ['kind', 'text'],
    ['sha256', 'text'],
    ['sizeBytes', 'double'],
    ['mediaType', 'text'],
    ['fileName', 'text'],
    ['capturedAt', 'text'],
    ['capturedBy', 'text'],
    ['thumbnailSha256', 'text'],
    ['thumbnailSizeBytes', 'double'],
  ],
  inspections: [
    ['claimId', 'text'],
    ['faultConfirmed', 'boolean'],
    ['doaVerdict', 'text'],
    ['noDefectFound', 'boolean'],
    ['inspectedAt', 'text'],
    ['inspectedBy', 'text'],
  ],
  misuseFindings: [
    ['inspectionId', 'text'],
    ['kind', 'text'],
    ['note', 'text'],
    ['evidenceIds', 'jsonb'],
  ],
  quotes: [
    ['claimId', 'text'],
    ['revision', 'double'],
    ['status', 'text'],
    ['currency', 'text'],
    ['validUntil', 'text'],
    ['sentAt', 'text'],
    ['answeredAt', 'text'],
    ['customerAnswer', 'text'],
  ],
  quoteLines: [
    ['quoteId', 'text'],
    ['kind', 'jsonb'],
    ['description', 'text'],
    ['wording', 'jsonb'],
    ['quantity', 'double'],
    ['unitPrice', 'jsonb'],
    ['conversion', 'jsonb'],
    ['clauseIds', 'jsonb'],
  ],
  shipmentLegs: [
    ['claimId', 'text'],
    ['direction', 'text'],
    ['carrier', 'text'],
    ['trackingNumber', 'text'],
    ['paidBy', 'text'],
    ['cost', 'jsonb'],
    ['receiptEvidenceId', 'text'],
    ['shippedAt', 'text'],
    ['receivedAt', 'text'],
  ],
  notes: [
    ['claimId', 'text'],
    ['body', 'text'],
    ['author', 'text'],
    ['at', 'text'],
  ],
  auditEvents: [
    ['entity', 'text'],
    ['entityId', 'text'],
    ['action', 'text'],
    ['changes', 'jsonb'],
    ['actor', 'text'],
    ['actorRole', 'text'],
    ['reason', 'text'],
    ['station', 'text'],
    ['at', 'text'],
  ],
  partsCatalog: [
    ['sku', 'text'],
    ['name', 'text'],
    ['unitPrice', 'jsonb'],
    ['compatibleModels', 'jsonb'],
    ['importEventId', 'text'],
  ],
  people: [
    ['name', 'text'],
    ['roles', 'jsonb'],
    ['active', 'boolean'],
    ['pinHash', 'text'],
    ['pinSalt', 'text'],
  ],
  centerSettings: [
    ['center', 'jsonb'],
    ['currency', 'text'],
    ['timeZone', 'text'],
    ['workingDays', 'jsonb'],
    ['holidays', 'jsonb'],
    ['language', 'text'],
    ['policyAssignments', 'jsonb'],
  ],
  conflicts: [
    ['table', 'text'],
    ['rowId', 'text'],
    ['claimId', 'text'],
    ['field', 'text'],
    ['winnerStamp', 'text'],
    ['loserStamp', 'text'],
    ['loserValue', 'jsonb'],
    ['loserActor', 'text'],
    ['loserStation', 'text'],
    ['detectedAt', 'text'],
  ],
};

/** `rmaNumber` → `rma_number`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * A field's column. Fields that would clash with a system column or an SQL word get a suffix:
 * an audit event's `station` (the system column holds the row's last writer) and a conflict's
 * `table`.
 */
function columnOf(field: string): string {
  if (field === 'station') return 'event_station';
  if (field === 'table') return 'table_name';
  return snakeCase(field);
}

/** One synced table as stored: its SQL name and its field columns, in migration order. */
export type SyncTableColumns = {
  readonly table: SyncTable;
  readonly sqlTable: string;
  readonly columns: readonly ColumnDefinition[];
  readonly byField: ReadonlyMap<string, ColumnDefinition>;
};

function tableColumns(table: SyncTable): SyncTableColumns {
  const columns = [...everyRecord, ...fieldsByTable[table]].map(([field, type]) => ({
    field,
    column: columnOf(field),
    type,
  }));
  return {
    table,
    sqlTable: snakeCase(table),
    columns,
    byField: new Map(columns.map((column) => [column.field, column])),
  };
}

export const syncTableColumns: Readonly<Record<SyncTable, SyncTableColumns>> = {
  customers: tableColumns('customers'),
  devices: tableColumns('devices'),
  claims: tableColumns('claims'),
  evidence: tableColumns('evidence'),
  inspections: tableColumns('inspections'),
  misuseFindings: tableColumns('misuseFindings'),
  quotes: tableColumns('quotes'),
  quoteLines: tableColumns('quoteLines'),
  shipmentLegs: tableColumns('shipmentLegs'),
  notes: tableColumns('notes'),
  auditEvents: tableColumns('auditEvents'),
  partsCatalog: tableColumns('partsCatalog'),
  people: tableColumns('people'),
  centerSettings: tableColumns('centerSettings'),
  conflicts: tableColumns('conflicts'),
};

/** The SQL column of `field` in the synced table `table`: a field the table lacks is a bug. */
export function sqlColumnOf(table: SyncTable, field: string): string {
  const column = syncTableColumns[table].byField.get(field);
  if (column === undefined) throw new Error(`${table} has no column for ${field}`);
  return column.column;
}
