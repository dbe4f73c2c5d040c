import { appDatabase } from '../db/appDatabase';
import type { OwnedStationCore } from './stationCore';
import { createStationCore } from './stationCore';

let core: OwnedStationCore | undefined;

/**
 * The core over the station's own database, built once for the whole app. Its sync engine starts
 * with it and syncs only when the station is enrolled with a server.
 */
export function appStationCore(): OwnedStationCore {
  if (core === undefined) {
    core = createStationCore(appDatabase());
    // A database this window cannot open yet says so through `connection`; sync waits for a reload.
    core.sync.start().catch(() => undefined);
  }
  return core;
}
