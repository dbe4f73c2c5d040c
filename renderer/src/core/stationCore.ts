import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId, Sha256 } from '#shared/domain/primitives';
import type { Result } from '#shared/domain/result';
import type { ReportFilter, ReportRecords } from '#shared/reports';
import type {
  AttachmentError,
  AttachmentToStore,
  CollectedAttachments,
  StoreAttachmentOptions,
  StoreAttachmentsOptions,
  StoredAttachmentResult,
} from '../db/attachments';
import {
  collectUnreferencedAttachments,
  readAttachment,
  storeAttachment,
  storeAttachments,
} from '../db/attachments';
import type {
  ExportedBackup,
  ExportOptions,
  RestoreError,
  RestoreOptions,
  RestoreSummary,
} from '../db/backup';
import type { QueueFilterCounts, QueueWindowRequest } from '../db/claimQueue';
import { countQueue, countQueueFilters, readQueueIds } from '../db/claimQueue';
import type { ConnectionProblem, FixlineDatabase } from '../db/database';
import type { DeadlineRecalculationProgress } from '../db/deadlineRecalculation';
import type {
  QueueFilter,
  StationSettingsRow,
  StoredAttachment,
  StoredAuditEvent,
  StoredClaim,
  StoredCustomer,
  StoredNote,
  StoredPart,
} from '../db/records';
import type { Repositories, RepositoryOptions } from '../db/repositories';
import type { BenchState } from '../db/repositories/stationRepository';
import { createRepositories } from '../db/repositories';
import type { SearchOptions } from '../db/search';
import { findClaimsByScan, findClaimsByStatus, findCustomers } from '../db/search';
import type {
  ClaimAudit,
  ClaimQuotes,
  EvidenceItem,
  RecordedInspection,
  ShipmentLegItem,
} from './claimQueries';
import {
  claimAudit,
  claimEvents,
  claimEvidence,
  claimInspection,
  claimNotes,
  claimQuotes,
  claimsByRmaNumber,
  shipmentLegs,
} from './claimQueries';
import type { ClaimRecords, ClaimScreenRecords } from './claimDetails';
import { loadClaimRecords, loadClaimScreenRecords } from './claimDetails';
import { loadReportRecords } from './reportRecords';
import type { KnownDevice } from './stationQueries';
import { knownDevice, partHistory, partsCatalog } from './stationQueries';
import type { QueueClaimLabel, QueueWindow } from './queueReadModel';
import { loadClaimLabels, loadQueueWindow } from './queueReadModel';
import type { StationSync, SyncTransport } from './sync/syncApi';
import type { SyncEngine } from './sync/syncEngine';
import { createSyncEngine } from './sync/syncEngine';
import { unavailableSyncTransport } from './sync/unavailableTransport';

/** The choices of the queue's filters, each counted on its own. */
export type QueueFilterChoices = {
  readonly statuses: readonly ClaimStatus[];
  readonly packIds: readonly string[];
  readonly assigneeIds: readonly RecordId[];
};

