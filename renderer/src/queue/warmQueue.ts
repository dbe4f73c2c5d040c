import type { IsoDateTime } from '#shared/domain/primitives';
import type { QueueFilter, StationCore } from '../core';
import { warmQueriesOf } from '../core';
import { queueCountQuery, queueWindowQuery } from '../hooks/useClaimQueue';
import { filterFromParams } from './queueFilterParams';
import { firstWindow } from './queuePaging';

/** The queue's clock moves by the minute: "overdue" is judged to it. */
export const minuteMs = 60_000;

/** When the queue judges "overdue": the start of the minute `nowMs` falls in. */
export function queueMinuteIso(nowMs: number): IsoDateTime {
  return new Date(Math.floor(nowMs / minuteMs) * minuteMs).toISOString();
}

/** The queue's address: the workbench's first screen. */
export const queuePath = '/';

/** The queue's filter when the address `hash` (a HashRouter's) shows the queue; else undefined. */
export function queueFilterAt(hash: string): QueueFilter | undefined {
  const address = hash.replace(/^#/, '');
  const queryAt = address.indexOf('?');
  const path = queryAt === -1 ? address : address.slice(0, queryAt);
  if (path !== '' && path !== queuePath) return undefined;
  return filterFromParams(new URLSearchParams(queryAt === -1 ? '' : address.slice(queryAt)));
}

/**
 * Starts reading the queue's count and first rows when the window opens on the queue, so they
 * are read while the shell is drawn (see `core/warmQueries.ts`); QueueScreen claims them.
 */
export function warmQueueFirstScreen(core: StationCore, hash: string, nowMs = Date.now()): void {
  const filter = queueFilterAt(hash);
  if (filter === undefined) return;
  const nowIso = queueMinuteIso(nowMs);
  const warm = warmQueriesOf(core);
  warm.start(queueCountQuery(filter, nowIso));
  warm.start(queueWindowQuery(filter, nowIso, firstWindow.request));
}
