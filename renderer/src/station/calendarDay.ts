import type { IsoDate } from '#shared/domain/primitives';

/** The calendar day it is at `nowMs` in `timeZone`, as YYYY-MM-DD: the center's "today". */
export function calendarDayIn(timeZone: string, nowMs: number): IsoDate {
  // en-CA writes dates as YYYY-MM-DD, which is exactly an IsoDate.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nowMs);
}
