/**
 * Which claims had all their documents printed today at this station's print queue. Printing is
 * not a record the stations share (a reprint is always allowed), so this lives in the browser's
 * local storage (given as `storage`, so a test can hand it another), one key per station and day;
 * yesterday's keys are dropped when today's is written.
 */

const prefix = 'fixline:warehouse:printed:';
const keyOf = (stationCode: string, day: string) => `${prefix}${stationCode}:${day}`;

function readIds(storage: Storage, key: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return new Set(
      Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [],
    );
  } catch {
    // A damaged entry only means a claim may be offered for printing again.
    return new Set();
  }
}

/** The ids of the claims printed today (`day` as YYYY-MM-DD in the station's time zone). */
export function printedToday(storage: Storage, stationCode: string, day: string): Set<string> {
  return readIds(storage, keyOf(stationCode, day));
}

/** Adds `claimIds` to today's printed claims. */
export function markPrintedToday(
  storage: Storage,
  stationCode: string,
  day: string,
  claimIds: readonly string[],
): void {
  if (claimIds.length === 0) return;
  const key = keyOf(stationCode, day);
  const ids = readIds(storage, key);
  for (const id of claimIds) ids.add(id);
  try {
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const stale = storage.key(index);
      if (stale?.startsWith(prefix) === true && stale !== key) storage.removeItem(stale);
    }
    storage.setItem(key, JSON.stringify([...ids]));
  } catch {
    // A full storage only means these claims may be offered for printing again.
  }
}
