import type { SchemaVersion } from './schemaVersion';
import type { TableName } from '../records';
import type { SyncTablesOfVersion5 } from './v5';
import type { TablesOfVersion6 } from './v6';
import type { TablesOfVersion7 } from './v7';
import type { TablesOfVersion8 } from './v8';
import type { TablesOfVersion14 } from './v14';

/**
 * Version 1: every table, keyed by `id` (a UUIDv7 made by the station) for synced rows. Indexes
 * are what the bench looks records up by: a device's serial or IMEI, a claim's RMA number, order
 * number, status and age, a customer's name, phone and email, and the rows of each claim.
 */
export const schemaVersion1 = {
  version: 1,
  stores: {
    customers: 'id, name, phone, email',
    devices: 'id, customerId, serial, imei',
    claims: 'id, &rmaNumber, status, createdAt, customerId, deviceId, purchase.orderNumber',
    evidence: 'id, claimId, sha256',
    inspections: 'id, claimId',
    misuseFindings: 'id, inspectionId',
    quotes: 'id, claimId',
    quoteLines: 'id, quoteId',
    shipmentLegs: 'id, claimId, trackingNumber',
    notes: 'id, claimId',
    auditEvents: 'id, [entity+entityId], at',
    partsCatalog: 'id, sku, name, *compatibleModels',
    settings: 'key',
    outbox: 'sequence',
    sequences: 'name',
    attachments: 'sha256',
    attachmentBlobs: 'sha256',
    // Every table of the time; `drafts` came with version 3, `claimCounts` with version 4, the
    // sync tables with version 5, the center-wide records with version 6, the record of uploaded
    // attachments with version 7, the partial downloads with version 8, the files the attachment
    // queue is to look at with version 14.
  } satisfies Record<
    Exclude<
      TableName,
      | 'drafts'
      | 'claimCounts'
      | SyncTablesOfVersion5
      | TablesOfVersion6
      | TablesOfVersion7
      | TablesOfVersion8
      | TablesOfVersion14
    >,
    string
  >,
} satisfies SchemaVersion;
