import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '../../renderer/src/db/sync/slicedApply';

/** Keeps the main thread busy for `ms`, as a pull's JavaScript between two slices does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning: a timer set before comes due meanwhile
  }
}

// The pull yields to the page between slices (renderer/src/db/sync/slicedApply.ts): in Chromium,
// whatever else is due must run before the next slice starts.
describe('yieldToPage between two slices of a pull', () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'visibilityState');
    vi.restoreAllMocks();
  });

  it('lets a save that came due meanwhile start first, every time', async () => {
    const order: string[] = [];
    for (let round = 0; round < 50; round += 1) {
      // A save at the bench, due while the slice's JavaScript still runs. Chromium queues a
      // delayed task only once it looks for work, after a message posted meanwhile: a yield by
      // message alone let the next slice start first, and the save waited for all of it.
      setTimeout(() => order.push(`save ${round}`), 1);
      busyFor(3);
      await yieldToPage();
      order.push(`slice ${round}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const expected = Array.from({ length: 50 }, (_, round) => [`save ${round}`, `slice ${round}`]);
    expect(order).toEqual(expected.flat());
  });

  it('goes on while the page never pauses, so a busy screen does not hold a pull up', async () => {
    // Work that never lets the page be idle: a task of normal priority after another, for 1 s.
    let busy = true;
    const channel = new MessageChannel();
    const endAt = performance.now() + 1_000;
    channel.port1.onmessage = () => {
      busyFor(4);
      if (performance.now() < endAt) channel.port2.postMessage(null);
      else busy = false;
    };
    channel.port2.postMessage(null);
    await yieldToPage();
    const stillBusy = busy;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    channel.port1.close();
    expect(stillBusy).toBe(true);
  });

  it('yields without a timer while the page is hidden, where timers are throttled', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    await yieldToPage();
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    Reflect.deleteProperty(document, 'visibilityState');
    await yieldToPage();
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
  });
});
