import { z } from 'zod';
import type { AuditEvent } from '#shared/domain/audit';
import type { CenterSettings, CenterWideSettings } from '#shared/domain/center';
import { centerWideSettingsSchema } from '#shared/domain/center';
import type { Claim } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { Inspection, MisuseFinding } from '#shared/domain/inspection';
import type { Note } from '#shared/domain/note';
import type { Part } from '#shared/domain/part';
import type { Person } from '#shared/domain/person';
import { personSchema } from '#shared/domain/person';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import type {
  IsoDate,
  IsoDateTime,
  RecordId,
  Sha256,
  StationCode,
} from '#shared/domain/primitives';
import { recordIdSchema, stationCodeSchema } from '#shared/domain/primitives';
import { languageSchema } from '#shared/domain/vocabulary';
import type { DeadlineKind } from '#shared/policy/decision';
import { policyIdSchema } from '#shared/policy/policyClaim';
import { paperSizeSchema } from '#shared/documents/documentSchemas';
import { printTargetSchema } from '#shared/ipc/contract';
import type { Quote, QuoteLine } from '#shared/domain/quote';
import type { ShipmentLeg } from '#shared/domain/shipment';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type { ConflictRecord, MutationIntent, PullCursor, Rejection } from '#shared/sync/protocol';

// The center-wide and people schemas live in shared/ (the sync server validates them too);
// re-exported here for the station code that has always imported them from this module.
export type {
  CenterDetails,
  CenterSettings,
  CenterWideSettings,
  PolicyAssignment,
} from '#shared/domain/center';
export {
  centerDetailsSchema,
  centerSettingsSchema,
  centerWideSettingsSchema,
  isKnownTimeZone,
  isoWeekdaySchema,
  policyAssignmentSchema,
  timeZoneSchema,
} from '#shared/domain/center';
export type { Part } from '#shared/domain/part';
export { partSchema } from '#shared/domain/part';
export type { Person } from '#shared/domain/person';
export { argon2idHashSchema, personRoles, personSchema } from '#shared/domain/person';

/**
 * The tables that sync between stations. Each row carries the fields of {@link SyncFields}, is
 * written only through the repositories, and is never deleted, only tombstoned.
 */
export const syncedTableNames = [
  'customers',
  'devices',
  'claims',
  'evidence',
  'inspections',
  'misuseFindings',
  'quotes',
  'quoteLines',
  'shipmentLegs',
  'notes',
  'auditEvents',
  'partsCatalog',
  // Center-wide records (schema v6): every station of the center shares them.
  'people',
  'centerSettings',
] as const;
export type SyncedTableName = (typeof syncedTableNames)[number];

/**
 * The tables that stay on this station: its settings (station code, language, printers, clock), the outbox of
 * changes not yet pushed, counters (RMA and outbox sequences), the content-addressed store of
 * attachment bytes with their metadata, the drafts of forms not yet saved (schema v3), and the
 * queue's counts of live claims (schema v4, derived from the claims, so never backed up).
 */
export const localTableNames = [
  'settings',
  'outbox',
  'sequences',
  'attachments',
  'attachmentBlobs',
  'drafts',
  'claimCounts',
  'syncState',
  'syncRejections',
  'attachmentUploads',
  'partialDownloads',
  'attachmentsNamed',
  'attachmentsToMove',
] as const;
export type LocalTableName = (typeof localTableNames)[number];

/**
 * Synced tables this station only receives (schema v5): the conflicts the server found, and rows
 * of synced tables it has no records for (the center-wide ones until schema v6 stored them, and
 * any table a later server adds), kept as pulled so nothing is lost while the cursor moves on.
 * Written only by the pull (`db/sync/remoteApply.ts`), never backed up: a restored station pulls
 * them again.
 */
export const pulledTableNames = ['conflicts', 'pulledRecords'] as const;
export type PulledTableName = (typeof pulledTableNames)[number];

