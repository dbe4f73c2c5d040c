import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '#shared/documents/format';
import { keptOrMade } from '#shared/domain/keptOrMade';
import type { IsoDate } from '#shared/domain/primitives';
import type { Language } from '#shared/domain/vocabulary';
import type { MessageKey } from '../i18n/messageKey';
import type { StationFormat } from '../hooks/useStationFormat';
import { useLanguage, useStationFormat } from '../hooks/useStationFormat';

/**
 * The queue's column-day format of each language, made once: the queue mounts it again each time
 * it opens, and an `Intl` formatter costs far more to make than to use.
 */
const shortDateFormats = new Map<Language, (day: IsoDate) => string>();

/** Formats a day short enough for a column ("11 Dec 2025", "11 Des 2025"). */
export function useShortDateFormat(): (day: IsoDate) => string {
  const language = useLanguage();
  return keptOrMade(shortDateFormats, language, () => {
    // A calendar day has no time zone: read and write it as UTC so it never shifts.
    const dateFormat = new Intl.DateTimeFormat(localeOf[language], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return (day) => dateFormat.format(Date.parse(`${day}T00:00:00Z`));
  });
}

/** What a queue row formats with: made once for the list, not in each of its rows. */
export type QueueRowFormat = {
  readonly t: TFunction;
  /**
   * A message without values, translated once for the list: the rows on screen say the same
   * few words (statuses, "no deadline", "unassigned") over and over.
   */
  readonly label: (key: MessageKey) => string;
  readonly station: StationFormat;
  /** A day in full, as `station.date` says it (its formatter is kept, see `formatDate`). */
  readonly date: (day: IsoDate) => string;
  readonly shortDate: (day: IsoDate) => string;
};

/**
 * The queue rows' formatters. A row that made its own would build several `Intl` formatters and
 * a translation hook each time it mounts, which every filter change and far scroll does.
 */
export function useQueueRowFormat(): QueueRowFormat {
  const { t } = useTranslation();
  const station = useStationFormat();
  const shortDate = useShortDateFormat();
  return useMemo(() => {
    const labels = new Map<MessageKey, string>();
    const label = (key: MessageKey) => keptOrMade(labels, key, () => t(key));
    return { t, label, station, date: station.date, shortDate };
  }, [t, station, shortDate]);
}
