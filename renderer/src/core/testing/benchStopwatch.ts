/**
 * Stopwatches the benchmark arms in the page (bench/app/ui.bench.ts): each starts at a user's
 * event (a click, a key, a file chosen) or at once, and stops when what the user waits for is on
 * the screen and painted. A MutationObserver checks after every change of the page, so no
 * polling interval is added to a figure.
 */

/** What the screen shows when a step is done, checked on the live page. */
export type ScreenCondition =
  /** An element matching `selector` whose text matches the regular expression `pattern`. */
  | { readonly kind: 'text'; readonly selector: string; readonly pattern: string }
  /** At least `atLeast` elements match `selector`. */
  | { readonly kind: 'count'; readonly selector: string; readonly atLeast: number }
  /** Every one of `conditions` holds. */
  | { readonly kind: 'all'; readonly conditions: readonly ScreenCondition[] };

/** The user's event a stopwatch starts at: the first of `type` (and `key`, for keys) after arming. */
export type StartEvent = { readonly type: 'click' | 'keydown' | 'change'; readonly key?: string };

/** What a stopwatch measured. */
export type StopwatchReading = {
  /** From the start to the paint after the condition first held. */
  readonly elapsedMs: number;
  /** Whether `alsoAtStart` held at the start (for example: the queue had rendered). */
  readonly heldAtStart: boolean;
};

/**
 * Whether `element` is drawn: not under a screen kept while hidden (React's `Activity` hides one
 * with an inline `display: none`). Read from the attributes: `checkVisibility()` would make the
 * browser compute the page's styles at every check, which added ~60 ms to opening a claim with
 * 200 timeline lines (20,000 claims).
 */
function drawn(element: Element): boolean {
  return element.closest('[style*="display: none"]') === null;
}

/** Whether `condition` holds on the page now, in what is drawn. */
export function screenShows(condition: ScreenCondition): boolean {
  if (condition.kind === 'all') return condition.conditions.every(screenShows);
  const elements = [...document.querySelectorAll(condition.selector)];
  if (condition.kind === 'count') {
    return (
      elements.length >= condition.atLeast && elements.filter(drawn).length >= condition.atLeast
    );
  }
  const pattern = new RegExp(condition.pattern);
  for (const element of elements) {
    if (pattern.test(element.textContent) && drawn(element)) return true;
  }
  return false;
}

/** Resolves once the page has painted: after the next frame, once its tasks have run. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

type Stopwatch = { readonly reading: Promise<StopwatchReading> };

const stopwatches = new Map<string, Stopwatch>();

/**
 * Arms the stopwatch `name`: it starts at `startOn` (the event's time stamp, when the browser
 * received the input) or now, and stops at the paint after `condition` first holds.
 * @throws Error when `condition` holds already: the step would measure nothing.
 */
export function armStopwatch(
  name: string,
  condition: ScreenCondition,
  options: { readonly startOn?: StartEvent; readonly alsoAtStart?: ScreenCondition } = {},
): void {
  if (screenShows(condition)) throw new Error(`${name}: the screen shows the end already`);
  const { startOn, alsoAtStart } = options;
  const started = new Promise<{ atMs: number; heldAtStart: boolean }>((resolve) => {
    const startNow = (atMs: number) =>
      resolve({ atMs, heldAtStart: alsoAtStart === undefined ? false : screenShows(alsoAtStart) });
    if (startOn === undefined) {
      startNow(performance.now());
      return;
    }
    const onEvent = (event: Event) => {
      if (
        startOn.key !== undefined &&
        !(event instanceof KeyboardEvent && event.key === startOn.key)
      )
        return;
      window.removeEventListener(startOn.type, onEvent, { capture: true });
      startNow(event.timeStamp);
    };
    window.addEventListener(startOn.type, onEvent, { capture: true });
  });
  const shown = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!screenShows(condition)) return;
      observer.disconnect();
      void afterPaint().then(() => resolve(performance.now()));
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  });
  const reading = Promise.all([started, shown]).then(([start, paintedMs]) => ({
    elapsedMs: paintedMs - start.atMs,
    heldAtStart: start.heldAtStart,
  }));
  // Read by readStopwatch; a stopwatch nobody reads must not report an unhandled rejection.
  reading.catch(() => undefined);
  stopwatches.set(name, { reading });
}

/**
 * What the stopwatch `name` measured, once it has stopped.
 * @throws Error when it does not stop within `timeoutMs`.
 */
export async function readStopwatch(name: string, timeoutMs = 120_000): Promise<StopwatchReading> {
  const stopwatch = stopwatches.get(name);
  if (stopwatch === undefined) throw new Error(`${name}: no stopwatch of that name is armed`);
  stopwatches.delete(name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name}: the screen did not show the end in ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([stopwatch.reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
