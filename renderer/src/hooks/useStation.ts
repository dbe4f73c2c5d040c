import type { NamedCoreQuery, Person, StationSettingsRow } from '../core';
import { useNamedCoreQuery } from '../core';

/** The station as the screens see it; `loading` until IndexedDB answers. */
export type StationState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'not-set-up' }
  | {
      readonly kind: 'ready';
      readonly station: StationSettingsRow;
      readonly benchPerson: Person | undefined;
      readonly locked: boolean;
    };

/** The station's settings and who is at the bench (a start reads it before drawing anything). */
export const stationStateQuery: NamedCoreQuery<StationState> = {
  key: 'station',
  run: async ({ queries }) => {
    const station = await queries.station();
    if (station === undefined) return { kind: 'not-set-up' };
    const bench = await queries.bench();
    return { kind: 'ready', station, benchPerson: bench.person, locked: bench.locked };
  },
};

/** The station's settings and who is at the bench, kept current as they change. */
export function useStation(): StationState {
  return useNamedCoreQuery(stationStateQuery) ?? { kind: 'loading' };
}
