import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, localeOf } from '#shared/documents/format';
import type { IsoDate, IsoDateTime, Money } from '#shared/domain/primitives';
import { keptOrMade } from '#shared/domain/keptOrMade';
import type { Language } from '#shared/domain/vocabulary';
import { stationTimeZone } from '#shared/domain/calendar';
import { useStationContext } from '../station/StationContext';

/** Formats days, times, ages and money in the language shown and the station's time zone. */
export type StationFormat = {
  readonly language: Language;
  readonly date: (value: IsoDate) => string;
  readonly dateTime: (value: IsoDateTime) => string;
  readonly age: (since: IsoDateTime, nowMs: number) => string;
  readonly money: (value: Money) => string;
};

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** The language i18next shows, as a Fixline language. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'id' ? 'id' : 'en';
}

const countFormats = new Map<Language, (count: number) => string>();

/**
 * Formats a count in the language shown ("100,000" or "100.000"), with one formatter per
 * language: the queue and the sync progress format counts at every redraw.
 */
export function useCountFormat(): (count: number) => string {
  const language = useLanguage();
  return keptOrMade(countFormats, language, () => {
    const numberFormat = new Intl.NumberFormat(localeOf[language]);
    return (count) => numberFormat.format(count);
  });
}

/**
 * The formats of each language and time zone, made once: making an `Intl` formatter costs far
 * more than formatting with one, and a claim screen has a dozen parts that format as they mount.
 */
const stationFormats = new Map<string, StationFormat>();

function makeStationFormat(language: Language, timeZone: string): StationFormat {
  const locale = localeOf[language];
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    language,
    date: (value) => formatDate(value, language),
    dateTime: (value) => dateTimeFormat.format(new Date(value)),
    age: (since, nowMs) => {
      const elapsedMs = Math.max(0, nowMs - Date.parse(since));
      return elapsedMs >= dayMs
        ? relative.format(-Math.floor(elapsedMs / dayMs), 'day')
        : relative.format(-Math.floor(elapsedMs / hourMs), 'hour');
    },
    money: (value) => formatMoney(value, language),
  };
}

export function useStationFormat(): StationFormat {
  const language = useLanguage();
  const { station } = useStationContext();
  const timeZone = stationTimeZone(station.timeZone);
  return keptOrMade(stationFormats, `${language} ${timeZone}`, () =>
    makeStationFormat(language, timeZone),
  );
}
