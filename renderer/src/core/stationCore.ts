import type { FixlineDatabase } from '../db/database';
import type { StationSettingsRow } from '../db/records';
import type { Repositories, RepositoryOptions } from '../db/repositories';
import { createRepositories } from '../db/repositories';
import type { ClaimRecords } from './claimDetails';
import { loadClaimRecords } from './claimDetails';

/** What screens read: each query is a plain async read, so `useCoreQuery` can keep it live. */
export type StationQueries = {
  /** The station's settings row; undefined before setup. */
  readonly station: () => Promise<StationSettingsRow | undefined>;
  /** A claim with its records; undefined when it does not exist or is deleted. */
  readonly claimDetails: (claimId: string) => Promise<ClaimRecords | undefined>;
};

/**
 * The one owner of the station's data: the database, the repositories that write it (the
 * commands) and the read models screens query. Screens reach it through `useStationCore`, so a
 * test or sync can hand them another database.
 */
export type StationCore = {
  readonly commands: Repositories;
  readonly queries: StationQueries;
};

/** Builds the core over `db`. */
export function createStationCore(
  db: FixlineDatabase,
  options: RepositoryOptions = {},
): StationCore {
  const commands = createRepositories(db, options);
  return {
    commands,
    queries: {
      station: () => commands.station.get(),
      claimDetails: (claimId) => loadClaimRecords(db, claimId),
    },
  };
}
