import { getBridge } from '../bridge/getBridge';
import { appDatabase } from './appDatabase';
import { nameLateThumbnails } from './lateThumbnails';
import type { OwnedStationCore } from './stationCore';
import { createStationCore } from './stationCore';
import { bridgeTransport } from './sync/bridgeTransport';

let core: OwnedStationCore | undefined;

/**
 * The core over the station's own database, built once for the whole app. Its sync engine starts
 * with it and syncs only when the station is enrolled with a server.
 */
export function appStationCore(): OwnedStationCore {
  if (core === undefined) {
    // Main makes the requests in the desktop app, the page itself in a browser (the bridge's sync).
    core = createStationCore(appDatabase(), { syncTransport: bridgeTransport(getBridge()) });
    // A database this window cannot open yet says so through `connection`; sync waits for a reload.
    core.sync.start().catch(() => undefined);
    // For the app's whole life, as the core itself.
    nameLateThumbnails(appDatabase(), core.commands.evidence);
  }
  return core;
}
