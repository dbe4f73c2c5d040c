export type { ClaimRecords } from './claimDetails';
export type { QueueFilterChoices, StationCore, StationQueries } from './stationCore';
export type { QueueClaimLabel, QueueRow, QueueWindow } from './queueReadModel';
export type { QueueCursor, QueueFilterCounts, QueueWindowRequest } from '../db/claimQueue';
export { appStationCore } from './appStationCore';
export { createStationCore } from './stationCore';
export { StationCoreProvider, useCoreQuery, useStationCore } from './StationCoreProvider';
export type { StationCoreProviderProps } from './StationCoreProvider';
