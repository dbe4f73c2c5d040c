import { liveQuery } from 'dexie';
import type { InteropableObservable } from 'dexie-react-hooks';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import type { DependencyList, ReactNode, RefObject } from 'react';
import { createContext, startTransition, useContext, useRef } from 'react';
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

/** How a named query's answers are drawn (see {@link useNamedCoreQuery}). */
export type NamedQueryOptions = {
  /**
   * The first answer, while the screen has nothing of it to show, is drawn as a transition: a
   * navigation (React Router's are transitions) or a keystroke made meanwhile is not held behind
   * it, and a navigation away takes it along, so the answer of a screen being left is never drawn.
   * A scan made while the queue loads opens its claim without first drawing the queue's rows.
   */
  readonly firstAnswerAsTransition?: boolean;
};

/**
 * {@link useCoreQuery} for a named query: when the start read it before this screen was drawn
 * (see `warmQueries.ts`), its result is there at the first render, or as soon as it is read.
 */
export function useNamedCoreQuery<Result>(
  query: NamedCoreQuery<Result>,
  options: NamedQueryOptions = {},
): Result | undefined {
  const core = useStationCore();
  const answered = useRef(false);
  const firstAnswerAsTransition = options.firstAnswerAsTransition === true;
  return useObservable(() => {
    const answers = warmQueriesOf(core).claim(query) ?? liveQuery(async () => query.run(core));
    return firstAnswerAsTransition ? firstAnswerInTransition(answers, answered) : answers;
  }, [core, query.key, firstAnswerAsTransition]);
}

/**
 * `answers` with its first answer handed on inside `startTransition`, unless `answered` says the
 * hook already had one (from an earlier question's answers). Reads of a value already there
 * (`hasValue`, `getValue`) go straight through.
 */
function firstAnswerInTransition<Result>(
  answers: InteropableObservable<Result>,
  answered: RefObject<boolean>,
): InteropableObservable<Result> {
  const { hasValue, getValue } = answers;
  return {
    ...(hasValue === undefined ? {} : { hasValue: () => hasValue.call(answers) }),
    ...(getValue === undefined ? {} : { getValue: () => getValue.call(answers) }),
    subscribe: (next, error) =>
      answers.subscribe((value) => {
        if (answered.current) {
          next(value);
          return;
        }
        answered.current = true;
        startTransition(() => next(value));
      }, error),
  };
}
