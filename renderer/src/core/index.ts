export type { ClaimBundle, RmaLookup } from './claimBundle';
export { lookUpRmaNumber, readClaimBundle } from './claimBundle';
export type { ClaimRecords, ClaimScreenRecords } from './claimDetails';
export type {
  ClaimDocumentSources,
  ClaimDocumentsResult,
  MissingForDocuments,
} from './claimDocumentRecords';
export {
  authorizedOnFrom,
  claimDocumentsFor,
  printRequestOf,
  repairCenterOf,
} from './claimDocumentRecords';
export type {
  ClaimAudit,
  ClaimQuotes,
  EvidenceItem,
  RecordedInspection,
  ShipmentLegItem,
} from './claimQueries';
export type { KnownDevice } from './stationQueries';
export type {
  QueueFilterChoices,
  StationAttachments,
  StationBackup,
  StationConnection,
  StationCore,
  StationQueries,
} from './stationCore';
export type { QueueClaimLabel, QueueRow, QueueWindow } from './queueReadModel';
export type { QueueCursor, QueueFilterCounts, QueueWindowRequest } from '../db/claimQueue';
export * from './model';
export * from './printQueue';
export { appStationCore } from './appStationCore';
export { createStationCore } from './stationCore';
export {
  StationCoreProvider,
  useCoreQuery,
  useNamedCoreQuery,
  useStationCore,
} from './StationCoreProvider';
export type { NamedCoreQuery } from './warmQueries';
export { warmQueriesOf } from './warmQueries';
export type { StationCoreProviderProps } from './StationCoreProvider';
export { requestPersistentStorage } from '../db/persistentStorage';
