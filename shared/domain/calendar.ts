import { keptOrMade } from './keptOrMade';
import type { IsoDate } from './primitives';

/**
 * The center's time zone: the one set up for the station (`configured`) or, before one is set,
 * the zone of the machine it runs on. The one rule every screen, document and deadline uses, so
 * "today" is the same day everywhere.
 */
export function stationTimeZone(configured: string | undefined): string {
  return configured ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// A formatter per zone, made once: creating an Intl.DateTimeFormat costs far more than using one,
// and deadlines are derived for every claim written.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is at `instantMs` in `timeZone`, as YYYY-MM-DD: the center's "today". */
export function calendarDayIn(timeZone: string, instantMs: number): IsoDate {
  const format = keptOrMade(
    dayFormats,
    timeZone,
    // en-CA writes dates as YYYY-MM-DD, which is exactly an IsoDate.
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  );
  return format.format(instantMs);
}