/** What screens read: each query is a plain async read, so `useCoreQuery` can keep it live. */
export type StationQueries = {
  /** The station's settings row; undefined before setup. */
  readonly station: () => Promise<StationSettingsRow | undefined>;
  /** Who is at the bench and whether the station is locked. */
  readonly bench: () => Promise<BenchState>;
  /** A claim with its records; undefined when it does not exist or is deleted. */
  readonly claimDetails: (claimId: string) => Promise<ClaimRecords | undefined>;
  /**
   * What the claim screen shows of a claim, in one read: its records, evidence, notes,
   * inspection and audit trail; undefined when it does not exist or is deleted.
   */
  readonly claimScreen: (claimId: string) => Promise<ClaimScreenRecords | undefined>;
  /** A claim's row as stored (deleted or not); undefined when there is none. */
  readonly claim: (claimId: string) => Promise<StoredClaim | undefined>;
  /** A claim's live evidence, oldest first, with thumbnails. */
  readonly claimEvidence: (claimId: string) => Promise<readonly EvidenceItem[]>;
  /** A claim's live notes, newest first. */
  readonly claimNotes: (claimId: string) => Promise<readonly StoredNote[]>;
  /** A claim's latest live inspection and its live findings. */
  readonly claimInspection: (claimId: string) => Promise<RecordedInspection>;
  /** Every change of a claim and its child records, deleted ones too. */
  readonly claimAudit: (claimId: string) => Promise<ClaimAudit>;
  /** The audit events of the claim row itself. */
  readonly claimEvents: (claimId: string) => Promise<readonly StoredAuditEvent[]>;
  /** A claim's quote revisions, oldest first, with their live lines. */
  readonly claimQuotes: (claimId: string) => Promise<ClaimQuotes>;
  /** A claim's live shipment legs in the order recorded, each with its receipt. */
  readonly shipmentLegs: (claimId: string) => Promise<readonly ShipmentLegItem[]>;
  /** The live claims of an RMA number, as stored (upper case). */
  readonly claimsByRmaNumber: (rmaNumber: string) => Promise<readonly StoredClaim[]>;
  /** The live claims a scanned RMA number, serial, IMEI or order number points at. */
  readonly claimsByScan: (code: string) => Promise<readonly StoredClaim[]>;
  /** Live claims in `status`, oldest first. */
  readonly claimsByStatus: (
    status: ClaimStatus,
    options?: SearchOptions,
  ) => Promise<readonly StoredClaim[]>;
  /** Live customers matching what was typed (name, phone or email). */
  readonly customers: (search: string, options?: SearchOptions) => Promise<StoredCustomer[]>;
  /** A live customer; undefined when there is none or it is deleted. */
  readonly customer: (customerId: string) => Promise<StoredCustomer | undefined>;
  /** The stored device of a trimmed serial or IMEI, with its claim count. */
  readonly knownDevice: (serial: string, imei: string) => Promise<KnownDevice | undefined>;
  /** Every live part of the catalog, by SKU. */
  readonly partsCatalog: () => Promise<readonly StoredPart[]>;
  /** Every change of a part, oldest first, with the import page that last wrote it. */
  readonly partHistory: (partId: string) => Promise<readonly StoredAuditEvent[]>;
  /** What the attachment store knows of each digest (undefined where it has nothing). */
  readonly attachments: (
    sha256s: readonly Sha256[],
  ) => Promise<readonly (StoredAttachment | undefined)[]>;
  /** The bytes of one attachment; undefined when they are not on this station. */
  readonly attachmentBytes: (sha256: Sha256) => Promise<Blob | undefined>;
  /** Every live record the reports need for the claims `filter` may cover. */
  readonly reportRecords: (filter: ReportFilter) => Promise<ReportRecords>;
  /**
   * A window of the queue of `filter`, "overdue" judged at `nowIso`: at a position, or next to
   * rows already shown (by their cursors).
   */
  readonly queueWindow: (
    filter: QueueFilter,
    nowIso: IsoDateTime,
    request: QueueWindowRequest,
  ) => Promise<QueueWindow>;
  /** How many claims the queue of `filter` holds. */
  readonly queueCount: (filter: QueueFilter, nowIso: IsoDateTime) => Promise<number>;
  /** How many claims each filter choice holds on its own. */
  readonly queueCounts: (
    choices: QueueFilterChoices,
    nowIso: IsoDateTime,
  ) => Promise<QueueFilterCounts>;
  /** The ids at positions `start` to `end` (exclusive) of the queue, for a selection. */
  readonly queueIds: (
    filter: QueueFilter,
    nowIso: IsoDateTime,
    start: number,
    end: number,
  ) => Promise<RecordId[]>;
  /** The RMA number and status of the claims that exist among `claimIds`. */
  readonly claimLabels: (claimIds: readonly RecordId[]) => Promise<QueueClaimLabel[]>;
  /** How far the recalculation of deadlines after a calendar change is; undefined when none runs. */
  readonly deadlineRecalculation: () => Promise<DeadlineRecalculationProgress | undefined>;
};

/** The attachment store: bytes apart from the synced rows, addressed by SHA-256. */
export type StationAttachments = {
  readonly store: (
    file: Blob,
    options?: StoreAttachmentOptions,
  ) => Promise<Result<StoredAttachmentResult, AttachmentError>>;
  /** Stores several files a few at a time, reporting each as its bytes are safe. */
  readonly storeAll: (
    files: readonly AttachmentToStore[],
    options?: StoreAttachmentsOptions,
  ) => Promise<Result<StoredAttachmentResult, AttachmentError>[]>;
  /** Removes files dropped into forms that were never saved, after their grace period. */
  readonly collectUnreferenced: () => Promise<CollectedAttachments>;
};

/** The whole station as one file, and back. */
export type StationBackup = {
  readonly export: (options: ExportOptions) => Promise<ExportedBackup>;
  readonly restore: (
    file: Blob,
    options?: RestoreOptions,
  ) => Promise<Result<RestoreSummary, RestoreError>>;
  readonly reset: () => Promise<void>;
};