/** Every table of the database. */
export type TableName = SyncedTableName | LocalTableName | PulledTableName;

/**
 * The last-writer-wins stamp of each field of a row, by field name (top-level fields: a nested
 * object such as a claim's `purchase` is one value). `deletedAt` has its own stamp, so a deletion
 * and a concurrent edit are ordered like any two edits.
 */
export type FieldStamps = Readonly<Record<string, Hlc>>;

/** What every synced row carries beside its domain fields. */
export type SyncFields = {
  readonly stamps: FieldStamps;
  /** When the row was deleted; a deleted row stays as a tombstone so the deletion can sync. */
  readonly deletedAt?: IsoDateTime;
  /** The technician who last changed the row. */
  readonly updatedBy: RecordId;
  /** The station the last change came from. */
  readonly station: StationCode;
};

/** Whether a synced row is live: not tombstoned. Every read that shows records filters by it. */
export const isLive = (row: SyncFields): boolean => row.deletedAt === undefined;

/** A domain record as stored: its fields plus {@link SyncFields}. */
export type Synced<Row> = Row & SyncFields;

/**
 * Fields computed from a customer for the search indexes (schema version 2), never synced: every
 * station derives them again from the synced fields.
 */
export type CustomerSearchFields = {
  /** The words of the name, lower case without accents ("siti", "rahmawati"), for prefix search. */
  readonly nameWords: readonly string[];
  /**
   * Every tail of the phone's digits that is 4 digits or longer. A prefix search over the tails
   * finds "+62 812 3456 7890" whether the clerk types "62812…", "0812…" or "812…".
   */
  readonly phoneTails: readonly string[];
};

/**
 * Fields computed for the queue when a claim is written (schema version 3), never synced: every
 * station derives them again from the claim's records and its own calendar. Absent when nothing is
 * due (a settled claim), so the `nextDeadlineAt` index holds only claims that can be overdue.
 */
export type ClaimDeadlineFields = {
  /** The instant the next deadline is missed: the end of its last day in the center's time zone. */
  readonly nextDeadlineAt?: IsoDateTime;
  /** The last day of the next deadline, as the policy decision gives it. */
  readonly nextDeadlineDate?: IsoDate;
  readonly nextDeadlineKind?: DeadlineKind;
};

/**
 * The queue's counts (`claimCounts.ts`), kept in the transaction of every claim write so the queue
 * counts without walking an index: how many live claims a filter holds on one day (schema
 * version 11, keyed `all@2026-11-04`), and, in one row keyed `filters` (version 13; one row a
 * filter before), every filter's total by `claimCountKey`.
 */
export type ClaimCountRow = ClaimDayCountRow | ClaimFilterCountsRow;
export type ClaimDayCountRow = { readonly key: string; readonly count: number };
export type ClaimFilterCountsRow = {
  readonly key: 'filters';
  readonly counts: Readonly<Record<string, number>>;
};

/** The rows of the synced tables as stored: domain record plus {@link SyncFields}. */
export type StoredCustomer = Synced<Customer> & CustomerSearchFields;
export type StoredDevice = Synced<Device>;
export type StoredClaim = Synced<Claim> & ClaimDeadlineFields;
export type StoredEvidence = Synced<Evidence>;
export type StoredInspection = Synced<Inspection>;
export type StoredMisuseFinding = Synced<MisuseFinding>;
export type StoredQuote = Synced<Quote>;
export type StoredQuoteLine = Synced<QuoteLine>;
export type StoredShipmentLeg = Synced<ShipmentLeg>;
export type StoredNote = Synced<Note>;
export type StoredAuditEvent = Synced<AuditEvent>;
export type StoredPart = Synced<Part>;
/** A person of the center (schema v6). */
export type StoredPerson = Synced<Person>;
/** The center's settings (schema v6): one row, {@link centerSettingsId}. */
export type StoredCenterSettings = Synced<CenterSettings>;

