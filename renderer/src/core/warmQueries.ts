import { liveQuery } from 'dexie';
import type { Observer, Subscription } from 'dexie';
import type { StationCore } from './stationCore';

/**
 * Live queries started before the screen that shows them is drawn (see `useNamedCoreQuery`).
 * IndexedDB reads in the browser's storage process while the page's own thread draws, so a
 * start that asks for the first screen's rows before drawing its shell has them by the time the
 * shell is on screen, instead of asking once the shell's effects run (~90 ms at 10,000 claims).
 */

/** A query of the core, named so that a read started early can be handed to its screen. */
export type NamedCoreQuery<Result> = {
  /** Equal exactly when the question is: the query's name and its arguments. */
  readonly key: string;
  readonly run: (core: StationCore) => Promise<Result>;
};

/** How long a query started for a screen waits to be claimed by it (the start went elsewhere). */
export const unclaimedWarmQueryMs = 10_000;
/** How long a claimed query stays live after its last subscriber left (one may come back). */
const releasedWarmQueryMs = 1_000;

/**
 * A live query that runs whether or not anyone watches yet, keeps its last value and hands it at
 * once to whoever subscribes: the shape `useObservable` (dexie-react-hooks) reads a value from as
 * it renders (`hasValue`, `getValue`).
 */
export class WarmLiveQuery<Result> {
  readonly #observers = new Set<Partial<Observer<Result>>>();
  readonly #querier: () => Promise<Result>;
  #source: Subscription;
  #latest: { readonly value: Result } | undefined;
  #failure: { readonly error: unknown } | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #unclaimedMs: number;
  readonly #onClose: () => void;

  constructor(querier: () => Promise<Result>, unclaimedMs: number, onClose: () => void) {
    this.#querier = querier;
    this.#unclaimedMs = unclaimedMs;
    this.#onClose = onClose;
    this.#source = this.#read();
    this.#closeLater(unclaimedMs);
  }

  #read(): Subscription {
    return liveQuery(this.#querier).subscribe({
      next: (value) => {
        this.#latest = { value };
        this.#failure = undefined;
        for (const observer of [...this.#observers]) observer.next?.(value);
      },
      error: (error: unknown) => {
        this.#failure = { error };
        for (const observer of [...this.#observers]) observer.error?.(error);
      },
    });
  }

  /**
   * A screen took it as it rendered; it subscribes once that render is committed. Until then it
   * stays open as long again as it waited to be claimed (a screen that never subscribes, as
   * StrictMode's second render can be, lets it close).
   */
  claimed(): void {
    if (!this.#closed && this.#observers.size === 0) this.#closeLater(this.#unclaimedMs);
  }

  hasValue(): boolean {
    return this.#latest !== undefined;
  }

  getValue(): Result | undefined {
    return this.#latest?.value;
  }

  subscribe(
    observerOrNext?: Partial<Observer<Result>> | ((value: Result) => void),
    onError?: (error: unknown) => void,
  ): Subscription {
    const observer: Partial<Observer<Result>> =
      typeof observerOrNext === 'function'
        ? { next: observerOrNext, ...(onError === undefined ? {} : { error: onError }) }
        : (observerOrNext ?? {});
    // A screen kept while hidden (the queue) subscribes again when shown: the last value comes
    // at once, and the query reads again from there.
    if (this.#closed) {
      this.#closed = false;
      this.#source = this.#read();
    }
    this.#observers.add(observer);
    clearTimeout(this.#closeTimer);
    if (this.#failure !== undefined) observer.error?.(this.#failure.error);
    else if (this.#latest !== undefined) observer.next?.(this.#latest.value);
    let subscribed = true;
    return {
      get closed() {
        return !subscribed;
      },
      unsubscribe: () => {
        if (!subscribed) return;
        subscribed = false;
        this.#observers.delete(observer);
        if (this.#observers.size === 0) this.#closeLater(releasedWarmQueryMs);
      },
    };
  }

  /** Stops reading: nobody claimed it, or its last subscriber is gone. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#closeTimer);
    this.#source.unsubscribe();
    this.#onClose();
  }

  #closeLater(delayMs: number): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => this.close(), delayMs);
  }
}

/** The queries started early for one core, until their screens claim them. */
export class WarmQueries {
  readonly #core: StationCore;
  // Of any result: each is claimed by the query of its key, whose result it holds.
  readonly #unclaimed = new Map<string, object>();

  constructor(core: StationCore) {
    this.#core = core;
  }

  /** Starts reading `query` now, for a screen about to be drawn. */
  start<Result>(query: NamedCoreQuery<Result>, unclaimedMs = unclaimedWarmQueryMs): void {
    if (this.#unclaimed.has(query.key)) return;
    const core = this.#core;
    const warm: WarmLiveQuery<Result> = new WarmLiveQuery(
      // Async, as useCoreQuery's querier: Dexie keeps its live-query zone across awaits for one.
      async () => query.run(core),
      unclaimedMs,
      () => {
        if (this.#unclaimed.get(query.key) === warm) this.#unclaimed.delete(query.key);
      },
    );
    this.#unclaimed.set(query.key, warm);
  }

  /** The query started early for exactly this question, handed over once; else undefined. */
  claim<Result>(query: NamedCoreQuery<Result>): WarmLiveQuery<Result> | undefined {
    const warm = this.#unclaimed.get(query.key) as WarmLiveQuery<Result> | undefined;
    this.#unclaimed.delete(query.key);
    warm?.claimed();
    return warm;
  }
}

const warmQueriesByCore = new WeakMap<StationCore, WarmQueries>();

/** The early queries of `core` (one set per core, made on first use). */
export function warmQueriesOf(core: StationCore): WarmQueries {
  let warm = warmQueriesByCore.get(core);
  if (warm === undefined) {
    warm = new WarmQueries(core);
    warmQueriesByCore.set(core, warm);
  }
  return warm;
}
