import type { QueueFilter } from '../core/model';
import { queueFilterSchema } from '../core/model';

/**
 * The queue's filter as the address holds it (`#/?status=intake&overdue=1`), so a filtered queue
 * survives a reload and the back button. A value the schema refuses is left out.
 */
export function filterFromParams(params: URLSearchParams): QueueFilter {
  const candidate = {
    status: params.get('status') ?? undefined,
    packId: params.get('pack') ?? undefined,
    assigneeId: params.get('assignee') ?? undefined,
    overdue: params.get('overdue') === '1' ? true : undefined,
  };
  const filter: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const checked = queueFilterSchema.safeParse({ [field]: value });
    if (checked.success) Object.assign(filter, checked.data);
  }
  return queueFilterSchema.parse(filter);
}

/** The address parameters of a filter (see {@link filterFromParams}). */
export function paramsFromFilter(filter: QueueFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.status !== undefined) params['status'] = filter.status;
  if (filter.packId !== undefined) params['pack'] = filter.packId;
  if (filter.assigneeId !== undefined) params['assignee'] = filter.assigneeId;
  if (filter.overdue === true) params['overdue'] = '1';
  return params;
}

/** The address's query string of a filter, empty when it asks for nothing. */
export function filterQuery(filter: QueueFilter): string {
  return new URLSearchParams(paramsFromFilter(filter)).toString();
}

/** A stable key of a filter, to start the list over when it changes. */
export function filterKey(filter: QueueFilter): string {
  return filterQuery(filter) || 'all';
}

/** Whether the filter asks for anything. */
export function isFiltered(filter: QueueFilter): boolean {
  return Object.keys(paramsFromFilter(filter)).length > 0;
}
