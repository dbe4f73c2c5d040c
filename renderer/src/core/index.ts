export type { ClaimRecords } from './claimDetails';
export type { StationCore, StationQueries } from './stationCore';
export { appStationCore } from './appStationCore';
export { createStationCore } from './stationCore';
export { StationCoreProvider, useCoreQuery, useStationCore } from './StationCoreProvider';
export type { StationCoreProviderProps } from './StationCoreProvider';
