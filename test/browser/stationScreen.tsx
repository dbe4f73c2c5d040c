import '@mantine/core/styles.css';
import '../../renderer/src/i18n/setup';
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll } from 'vitest';
import type { Person } from '#shared/domain/person';
import type { StationCore, StationSettingsRow } from '../../renderer/src/core';
// First, so that its after-test hook (deleting the databases) runs after this file's (unmounting
// the screen): Vitest runs after-test hooks as a stack, the last registered first.
import { freshBrowserDatabase } from './browserDatabase';
import { StationCoreProvider } from '../../renderer/src/core/StationCoreProvider';
import { StationContext } from '../../renderer/src/station/StationContext';
import { cssVariablesResolver, theme } from '../../renderer/src/theme';

/**
 * Renders a screen's part in Chromium as the app does (Mantine, a router, a station core over a
 * real IndexedDB database, the station and the person at the bench), and unmounts it after the
 * test: the frame the component tests share.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

beforeAll(async () => {
  await i18next.changeLanguage('en');
});

/**
 * Runs `work` in React's act(). Between such calls the test acts as a person does (clicks,
 * typing, IndexedDB answering later) and waits for what the screen shows, so React is told it
 * is not in an act environment then, rather than warned of every update a query brings.
 */
export async function inAct(work: () => void | Promise<void>): Promise<void> {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(work);
  } finally {
    globalThis.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

let mounted: { root: Root; container: HTMLElement } | undefined;

// The screen first (it may still write, a draft say, as it goes); browserDatabase.ts's hook then
// deletes its database.
afterEach(async () => {
  if (mounted === undefined) return;
  const { root, container } = mounted;
  await inAct(() => root.unmount());
  container.remove();
  mounted = undefined;
});

/** A fresh database in Chromium's real IndexedDB, deleted after the test's screen is gone. */
export const stationDatabase = freshBrowserDatabase;

/** A technician at the bench, for screens that record who made a change. */
export const benchTechnician: Person = {
  id: '00000000-0000-7000-8000-0000000000aa',
  name: 'Dewi Lestari',
  pinHash: 'a'.repeat(64),
  pinSalt: '0'.repeat(32),
};

export async function renderInStation(
  core: StationCore,
  children: ReactNode,
  options: {
    readonly benchPerson?: Person;
    readonly station?: Partial<StationSettingsRow>;
    /** The address the screen opens at (the queue's, `/`, unless said). */
    readonly path?: string;
  } = {},
): Promise<HTMLElement> {
  const stored = await core.queries.station();
  if (stored === undefined) throw new Error('the test station is not set up');
  const station = { ...stored, ...options.station };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted = { root, container };
  await inAct(() =>
    root.render(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <MemoryRouter initialEntries={[options.path ?? '/']}>
          <StationCoreProvider core={core}>
            <StationContext.Provider
              value={{ station, benchPerson: options.benchPerson, locked: false }}
            >
              {children}
            </StationContext.Provider>
          </StationCoreProvider>
        </MemoryRouter>
      </MantineProvider>,
    ),
  );
  return container;
}