/**
 * The id of the center's settings row. The same at every station, so the stations of a center
 * write one row and the sync merges it field by field (a holiday added at one station and a
 * currency set at another both stay), whichever station set the center up first.
 */
export const centerSettingsId: RecordId = '00000000-0000-7000-8000-00000000c0de';

export { nobodyId } from '#shared/domain/person';

/** The people of the station, active or not; empty before setup. */
export function stationPeople(station: Pick<StationSetup, 'technicians'> | undefined): Person[] {
  return [...(station?.technicians ?? [])];
}

/**
 * What the station is, chosen at first run. The code never changes: RMA numbers carry it. The
 * fields after `center` came with the workbench; they are optional so a station set up before
 * it keeps opening, and the setup screen asks for all of them.
 */
export const stationSetupSchema = z.object({
  stationCode: stationCodeSchema,
  ...centerWideSettingsSchema.shape,
  language: languageSchema.optional(),
  /** The people of the station (stored under their name from before roles, when all were technicians). */
  technicians: z.array(personSchema).optional(),
});
export type StationSetup = z.infer<typeof stationSetupSchema>;

/**
 * What Settings changes after first run: everything setup chose but the station code (RMA numbers
 * carry it) and the people, who have their own panel.
 */
export const stationSettingsChangesSchema = stationSetupSchema.omit({
  stationCode: true,
  technicians: true,
});
export type StationSettingsChanges = z.infer<typeof stationSettingsChangesSchema>;

// The IPC contract's own target schemas, so a saved choice is one main would accept.
const [systemTargetSchema, zplTargetSchema] = printTargetSchema.options;

/** A system (CUPS) printer for a document, and the paper it takes for page documents. */
export const systemPrinterChoiceSchema = z.object({
  type: z.literal('system'),
  printer: systemTargetSchema.shape.printer,
  paper: paperSizeSchema.optional(),
});

/** Page documents go to a system printer; only labels can go to a ZPL printer. */
const pageDocumentChoiceSchema = systemPrinterChoiceSchema.optional();
/** Labels and tags: a system printer (their size is fixed), or a label printer main knows. */
const labelDocumentChoiceSchema = z
  .discriminatedUnion('type', [systemPrinterChoiceSchema, zplTargetSchema])
  .optional();

/**
 * Where this station prints each kind of document. A kind left out has no printer yet: the claim
 * screen asks for one in Settings instead of guessing.
 */
export const printingSettingsSchema = z.object({
  'rma-slip': pageDocumentChoiceSchema,
  'return-label': labelDocumentChoiceSchema,
  'device-tag': labelDocumentChoiceSchema,
  quote: pageDocumentChoiceSchema,
  'packing-slip': pageDocumentChoiceSchema,
});
export type PrintingSettings = z.output<typeof printingSettingsSchema>;
/** A printing setting as a caller writes it (the ZPL port may be left to its default). */
export type PrintingSettingsInput = z.input<typeof printingSettingsSchema>;
/** The printer chosen for one kind of document. */
export type PrinterChoice = NonNullable<PrintingSettings[keyof PrintingSettings]>;

/**
 * A filter of the queue: the claims in a status, of a policy pack, assigned to a technician,
 * overdue, or any combination (all must hold). An empty filter is every claim.
 */
