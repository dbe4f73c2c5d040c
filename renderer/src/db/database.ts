import Dexie from 'dexie';
import type { DexieOptions, EntityTable, Table } from 'dexie';
import type { Sha256 } from '#shared/domain/primitives';
import type {
  AttachmentBlobRow,
  AttachmentNamedRow,
  AttachmentToMoveRow,
  AttachmentUploadRow,
  PartialDownloadRow,
  ClaimCountRow,
  DraftRow,
  OutboxEntry,
  PulledRecordRow,
  SequenceRow,
  SettingsRow,
  StoredAttachment,
  StoredAuditEvent,
  StoredCenterSettings,
  StoredClaim,
  StoredConflict,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  StoredPart,
  StoredPerson,
  StoredQuote,
  StoredQuoteLine,
  StoredShipmentLeg,
  SyncRejectionRow,
  SyncStateRow,
} from './records';
import { declareSchema } from './schema';
import { defaultDatabaseName } from './preopenDatabase';
import { writeGuardMiddleware } from './writeGuard';

export { defaultDatabaseName };

/**
 * Why the station's database cannot be used in this window, for the screens to say.
 * - `blocked-by-other-window`: this window must upgrade the database, but another Fixline window
 *   or tab still holds it at an older version; the upgrade waits until that one closes.
 * - `upgraded-elsewhere`: another window upgraded the database; this window runs the older app,
 *   so it closed its connection and must be reloaded.
 */
export type ConnectionProblem = 'blocked-by-other-window' | 'upgraded-elsewhere';

/**
 * The station's local database. Reading is open to all; every write goes through the
 * repositories (`createRepositories`) or the attachment store, because the write guard middleware
 * refuses any other. See `records.ts` for the rows and `schema/` for the versions and indexes.
 */
export class FixlineDatabase extends Dexie {
  declare readonly customers: EntityTable<StoredCustomer, 'id'>;
  declare readonly devices: EntityTable<StoredDevice, 'id'>;
  declare readonly claims: EntityTable<StoredClaim, 'id'>;
  declare readonly evidence: EntityTable<StoredEvidence, 'id'>;
  declare readonly inspections: EntityTable<StoredInspection, 'id'>;
  declare readonly misuseFindings: EntityTable<StoredMisuseFinding, 'id'>;
  declare readonly quotes: EntityTable<StoredQuote, 'id'>;
  declare readonly quoteLines: EntityTable<StoredQuoteLine, 'id'>;
  declare readonly shipmentLegs: EntityTable<StoredShipmentLeg, 'id'>;
  declare readonly notes: EntityTable<StoredNote, 'id'>;
  declare readonly auditEvents: EntityTable<StoredAuditEvent, 'id'>;
  declare readonly partsCatalog: EntityTable<StoredPart, 'id'>;
  declare readonly settings: Table<SettingsRow, SettingsRow['key']>;
  declare readonly outbox: EntityTable<OutboxEntry, 'sequence'>;
  declare readonly sequences: EntityTable<SequenceRow, 'name'>;
  declare readonly attachments: EntityTable<StoredAttachment, 'sha256'>;
  declare readonly attachmentBlobs: EntityTable<AttachmentBlobRow, 'sha256'>;
  declare readonly attachmentUploads: EntityTable<AttachmentUploadRow, 'sha256'>;
  declare readonly partialDownloads: Table<PartialDownloadRow, [string, number]>;
  declare readonly attachmentsNamed: Table<AttachmentNamedRow, [number, Sha256]>;
  declare readonly attachmentsToMove: EntityTable<AttachmentToMoveRow, 'sha256'>;
  declare readonly drafts: Table<DraftRow, string>;
  declare readonly claimCounts: Table<ClaimCountRow, string>;
  declare readonly syncState: Table<SyncStateRow, SyncStateRow['key']>;
  declare readonly syncRejections: EntityTable<SyncRejectionRow, 'mutationId'>;
  declare readonly conflicts: EntityTable<StoredConflict, 'id'>;
  declare readonly pulledRecords: Table<PulledRecordRow, [string, string]>;
  declare readonly people: EntityTable<StoredPerson, 'id'>;
  declare readonly centerSettings: EntityTable<StoredCenterSettings, 'id'>;

  /**
   * @param name the IndexedDB database name (tests use a fresh one each).
   * @param options Dexie options (tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`).
   */
  #connectionProblem: ConnectionProblem | undefined;
  readonly #connectionListeners = new Set<() => void>();

  constructor(name: string = defaultDatabaseName, options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
    this.use(writeGuardMiddleware);
    this.on('blocked', () => this.#reportConnection('blocked-by-other-window'));
    // The blocked upgrade went through once the other window let go.
    this.on('ready', () => this.#reportConnection(undefined), true);
    this.on('versionchange', (event) => {
      // Let go at once, or the other window's upgrade waits on this one (or it is deleted).
      this.close({ disableAutoOpen: true });
      if (event.newVersion !== null) this.#reportConnection('upgraded-elsewhere');
      return false;
    });
  }

  /** Why this window cannot use the database now; undefined while it can. */
  get connectionProblem(): ConnectionProblem | undefined {
    return this.#connectionProblem;
  }

  /** Calls `listener` whenever {@link connectionProblem} changes; returns the unsubscribe. */
  onConnectionProblem(listener: () => void): () => void {
    this.#connectionListeners.add(listener);
    return () => this.#connectionListeners.delete(listener);
  }

  #reportConnection(problem: ConnectionProblem | undefined): void {
    if (this.#connectionProblem === problem) return;
    this.#connectionProblem = problem;
    for (const listener of this.#connectionListeners) listener();
  }
}
