export { exportBackup, verifyBackup } from './writeBackup';
export type { ExportedBackup, ExportOptions } from './writeBackup';
export { restoreBackup } from './restoreBackup';
export type { RestoreOptions, RestoreSummary } from './restoreBackup';
export { backupFormatVersion, recordTableNames } from './format';
export type { BackupManifest, RestoreError, RestoreErrorCode } from './format';
export { resetStation } from './resetStation';
