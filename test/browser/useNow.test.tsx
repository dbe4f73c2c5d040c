import { Activity, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../renderer/src/hooks/useNow';
import { inAct } from './stationScreen';

/**
 * The time a screen shows ages against (`useNow`), in real React in Chromium: kept current while
 * shown, and caught up at once when a screen kept while hidden (the queue) is shown again.
 */

const intervalMs = 400;

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
});

/** A clock under `Activity`, as the kept queue is; `show` switches it as a navigation would. */
async function renderKeptClock() {
  const controls: { show?: (shown: boolean) => void } = {};
  function Clock() {
    const nowMs = useNow(intervalMs);
    return <output>{nowMs}</output>;
  }
  function Kept() {
    const [shown, setShown] = useState(true);
    controls.show = setShown;
    return (
      <Activity mode={shown ? 'visible' : 'hidden'}>
        <Clock />
      </Activity>
    );
  }
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await inAct(() => root?.render(<Kept />));
  const shownMs = () => Number(container?.querySelector('output')?.textContent);
  const show = (shown: boolean) => inAct(() => controls.show?.(shown));
  return { shownMs, show };
}

describe('the time a screen shows', () => {
  it('moves on every interval while shown', async () => {
    const { shownMs } = await renderKeptClock();
    const first = shownMs();
    await vi.waitFor(() => expect(shownMs()).toBeGreaterThanOrEqual(first + intervalMs), {
      timeout: intervalMs * 4,
    });
  });

  it('catches up as soon as a screen kept while hidden is shown again', async () => {
    const { shownMs, show } = await renderKeptClock();
    const first = shownMs();
    await show(false);
    await new Promise((resolve) => setTimeout(resolve, intervalMs * 3));
    await show(true);
    // Well before another interval would have passed since it was shown again.
    await vi.waitFor(() => expect(shownMs()).toBeGreaterThanOrEqual(first + intervalMs * 3), {
      timeout: intervalMs / 2,
      interval: 10,
    });
  });
});
