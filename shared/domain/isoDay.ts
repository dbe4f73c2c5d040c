import { format, parseISO } from 'date-fns';

/**
 * Reading and writing `YYYY-MM-DD` days as local-midnight `Date`s, exactly as date-fns's
 * `parseISO` and `format(date, 'yyyy-MM-dd')` do, but without their general parsers on the one
 * shape Fixline stores: the policy engine turns days into dates a few dozen times a claim, and a
 * station's first pull judges every open claim (see bench/RESULTS.md, Sync). Anything else
 * (a time, a zone, an extended year, an invalid date) goes to date-fns itself, so results never
 * differ (test/domain/isoDay.test.ts compares both over many inputs).
 */

const plainDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `parseISO(text)`: local midnight of a `YYYY-MM-DD` day; an invalid date when it is no day. */
export function parseIsoDay(text: string): Date {
  const match = plainDay.exec(text);
  if (match === null) return parseISO(text);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return new Date(NaN);
  // As parseISO: `setFullYear`, since `new Date(year, …)` reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setFullYear(year, month - 1, day);
  date.setHours(0, 0, 0, 0);
  return date;
}

/** `format(date, 'yyyy-MM-dd')`: the local day of `date` (throws as it does on an invalid date). */
export function formatIsoDay(date: Date): string {
  const year = date.getFullYear();
  // Years before 1 are written by era in date-fns (year 0 is "0001"): left to it, as is NaN.
  if (!(year >= 1 && year <= 9999)) return format(date, 'yyyy-MM-dd');
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
