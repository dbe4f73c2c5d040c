import { addDays, addMonths, isWeekend, max } from 'date-fns';
import { formatIsoDay, parseIsoDay } from '../domain/isoDay';
import { compareDays, type IsoDate } from '../domain/primitives';

/**
 * Calendar arithmetic on `YYYY-MM-DD` days, following the conventions of
 * ../shared/spec/policy.md. Dates are read as local midnight and only whole days are added,
 * so the result never depends on the process's time zone or on a DST change.
 */

const toDate = (day: IsoDate): Date => parseIsoDay(day);
const toIsoDate = (date: Date): IsoDate => formatIsoDay(date);

/** `day` + `days` calendar days. "Within N days after D" ends on `plusDays(D, N)`, inclusive. */
export function plusDays(day: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(toDate(day), days));
}

/**
 * `day` + `months` calendar months, clamped to the end of a shorter month
 * (31 Jan + 1 month = 28 or 29 Feb). "N months from D" is covered up to and including this day.
 */
export function plusMonths(day: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(toDate(day), months));
}

/**
 * The day `workingDays` working days after `day`: Monday to Friday, skipping `holidays`.
 * The starting day itself does not count.
 */
export function plusWorkingDays(
  day: IsoDate,
  workingDays: number,
  holidays: ReadonlySet<IsoDate>,
): IsoDate {
  let date = toDate(day);
  let remaining = workingDays;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (!isWeekend(date) && !holidays.has(toIsoDate(date))) remaining -= 1;
  }
  return toIsoDate(date);
}

/**
 * The later of two days ("whichever is later"), compared as days: a string comparison would put
 * `10000-01-01` before `9999-12-31`.
 */
export function laterOf(first: IsoDate, second: IsoDate): IsoDate {
  return toIsoDate(max([toDate(first), toDate(second)]));
}

/** True when `asOf` is on or before `lastDay`: a request on the last day is in time. */
export function isOnOrBefore(asOf: IsoDate, lastDay: IsoDate): boolean {
  return compareDays(asOf, lastDay) <= 0;
}
