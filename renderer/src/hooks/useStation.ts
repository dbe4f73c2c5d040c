import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '../db/appDatabase';
import type { Person, StationSettingsRow } from '../db/records';
import { createRepositories } from '../db/repositories';

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

/** The station's settings and who is at the bench, kept current as they change. */
export function useStation(): StationState {
  const state = useLiveQuery(async (): Promise<StationState> => {
    const repositories = createRepositories(appDatabase());
    const station = await repositories.station.get();
    if (station === undefined) return { kind: 'not-set-up' };
    const bench = await repositories.station.bench();
    return { kind: 'ready', station, benchPerson: bench.person, locked: bench.locked };
  }, []);
  return state ?? { kind: 'loading' };
}
