/**
 * The station's records as screens see them: the row types, the repositories' results and the
 * pure helpers over rows. Screens import them from here (or `core/index.ts`), never from `db/`,
 * so the lint zone can keep `db/` closed. A leaf module: `db/` reaches `station/`, which imports
 * this, so it must not load the core itself.
 */
export type {
  CenterDetails,
  Part,
  Person,
  PinFailures,
  PolicyAssignment,
  PrinterChoice,
  PrintingSettings,
  PrintingSettingsInput,
  QueueFilter,
  SavedView,
  StationSettingsChanges,
  StationSettingsRow,
  StationSetup,
  StoredAttachment,
  StoredAuditEvent,
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  StoredPart,
  StoredQuote,
  StoredQuoteLine,
  StoredShipmentLeg,
  SyncFields,
} from '../db/records';
export {
  argon2idHashSchema,
  centerDetailsSchema,
  isLive,
  partSchema,
  printingSettingsSchema,
  personRoles,
  queueFilterSchema,
  stationPeople,
  stationPrinting,
  savedViewNameMaxLength,
  stationSavedViews,
  timeZoneSchema,
} from '../db/records';
export type {
  IntakeCustomer,
  IntakeDevice,
  IntakeEvidence,
  IntakeRecordsDraft,
  PartsImportProgress,
  QuoteAnswer,
  Repositories,
  RepositoryError,
  RepositoryResult,
  SavedIntakeRecords,
  SignIn,
  WriteContext,
} from '../db/repositories';
export type { AttachmentError } from '../db/attachments';
export type { ConnectionProblem } from '../db/database';
export type { BackupManifest, RestoreError, RestoreSummary } from '../db/backup';
export type { PersistentStorageStatus } from '../db/persistentStorage';
export { formatByteSize, maxAttachmentBytes } from '../db/attachments';
