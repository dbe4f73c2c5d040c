import { startTransition, useLayoutEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NamedCoreQuery, StationCore } from '../../renderer/src/core';
import { createStationCore } from '../../renderer/src/core';
import type { NamedQueryOptions } from '../../renderer/src/core/StationCoreProvider';
import {
  StationCoreProvider,
  useNamedCoreQuery,
} from '../../renderer/src/core/StationCoreProvider';
import { freshBrowserDatabase } from './browserDatabase';

/**
 * A named query whose first answer is drawn as a transition (the queue's count and rows): a
 * navigation made as it arrives (React Router's are transitions) takes it along, so a screen
 * being left never draws it; later answers are drawn at once. Real React in Chromium: which
 * answers a screen committed is what its layout effects saw.
 */

/** A query answered when the test says, under a key of its own. */
function heldQuery(key: string) {
  let answer: (value: string) => void = () => undefined;
  const answered = new Promise<string>((resolve) => {
    answer = resolve;
  });
  const query: NamedCoreQuery<string> = { key, run: () => answered };
  return { query, answer };
}

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
});

type Screens = {
  /** What the answering screen committed, in order ('nothing' until an answer is drawn). */
  readonly committed: string[];
  /** Asks for another question, as scrolling the queue asks for another window. */
  readonly ask: (query: NamedCoreQuery<string>) => void;
  /** Leaves the answering screen, as a navigation: in a transition. */
  readonly leave: () => void;
};

/** A screen showing `first`'s answers until it is left for another. */
async function renderScreens(
  core: StationCore,
  first: NamedCoreQuery<string>,
  options: NamedQueryOptions,
): Promise<Screens> {
  const committed: string[] = [];
  const controls: { ask?: Screens['ask']; leave?: Screens['leave'] } = {};

  function Answering({ query }: { readonly query: NamedCoreQuery<string> }) {
    const answer = useNamedCoreQuery(query, options);
    useLayoutEffect(() => {
      committed.push(answer ?? 'nothing');
    }, [answer]);
    return <p>{answer ?? 'loading'}</p>;
  }

  function App() {
    const [left, setLeft] = useState(false);
    const [query, setQuery] = useState(first);
    controls.ask = setQuery;
    controls.leave = () => startTransition(() => setLeft(true));
    return left ? <h1>another screen</h1> : <Answering query={query} />;
  }

  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(
    <StationCoreProvider core={core}>
      <App />
    </StationCoreProvider>,
  );
  await vi.waitFor(() => expect(committed).toEqual(['nothing']));
  const { ask, leave } = controls;
  if (ask === undefined || leave === undefined) throw new Error('the screens did not render');
  return { committed, ask, leave };
}

/** Lets React draw whatever it has pending (its scheduler works in tasks). */
async function drawn(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function newCore(): StationCore {
  return createStationCore(freshBrowserDatabase());
}

describe("a named query's first answer as a transition", () => {
  it('is not drawn when a navigation leaves its screen as it arrives', async () => {
    const first = heldQuery('first');
    const screens = await renderScreens(newCore(), first.query, { firstAnswerAsTransition: true });
    await drawn();

    first.answer('rows');
    screens.leave();
    await vi.waitFor(() => expect(container?.textContent).toBe('another screen'));

    expect(screens.committed).toEqual(['nothing']);
  });

  it('is drawn before such a navigation when drawn at once (the default)', async () => {
    const first = heldQuery('first');
    const screens = await renderScreens(newCore(), first.query, {});
    await drawn();

    first.answer('rows');
    screens.leave();
    await vi.waitFor(() => expect(container?.textContent).toBe('another screen'));

    expect(screens.committed).toEqual(['nothing', 'rows']);
  });

  it('is drawn when nothing else happens, and a later question is answered at once', async () => {
    const first = heldQuery('first');
    const screens = await renderScreens(newCore(), first.query, { firstAnswerAsTransition: true });
    first.answer('rows');
    await vi.waitFor(() => expect(screens.committed).toEqual(['nothing', 'rows']));

    const next = heldQuery('next');
    screens.ask(next.query);
    await drawn();
    next.answer('more rows');
    screens.leave();
    await vi.waitFor(() => expect(container?.textContent).toBe('another screen'));

    expect(screens.committed).toEqual(['nothing', 'rows', 'more rows']);
  });
});
