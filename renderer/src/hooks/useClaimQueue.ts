import type { IsoDateTime } from '#shared/domain/primitives';
import type {
  NamedCoreQuery,
  QueueFilterChoices,
  QueueFilterCounts,
  QueueWindow,
  QueueWindowRequest,
} from '../core';
import { useCoreQuery, useNamedCoreQuery } from '../core';
import type { QueueFilter } from '../core/model';

export type { QueueRow, QueueWindow } from '../core';

/** Which filter a count answers: the same string for the same filter. */
function countQuestion({ status, packId, assigneeId, overdue }: QueueFilter): string {
  return JSON.stringify([status, packId, assigneeId, overdue]);
}

/** How many claims the queue of `filter` holds, with the question it answers. */
export function queueCountQuery(
  filter: QueueFilter,
  nowIso: IsoDateTime,
): NamedCoreQuery<{ readonly question: string; readonly count: number }> {
  const { status, packId, assigneeId, overdue } = filter;
  const question = countQuestion(filter);
  return {
    key: JSON.stringify(['queueCount', question, nowIso]),
    run: async (core) => ({
      question,
      count: await core.queries.queueCount({ status, packId, assigneeId, overdue }, nowIso),
    }),
  };
}

/**
 * How many claims the queue of `filter` holds, kept current; undefined while counting.
 * `nowIso` is when "overdue" is judged: pass a time that moves on by the minute, not every render.
 */
export function useQueueCount(filter: QueueFilter, nowIso: IsoDateTime): number | undefined {
  // The queue's first answers are drawn as transitions: a scan made while it loads is not held
  // behind drawing rows that its claim is about to replace.
  const answer = useNamedCoreQuery(queueCountQuery(filter, nowIso), {
    firstAnswerAsTransition: true,
  });
  // Until the new filter is counted, the last answer is another filter's: never show it. The
  // same filter's count of the minute before stays while the new minute's is read, or the list
  // would have no rows for a moment and lose its scroll position every minute.
  return answer?.question === countQuestion(filter) ? answer.count : undefined;
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

/** The window of the queue of `filter` that `request` asks for. */
export function queueWindowQuery(
  filter: QueueFilter,
  nowIso: IsoDateTime,
  request: QueueWindowRequest,
): NamedCoreQuery<QueueWindow> {
  const { status, packId, assigneeId, overdue } = filter;
  return {
    key: JSON.stringify(['queueWindow', status, packId, assigneeId, overdue, nowIso, request]),
    run: (core) =>
      core.queries.queueWindow({ status, packId, assigneeId, overdue }, nowIso, request),
  };
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
  return useNamedCoreQuery(queueWindowQuery(filter, nowIso, request), {
    firstAnswerAsTransition: true,
  });
}
