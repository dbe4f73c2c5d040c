import { liveQuery } from 'dexie';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import type { DependencyList, ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { StationCore } from './stationCore';
import type { NamedCoreQuery } from './warmQueries';
import { warmQueriesOf } from './warmQueries';

const StationCoreContext = createContext<StationCore | undefined>(undefined);

export type StationCoreProviderProps = { readonly core: StationCore; readonly children: ReactNode };

/** Hands `core` to every screen below it: the app's own database, or a test's. */
export function StationCoreProvider({ core, children }: StationCoreProviderProps) {
  return <StationCoreContext.Provider value={core}>{children}</StationCoreContext.Provider>;
}

/** The station core of the nearest provider. */
export function useStationCore(): StationCore {
  const core = useContext(StationCoreContext);
  if (core === undefined) throw new Error('useStationCore needs a StationCoreProvider above it');
  return core;
}

/**
 * Runs a query of the core and keeps its result current: it runs again whenever a table it read
 * changes, whoever wrote it (this screen, another one, or sync later). Undefined while loading.
 */
export function useCoreQuery<Result>(
  query: (core: StationCore) => Promise<Result>,
  deps: DependencyList,
): Result | undefined {
  const core = useStationCore();
  // The query's own deps plus the core, so a screen handed another database reads it at once.
  // An async querier: Dexie keeps its live-query zone across native `await`s only for one, and a
  // read made after the zone is lost is not observed, so its changes would never wake the query.
  return useLiveQuery(async () => query(core), [core, ...deps]);
}

/**
 * {@link useCoreQuery} for a named query: when the start read it before this screen was drawn
 * (see `warmQueries.ts`), its result is there at the first render, or as soon as it is read.
 */
export function useNamedCoreQuery<Result>(query: NamedCoreQuery<Result>): Result | undefined {
  const core = useStationCore();
  return useObservable(
    () => warmQueriesOf(core).claim(query) ?? liveQuery(async () => query.run(core)),
    [core, query.key],
  );
}
