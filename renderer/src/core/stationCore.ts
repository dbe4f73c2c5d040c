import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { QueueFilterCounts, QueueWindowRequest } from '../db/claimQueue';
import { countQueue, countQueueFilters, readQueueIds } from '../db/claimQueue';
import type { FixlineDatabase } from '../db/database';
import type { QueueFilter, StationSettingsRow } from '../db/records';
import type { Repositories, RepositoryOptions } from '../db/repositories';
import { createRepositories } from '../db/repositories';
import type { ClaimRecords } from './claimDetails';
import { loadClaimRecords } from './claimDetails';
import type { QueueClaimLabel, QueueWindow } from './queueReadModel';
import { loadClaimLabels, loadQueueWindow } from './queueReadModel';

/** The choices of the queue's filters, each counted on its own. */
export type QueueFilterChoices = {
  readonly statuses: readonly ClaimStatus[];
  readonly packIds: readonly string[];
  readonly assigneeIds: readonly RecordId[];
};

/** What screens read: each query is a plain async read, so `useCoreQuery` can keep it live. */
export type StationQueries = {
  /** The station's settings row; undefined before setup. */
  readonly station: () => Promise<StationSettingsRow | undefined>;
  /** A claim with its records; undefined when it does not exist or is deleted. */
  readonly claimDetails: (claimId: string) => Promise<ClaimRecords | undefined>;
  /**
   * A window of the queue of `filter`, "overdue" judged at `nowIso`: at a position, or next to
   * rows already shown (by their cursors).
   */
  readonly queueWindow: (
    filter: QueueFilter,
    nowIso: IsoDateTime,
    request: QueueWindowRequest,
  ) => Promise<QueueWindow>;
  /** How many claims the queue of `filter` holds. */
  readonly queueCount: (filter: QueueFilter, nowIso: IsoDateTime) => Promise<number>;
  /** How many claims each filter choice holds on its own. */
  readonly queueCounts: (
    choices: QueueFilterChoices,
    nowIso: IsoDateTime,
  ) => Promise<QueueFilterCounts>;
  /** The ids at positions `start` to `end` (exclusive) of the queue, for a selection. */
  readonly queueIds: (
    filter: QueueFilter,
    nowIso: IsoDateTime,
    start: number,
    end: number,
  ) => Promise<RecordId[]>;
  /** The RMA number and status of the claims that exist among `claimIds`. */
  readonly claimLabels: (claimIds: readonly RecordId[]) => Promise<QueueClaimLabel[]>;
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
      queueWindow: (filter, nowIso, request) => loadQueueWindow(db, filter, nowIso, request),
      queueCount: (filter, nowIso) => countQueue(db, filter, nowIso),
      queueCounts: (choices, nowIso) => countQueueFilters(db, choices, nowIso),
      queueIds: (filter, nowIso, start, end) => readQueueIds(db, filter, nowIso, start, end),
      claimLabels: (claimIds) => loadClaimLabels(db, claimIds),
    },
  };
}
