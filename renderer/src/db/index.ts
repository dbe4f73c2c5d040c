export { FixlineDatabase, defaultDatabaseName } from './database';
export * from './records';
export { createRepositories } from './repositories';
export type {
  ClaimDraft,
  ClaimPatch,
  Repositories,
  RepositoryError,
  RepositoryErrorCode,
  RepositoryOptions,
  RepositoryResult,
  WriteContext,
} from './repositories';
export { defaultSearchLimit, findClaimsByScan, findClaimsByStatus, findCustomers } from './search';
export type { SearchOptions } from './search';
export {
  formatByteSize,
  hashChunkBytes,
  makeThumbnail,
  maxAttachmentBytes,
  readAttachment,
  sha256OfBlob,
  storeAttachment,
  thumbnailMaxPixels,
} from './attachments';
export type {
  AttachmentError,
  StoreAttachmentOptions,
  StoredAttachmentResult,
} from './attachments';
export { exportBackup, resetStation, restoreBackup, verifyBackup } from './backup';
export type { BackupManifest, RestoreError, RestoreErrorCode } from './backup';
export { requestPersistentStorage } from './persistentStorage';
export type { PersistentStorageStatus } from './persistentStorage';
export { DirectWriteRefusedError, ForeignTransactionError } from './writeGuard';
export { currentSchemaVersion } from './schema';