/** Whether this window can use the database (another window may hold or upgrade it). */
export type StationConnection = {
  readonly problem: () => ConnectionProblem | undefined;
  /** Calls `listener` whenever the problem changes; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
};

/**
 * The one owner of the station's data: the database, the repositories that write it (the
 * commands), the read models screens query, and the attachment store, backup and connection
 * state beside them. Screens reach it through `useStationCore`, so a test or sync can hand them
 * another database.
 */
export type StationCore = {
  readonly commands: Repositories;
  readonly queries: StationQueries;
  readonly attachments: StationAttachments;
  readonly backup: StationBackup;
  readonly connection: StationConnection;
  /** The station's sync with the center's server: its status, live, and its controls. */
  readonly sync: StationSync;
};

/** The core as its builder holds it: with the sync engine's `start` and `stop`, which screens never call. */
export type OwnedStationCore = StationCore & { readonly sync: SyncEngine };

export type StationCoreOptions = RepositoryOptions & {
  /** How the sync engine reaches the server; without one, every server is unreachable. */
  readonly syncTransport?: SyncTransport;
};

const loadBackup = () => import('../db/backup');

/** Builds the core over `db`. */
export function createStationCore(
  db: FixlineDatabase,
  options: StationCoreOptions = {},
): OwnedStationCore {
  const commands = createRepositories(db, options);
  return {
    commands,
    queries: {
      station: () => commands.station.get(),
      bench: () => commands.station.bench(),
      claimDetails: (claimId) => loadClaimRecords(db, claimId),
      claimScreen: (claimId) => loadClaimScreenRecords(db, claimId),
      claim: (claimId) => db.claims.get(claimId),
      claimEvidence: (claimId) => claimEvidence(db, claimId),
      claimNotes: (claimId) => claimNotes(db, claimId),
      claimInspection: (claimId) => claimInspection(db, claimId),
      claimAudit: (claimId) => claimAudit(db, claimId),
      claimEvents: (claimId) => claimEvents(db, claimId),
      claimQuotes: (claimId) => claimQuotes(db, claimId),
      shipmentLegs: (claimId) => shipmentLegs(db, claimId),
      claimsByRmaNumber: (rmaNumber) => claimsByRmaNumber(db, rmaNumber),
      claimsByScan: (code) => findClaimsByScan(db, code),
      claimsByStatus: (status, searchOptions) => findClaimsByStatus(db, status, searchOptions),
      customers: (search, searchOptions) => findCustomers(db, search, searchOptions),
      customer: async (customerId) => {
        const customer = await db.customers.get(customerId);
        return customer?.deletedAt === undefined ? customer : undefined;
      },
      knownDevice: (serial, imei) => knownDevice(db, serial, imei),
      partsCatalog: () => partsCatalog(db),
      partHistory: (partId) => partHistory(db, partId),
      attachments: (sha256s) => db.attachments.bulkGet([...sha256s]),
      attachmentBytes: (sha256) => readAttachment(db, sha256),
      reportRecords: (filter) => loadReportRecords(db, filter),
      queueWindow: (filter, nowIso, request) => loadQueueWindow(db, filter, nowIso, request),
      queueCount: (filter, nowIso) => countQueue(db, filter, nowIso),
      queueCounts: (choices, nowIso) => countQueueFilters(db, choices, nowIso),
      queueIds: (filter, nowIso, start, end) => readQueueIds(db, filter, nowIso, start, end),
      claimLabels: (claimIds) => loadClaimLabels(db, claimIds),
      deadlineRecalculation: () => commands.station.deadlineRecalculation(),
    },
    attachments: {
      store: (file, storeOptions) => storeAttachment(db, file, storeOptions),
      storeAll: (files, storeOptions) => storeAttachments(db, files, storeOptions),
      collectUnreferenced: () => collectUnreferencedAttachments(db),
    },
    // Loaded on first use: a backup is rare, and dexie-export-import needs a browser global
    // (`self`) as it loads, which a core built in Node (the unit tests) has not.
    backup: {
      export: async (backupOptions) => (await loadBackup()).exportBackup(db, backupOptions),
      restore: async (file, restoreOptions) =>
        (await loadBackup()).restoreBackup(db, file, restoreOptions),
      reset: async () => (await loadBackup()).resetStation(db),
    },
    connection: {
      problem: () => db.connectionProblem,
      subscribe: (listener) => db.onConnectionProblem(listener),
    },
    sync: createSyncEngine(db, {
      transport: options.syncTransport ?? unavailableSyncTransport,
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
  };
}