export const queueFilterSchema = z.strictObject({
  status: claimStatusSchema.optional(),
  packId: policyIdSchema.optional(),
  assigneeId: recordIdSchema.optional(),
  overdue: z.literal(true).optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** The most characters a saved view's name takes. */
export const savedViewNameMaxLength = 40;

/** A queue filter the bench named and saved, to apply again in one click. */
export const savedViewSchema = z.object({
  id: recordIdSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: 'name the view, e.g. "My overdue claims"' })
    .max(savedViewNameMaxLength, {
      error: `keep the name to ${savedViewNameMaxLength} characters or fewer`,
    }),
  filter: queueFilterSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

/**
 * The settings row of the station as stored since schema v6: what stays per station. `printing`
 * came after the workbench and is set from the Settings screen, not at setup; `savedViews` are
 * saved from the queue. Both optional so stations set up before them keep opening. Before v6 the
 * row also held the center-wide settings and the people (see {@link StationSettingsRow}); the v6
 * upgrade moved them to the `centerSettings` and `people` tables.
 */
export type StationOwnSettingsRow = {
  readonly key: 'station';
  readonly stationCode: StationCode;
  readonly language?: StationSetup['language'];
  readonly setUpAt: IsoDateTime;
  readonly printing?: PrintingSettings;
  readonly savedViews?: readonly SavedView[];
  /** Minutes without input after which the station locks until a PIN is typed; absent: never. */
  readonly idleLockMinutes?: IdleLockMinutes;
};

/**
 * The station as its screens see it: its own settings row with the center's settings and people
 * (`technicians`, the live people of the center) read from their synced tables. Read, never
 * stored: `StationRepository.get` puts it together.
 */
export type StationSettingsRow = StationOwnSettingsRow &
  CenterWideSettings & { readonly technicians?: Person[] };

/** How long a station may sit idle before it locks, in minutes. */
export const idleLockMinutesSchema = z
  .number()
  .int({ error: 'expected whole minutes' })
  .min(1, { error: 'expected 1 minute or more' })
  .max(240, { error: 'expected 240 minutes (4 hours) or fewer' });
export type IdleLockMinutes = z.infer<typeof idleLockMinutesSchema>;

/**
 * The station's saved queue views, checked on read: one a later version wrote and this one cannot
 * parse is left out rather than breaking the queue.
 */
export function stationSavedViews(
  row: Pick<StationOwnSettingsRow, 'savedViews'> | undefined,
): SavedView[] {
  return (row?.savedViews ?? []).flatMap((view) => {
    const parsed = savedViewSchema.safeParse(view);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The station's printers, checked on read: a value a later version wrote and this one cannot
 * parse reads as "none chosen" rather than breaking the screens that print.
 */
export function stationPrinting(
  row: Pick<StationOwnSettingsRow, 'printing'> | undefined,
): PrintingSettings {
  // Kind by kind, so one choice it cannot read (a label printer saved by its address, before
  // main kept the label printers) leaves the others chosen.
  const saved: Record<string, unknown> = row?.printing ?? {};
  return Object.fromEntries(
    Object.entries(printingSettingsSchema.shape).flatMap(([kind, schema]) => {
      const choice = schema.safeParse(saved[kind]).data;
      return choice === undefined ? [] : [[kind, choice]];
    }),
  );
}

/** The last clock stamp this station made, so stamps keep increasing across restarts. */
export type ClockSettingsRow = { readonly key: 'clock'; readonly lastStamp: Hlc };

/**
 * Who is at the bench now: every change this station makes is attributed to them. `locked` while
 * the station waits for their PIN after sitting idle, kept here so a reload does not unlock it.
 */
export type BenchSettingsRow = {
  readonly key: 'bench';
  readonly technicianId: RecordId;
  readonly locked?: boolean;
};

/**
 * Wrong PINs typed at this station, by person, so a wait between guesses survives a reload.
 * Local: never synced.
 */
export type PinAttemptsSettingsRow = {
  readonly key: 'pin-attempts';
  readonly byPerson: Readonly<Record<RecordId, PinFailures>>;
};

/** The wrong PINs typed for one person since their last good one. */
export type PinFailures = { readonly count: number; readonly lastAt: IsoDateTime };

/**
 * A recalculation of the claims' deadline fields under way after the station's calendar changed,
 * done in chunks (see `deadlineRecalculation.ts`): the claims up to `afterClaimId` (by id) are
 * done, so a recalculation cut short by a crash resumes there. Removed when the last chunk is.
 */
export type DeadlineRecalculationSettingsRow = {
  readonly key: 'deadline-recalculation';
  /** A new id each time the calendar changes: a run of an older change stops. */
  readonly runId: RecordId;
  readonly startedAt: IsoDateTime;
  readonly afterClaimId?: RecordId;
  /** Claims recalculated so far, and how many there are in all (once counted). */
  readonly done: number;
  readonly total?: number;
};

/**
 * How far collecting unreferenced files has got (see `collectUnreferencedAttachments`): every file
 * stored up to `judgedThrough` (by `[storedAt, sha256]`) was judged, and is gone or kept for good
 * because evidence names it (evidence rows are never removed), except the files of `recheck`, kept
 * for a draft or an original file that may still go, which each run judges again.
 */
export type AttachmentCollectionSettingsRow = {
  readonly key: 'attachment-collection';
  readonly judgedThrough: readonly [IsoDateTime, Sha256];
  readonly recheck: readonly Sha256[];
};

/** A row of the `settings` table, told apart by `key`. */
export type SettingsRow =
  | StationOwnSettingsRow
  | ClockSettingsRow
  | BenchSettingsRow
  | PinAttemptsSettingsRow
  | DeadlineRecalculationSettingsRow
  | AttachmentCollectionSettingsRow;

/** A counter: `outbox` numbers outbox entries, `rma/JKT1` the claims station JKT1 opened. */
export type SequenceRow = { readonly name: string; readonly value: number };

/** The changes one mutation made to one row, for the sync push. */
export type OutboxRowChange = {
  readonly table: SyncedTableName;
  readonly id: RecordId;
  /** The fields written, with their new values. */
  readonly set: Readonly<Record<string, unknown>>;
  /** Optional fields removed. */
  readonly unset: readonly string[];
  /** The stamp of every field in `set` and `unset`. */
  readonly stamp: Hlc;
  /**
   * The stamp each field of `set` and `unset` had before this change (`null`: none, as in a new
   * row), so the server tells a concurrent edit from a sequential one. Empty in entries written
   * before schema v5, which did not record it.
   */
  readonly base: Readonly<Record<string, Hlc | null>>;
};

/**
 * One repository operation waiting to be pushed: every row it changed (the record and its audit
 * event), so the server applies it whole or not at all. `sequence` numbers the entries of this
 * station without gaps, so the server can tell a lost push from a repeated one.
 */
export type OutboxEntry = {
  readonly sequence: number;
  readonly mutationId: RecordId;
  readonly station: StationCode;
  readonly actor: RecordId;
  readonly at: Hlc;
  readonly rows: readonly OutboxRowChange[];
  /** What the change means beyond its fields (a claim's status change), for the server to check. */
  readonly intent?: MutationIntent;
};

/**
 * This database's sync state (schema v5), one row: its client id, made when the database first
 * needs one and again whenever its outbox is renumbered (a restored backup, a new enrollment), and
 * the server it is enrolled with. Local: never synced nor backed up.
 */
export type SyncStateRow = {
  readonly key: 'state';
  readonly clientId: RecordId;
  readonly enrollment?: SyncEnrollment;
  /**
   * Open claims pulled before their customer or device (a later page brings it), whose
   * deadlines are derived again when it comes: see `applyPulledPage`.
   */
  readonly claimsAwaitingRecords?: readonly RecordId[];
};

/** The server this station is enrolled with, and how far it has pulled and been acknowledged. */
export type SyncEnrollment = {
  readonly serverUrl: string;
  readonly deviceId: RecordId;
  readonly deviceToken: string;
  readonly centerId: RecordId;
  /** Where the next pull starts; null before the first complete pull (or after a reset). */
  readonly cursor: PullCursor | null;
  /** The last mutation id the server acknowledged for this client. */
  readonly acknowledgedMutationId: number;
  readonly lastSyncedAt?: IsoDateTime;
  /**
   * Set from enrolling until the first pull is complete: that pull comes first and adopts the
   * center's rows over what this station wrote alone (see `db/sync/adoptCenter.ts`).
   */
  readonly joining?: true;
  /**
   * Set once the attachment queue has compared every record with every file of the station for
   * this enrollment (schema v14): from then on it looks only at `attachmentsNamed` and
   * `attachmentsToMove`.
   */
  readonly attachmentsCompared?: true;
};

/** A change of this station the server refused for good (schema v5); local, shown in Settings. */
export type SyncRejectionRow = {
  readonly mutationId: RecordId;
  readonly at: IsoDateTime;
  readonly rejection: Rejection;
};

/** A conflict the server found, as pulled (schema v5), with the row's sync fields. */
export type StoredConflict = ConflictRecord & {
  readonly stamps: FieldStamps;
  readonly updatedBy: RecordId;
  readonly station: string;
};

/**
 * A pulled row of a synced table this station does not store as records yet (`people`,
 * `centerSettings`), merged like any row, so nothing pulled is lost while the cursor moves on.
 */
export type PulledRecordRow = {
  readonly table: string;
  readonly id: RecordId;
  readonly values: Readonly<Record<string, unknown>>;
  readonly stamps: FieldStamps;
  readonly updatedBy: RecordId;
  readonly station: string;
};

/** A small JPEG preview of an image attachment, made when it was captured. */
export type Thumbnail = {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
};

/** What is known of stored bytes, by their SHA-256; the bytes are in `attachmentBlobs`. */
export type StoredAttachment = {
  readonly sha256: Sha256;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly storedAt: IsoDateTime;
  readonly thumbnail?: Thumbnail;
  /**
   * The thumbnail's own SHA-256: its bytes are also stored as an attachment of their own (a
   * JPEG), so they sync as a small blob and evidence records can name them. Absent on
   * thumbnails made before, and on the thumbnails' own rows.
   */
  readonly thumbnailSha256?: Sha256;
};

/** The bytes of an attachment, kept as a Blob (Chromium keeps large Blobs on disk, not in memory). */
export type AttachmentBlobRow = { readonly sha256: Sha256; readonly blob: Blob };

/**
 * Bytes this station knows the center's sync server holds (schema v7): uploaded from here, or
 * found there before an upload. Per center, so a station that joins another uploads again. Never
 * backed up: a restored station asks the server again (a `HEAD` each), which costs little.
 */
export type AttachmentUploadRow = {
  readonly sha256: Sha256;
  readonly centerId: string;
  readonly uploadedAt: IsoDateTime;
};

/**
 * A file a pulled evidence record named, for the attachment queue to look at (schema v14), written
 * in the pull's transaction. `noted` numbers the notes in order (one number a slice), so a pass
 * forgets the notes it read as one range and keeps those written meanwhile. Derived, never backed
 * up, as {@link AttachmentToMoveRow}.
 */
export type AttachmentNamedRow = {
  readonly noted: number;
  readonly sha256: Sha256;
};

/**
 * A file the attachment queue found still to move (schema v14): to send, or to fetch (now or
 * when someone opens it). Kept so a pass after a restart knows it without comparing everything.
 * Derived, never backed up: a restored station is enrolled nowhere, and compares everything when
 * it enrolls.
 */
export type AttachmentToMoveRow = {
  readonly sha256: Sha256;
};

/**
 * One range of a download cut short or under way (schema v8): the bytes of the file `sha256` from
 * `offset` on, as a Blob (on disk in Chromium). The rows of a file are removed in the transaction
 * that stores it whole.
 */
export type PartialDownloadRow = {
  readonly sha256: Sha256;
  readonly offset: number;
  readonly blob: Blob;
};

/**
 * What a technician typed into a form and has not saved yet, kept so it survives a crash or a
 * reload. Local to this station and never synced: a draft is nobody's record until it is saved.
 * `key` names the form and who typed it (`intake/<technicianId>`); `value` is the form's own
 * plain-data shape, which the form checks when it reads it back.
 */
export type DraftRow = {
  readonly key: string;
  readonly savedAt: IsoDateTime;
  readonly value: unknown;
};
