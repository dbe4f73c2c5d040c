import { describe, expect, it } from 'vitest';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';

describe('stationTimeZone', () => {
  it('is the zone set up for the station', () => {
    expect(stationTimeZone('Asia/Jakarta')).toBe('Asia/Jakarta');
  });

  it("is the machine's own zone before one is set, on every screen alike (not UTC)", () => {
    expect(stationTimeZone(undefined)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('calendarDayIn', () => {
  // 2026-12-03 20:30 UTC: already the 4th in Jakarta (UTC+7), still the 3rd in New York.
  const lateEvening = Date.UTC(2026, 11, 3, 20, 30);

  it("gives the center's day, not UTC's", () => {
    expect(calendarDayIn('Asia/Jakarta', lateEvening)).toBe('2026-12-04');
    expect(calendarDayIn('UTC', lateEvening)).toBe('2026-12-03');
    expect(calendarDayIn('America/New_York', lateEvening)).toBe('2026-12-03');
  });

  it('keeps each zone apart when zones are asked in turn (one formatter per zone)', () => {
    const days = ['Asia/Jakarta', 'UTC', 'Asia/Jakarta', 'Pacific/Kiritimati', 'UTC'].map((zone) =>
      calendarDayIn(zone, lateEvening),
    );
    expect(days).toEqual(['2026-12-04', '2026-12-03', '2026-12-04', '2026-12-04', '2026-12-03']);
  });

  it('turns the day at local midnight', () => {
    const jakartaMidnight = Date.UTC(2026, 11, 3, 17, 0); // 00:00 on the 4th in Jakarta
    expect(calendarDayIn('Asia/Jakarta', jakartaMidnight - 1)).toBe('2026-12-03');
    expect(calendarDayIn('Asia/Jakarta', jakartaMidnight)).toBe('2026-12-04');
  });
});
