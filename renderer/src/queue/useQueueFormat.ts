import { useMemo } from 'react';
import { localeOf } from '#shared/documents/format';
import type { IsoDate } from '#shared/domain/primitives';
import { useLanguage } from '../hooks/useStationFormat';

/** Formats a count in the language shown ("100,000" or "100.000"). */
export function useCountFormat(): (count: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(localeOf[language]);
    return (count) => numberFormat.format(count);
  }, [language]);
}

/** Formats a day short enough for a column ("11 Dec 2025", "11 Des 2025"). */
export function useShortDateFormat(): (day: IsoDate) => string {
  const language = useLanguage();
  return useMemo(() => {
    // A calendar day has no time zone: read and write it as UTC so it never shifts.
    const dateFormat = new Intl.DateTimeFormat(localeOf[language], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return (day) => dateFormat.format(Date.parse(`${day}T00:00:00Z`));
  }, [language]);
}
