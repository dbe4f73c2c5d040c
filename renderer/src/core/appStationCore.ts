import { appDatabase } from '../db/appDatabase';
import type { StationCore } from './stationCore';
import { createStationCore } from './stationCore';

let core: StationCore | undefined;

/** The core over the station's own database, built once for the whole app. */
export function appStationCore(): StationCore {
  return (core ??= createStationCore(appDatabase()));
}
