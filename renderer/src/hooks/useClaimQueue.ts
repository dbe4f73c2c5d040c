import type { IsoDateTime } from '#shared/domain/primitives';
import type {
  QueueFilterChoices,
  QueueFilterCounts,
  QueueWindow,
  QueueWindowRequest,
} from '../core';
import { useCoreQuery } from '../core';
import type { QueueFilter } from '../core/model';

export type { QueueRow, QueueWindow } from '../core';

/**
 * How many claims the queue of `filter` holds, kept current; undefined while counting.
 * `nowIso` is when "overdue" is judged: pass a time that moves on by the minute, not every render.
 */
export function useQueueCount(filter: QueueFilter, nowIso: IsoDateTime): number | undefined {
  const { status, packId, assigneeId, overdue } = filter;
  const question = JSON.stringify([status, packId, assigneeId, overdue]);
  const answer = useCoreQuery(
    async (core) => ({
      question,
      count: await core.queries.queueCount({ status, packId, assigneeId, overdue }, nowIso),
    }),
    [question, nowIso],
  );
  // Until the new filter is counted, the last answer is another filter's: never show it. The
  // same filter's count of the minute before stays while the new minute's is read, or the list
  // would have no rows for a moment and lose its scroll position every minute.
  return answer?.question === question ? answer.count : undefined;
}

/**
 * How many claims each filter choice holds on its own, from the counts table; undefined while
 * counting, or until `ready`.
 */
export function useQueueFilterCounts(
  choices: QueueFilterChoices,
  nowIso: IsoDateTime,
  ready: boolean,
): QueueFilterCounts | undefined {
  const key = JSON.stringify(choices);
  return useCoreQuery(
    async (core) => (ready ? core.queries.queueCounts(choices, nowIso) : undefined),
    // The choices are compared by value: a new array of the same ids is the same question.
    [key, nowIso, ready],
  );
}

/**
 * The window of the queue that `request` asks for, kept current; undefined until the first one
 * is read (later, the last window read stays until the next one is in). Only these claims, their
 * customers and devices are read.
 */
export function useQueueWindow(
  filter: QueueFilter,
  nowIso: IsoDateTime,
  request: QueueWindowRequest,
): QueueWindow | undefined {
  const { status, packId, assigneeId, overdue } = filter;
  return useCoreQuery(
    (core) => core.queries.queueWindow({ status, packId, assigneeId, overdue }, nowIso, request),
    [status, packId, assigneeId, overdue, nowIso, request],
  );
}
