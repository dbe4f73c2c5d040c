import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createStationCore } from '../../renderer/src/core';
import type { ConnectProblem, StationSync, SyncStatus } from '../../renderer/src/core/sync/syncApi';
import { SyncPanel } from '../../renderer/src/settings/SyncPanel';
import { SyncIndicator } from '../../renderer/src/shell/SyncIndicator';
import { openBrowserDatabase } from './browserDatabase';
import { inAct, renderInStation } from './stationScreen';

/**
 * Settings → Sync and the header's indicator in Chromium, over a StationSync test double that
 * follows the engine's type: each state says the right thing, and the connect form says what
 * each refusal means.
 */

const serverUrl = 'http://192.168.1.10:7411';
const standalone: SyncStatus = { phase: 'standalone', pendingChanges: 0, rejectedChanges: [] };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A StationSync whose status the test sets, recording the calls screens make. */
function fakeSync(
  initial: SyncStatus,
  connectAnswer: ConnectProblem | 'ok' = 'ok',
): StationSync & {
  readonly calls: {
    connect: { serverUrl: string; pairingCode: string }[];
    syncNow: number;
    leave: number;
  };
  readonly set: (next: SyncStatus) => void;
} {
  let status = initial;
  const listeners = new Set<() => void>();
  const calls = {
    connect: [] as { serverUrl: string; pairingCode: string }[],
    syncNow: 0,
    leave: 0,
  };
  const set = (next: SyncStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  return {
    calls,
    set,
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    connect: async (input) => {
      calls.connect.push({ ...input });
      if (connectAnswer !== 'ok') return { ok: false, problem: connectAnswer };
      set({ phase: 'idle', serverUrl: input.serverUrl, pendingChanges: 0, rejectedChanges: [] });
      return { ok: true };
    },
    syncNow: async () => {
      calls.syncNow += 1;
    },
    attachmentTransfers: () => new Map(),
    subscribeTransfers: () => () => undefined,
    fetchAttachment: () => undefined,
    viewingUrl: () => Promise.resolve({ kind: 'unavailable', reason: 'standalone' }),
    leave: async () => {
      calls.leave += 1;
      set(standalone);
    },
  };
}

/** Renders `children` as the app does, over a station core whose `sync` is `sync`. */
async function render(sync: StationSync, children: ReactNode): Promise<HTMLElement> {
  const { db } = await openBrowserDatabase();
  return renderInStation({ ...createStationCore(db), sync }, children);
}

const panel = () => page.getByRole('region', { name: 'Sync' });

async function expectNoSeriousAxeViolations(container: Element): Promise<void> {
  // A dialog fading in has half-transparent text, which axe reads as too faint.
  await expect
    .poll(() => document.getAnimations().filter((animation) => animation.playState === 'running'))
    .toEqual([]);
  const results = await axe.run(container, { resultTypes: ['violations'] });
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function connectWith(address: string, pairingCode: string): Promise<void> {
  await userEvent.fill(panel().getByRole('textbox', { name: 'Server address' }), address);
  await userEvent.fill(panel().getByRole('textbox', { name: 'Pairing code' }), pairingCode);
  await userEvent.click(panel().getByRole('button', { name: 'Connect' }));
}

describe('Settings → Sync, working alone', () => {
  it('asks for the server address and pairing code, and says which field needs a fix', async () => {
    const sync = fakeSync(standalone);
    const container = await render(sync, <SyncPanel />);
    await expect.element(panel().getByText(/Connect this station to your center/)).toBeVisible();
    await expect
      .element(panel().getByText(/the center’s settings \(its name, calendar and policy packs\)/))
      .toBeVisible();
    await connectWith('192.168.1.10:7411', '   ');
    await expect
      .element(panel().getByText(/Enter the server’s address, starting with http:\/\//))
      .toBeVisible();
    await expect
      .element(panel().getByText('Enter the pairing code the server printed.'))
      .toBeVisible();
    expect(sync.calls.connect).toEqual([]);
    await expectNoSeriousAxeViolations(container);
  });

  it('connects with the trimmed address and code, then shows the status', async () => {
    const sync = fakeSync(standalone);
    await render(sync, <SyncPanel />);
    await connectWith(` ${serverUrl} `, ' K7P-42Q ');
    expect(sync.calls.connect).toEqual([{ serverUrl, pairingCode: 'K7P-42Q' }]);
    await expect.element(panel().getByText('Online', { exact: true })).toBeVisible();
    await expect.element(panel().getByText(serverUrl)).toBeVisible();
    await expect.element(panel().getByText('Not yet')).toBeVisible();
  });

  it.each<[string, ConnectProblem, RegExp]>([
    [
      'unreachable',
      { code: 'unreachable', reason: 'connect ECONNREFUSED' },
      /No answer from http:\/\/192\.168\.1\.10:7411: check the address.*\(connect ECONNREFUSED\)/,
    ],
    [
      'not a sync server',
      { code: 'not-a-sync-server' },
      /answered, but it is not a Fixline sync server/,
    ],
    [
      'a bad or expired code',
      { code: 'pairing-code-invalid', message: 'no such code' },
      /The pairing code is wrong or has expired/,
    ],
    [
      'too many tries',
      { code: 'pairing-rate-limited', message: 'slow down' },
      /Too many tries with a wrong code/,
    ],
    [
      'a station code taken',
      { code: 'station-code-taken', message: 'JKT1 is taken' },
      /already uses the station code JKT1/,
    ],
    [
      'a protocol mismatch',
      { code: 'protocol-mismatch', message: 'server speaks 2' },
      /update the server or Fixline on this station, whichever is older\.$/,
    ],
    ['a full disk', { code: 'storage-full', message: 'disk full' }, /The server’s disk is full/],
    [
      'a server failure',
      { code: 'server-error', message: 'boom' },
      /^The server failed\. Try again/,
    ],
    [
      'another refusal',
      { code: 'invalid-request', message: 'stationCode: too long' },
      /The server refused to connect this station \(invalid-request\)/,
    ],
  ])('says what to do when connecting fails: %s', async (_case, problem, message) => {
    const sync = fakeSync(standalone, problem);
    await render(sync, <SyncPanel />);
    await connectWith(serverUrl, 'K7P-42Q');
    await expect.element(panel().getByRole('alert')).toHaveTextContent(message);
    await expect.element(panel().getByRole('button', { name: 'Connect' })).toBeVisible();
  });
});

describe('Settings → Sync, connected', () => {
  // Made when a test runs, so "3 minutes ago" does not age while earlier tests run.
  const connected = (): SyncStatus => ({
    phase: 'idle',
    serverUrl,
    lastSyncedAt: minutesAgo(3),
    pendingChanges: 2,
    rejectedChanges: [],
  });

  it('shows the server, online, when it last synced and what waits to be sent', async () => {
    await render(fakeSync(connected()), <SyncPanel />);
    await expect.element(panel().getByText('Online', { exact: true })).toBeVisible();
    await expect.element(panel().getByText('3 minutes ago')).toBeVisible();
    await expect.element(panel().getByText('Changes waiting to be sent')).toBeVisible();
    await expect.element(panel().getByText('2', { exact: true })).toBeVisible();
  });

  it('says offline, and that the station keeps working', async () => {
    await render(fakeSync({ ...connected(), phase: 'offline' }), <SyncPanel />);
    await expect.element(panel().getByText('Offline', { exact: true })).toBeVisible();
    await expect
      .element(panel().getByRole('status'))
      .toHaveTextContent(/The server cannot be reached\. This station keeps working/);
  });

  it('says syncing while it syncs', async () => {
    await render(fakeSync({ ...connected(), phase: 'syncing' }), <SyncPanel />);
    await expect.element(panel().getByText('Syncing…')).toBeVisible();
  });

  it.each<[string, SyncStatus['problem'], RegExp]>([
    [
      'an older server',
      { code: 'protocol-mismatch', message: 'protocol 0', update: 'server' },
      /older version of Fixline sync: update the server/,
    ],
    [
      'a newer server',
      { code: 'protocol-mismatch', message: 'protocol 2', update: 'station' },
      /newer version of Fixline sync: update Fixline on this station/,
    ],
    [
      'a revoked station',
      { code: 'device-revoked', message: 'revoked' },
      /The center revoked this station/,
    ],
    [
      'another problem',
      { code: 'server-error', message: 'boom' },
      /Sync stopped \(server-error\)\. “Sync now” tries again/,
    ],
  ])('says why sync stopped and what to do: %s', async (_case, problem, message) => {
    await render(fakeSync({ ...connected(), phase: 'stopped', problem }), <SyncPanel />);
    await expect.element(panel().getByText('Stopped', { exact: true })).toBeVisible();
    await expect.element(panel().getByRole('alert')).toHaveTextContent(message);
  });

  it('lists the changes the server refused, each with its reason', async () => {
    const container = await render(
      fakeSync({
        ...connected(),
        rejectedChanges: [
          {
            mutationId: '0190f5a2-7c3e-7a11-9b2d-000000000001',
            at: '2026-12-01T03:00:00.000Z',
            rejection: { code: 'transition-not-allowed', message: 'The claim was already closed.' },
          },
          {
            mutationId: '0190f5a2-7c3e-7a11-9b2d-000000000002',
            at: '2026-12-02T03:00:00.000Z',
            rejection: { code: 'quote-sent', message: 'A sent quote never changes.' },
          },
        ],
      }),
      <SyncPanel />,
    );
    await expect.element(panel().getByText('Changes the server refused')).toBeVisible();
    const items = panel().getByRole('listitem');
    await expect
      .element(items.nth(0))
      .toHaveTextContent(/the quote was already sent: make a new revision instead\..*quote-sent/);
    await expect
      .element(items.nth(1))
      .toHaveTextContent(
        /the claim had already moved on at another station.*transition-not-allowed/,
      );
    await expectNoSeriousAxeViolations(container);
  });

  /** A new station's first pull, a quarter of the way through. */
  const receivingAQuarter = (): SyncStatus => ({
    ...connected(),
    phase: 'syncing',
    lastSyncedAt: undefined,
    firstPull: { receivedRows: 1_000, totalRows: 4_000, startedAt: minutesAgo(1) },
  });

  it('shows the first pull’s progress with the time left', async () => {
    await render(fakeSync(receivingAQuarter()), <SyncPanel />);
    await expect
      .element(panel().getByRole('progressbar', { name: 'Receiving the center’s records' }))
      .toHaveAttribute('aria-valuenow', '25');
    await expect
      .element(panel().getByText(/1,000 of 4,000 records · About 3 minutes left/))
      .toBeVisible();
  });

  it('moves the first pull’s bars at once, without a width transition', async () => {
    // Each transition drew frames on the page's thread, which the pull and the bench's saves share.
    await render(
      fakeSync(receivingAQuarter()),
      <>
        <SyncPanel />
        <SyncIndicator />
      </>,
    );
    // Queried in the document: the header's bar is hidden in a window as narrow as the test's.
    const bars = () => document.querySelectorAll('[role="progressbar"]');
    await expect.poll(() => bars().length).toBe(2);
    for (const bar of bars()) expect(getComputedStyle(bar).transitionDuration).toBe('0s');
  });

  it('syncs now, and leaves the server after a confirmation', async () => {
    const sync = fakeSync(connected());
    await render(sync, <SyncPanel />);
    await userEvent.click(panel().getByRole('button', { name: 'Sync now' }));
    expect(sync.calls.syncNow).toBe(1);
    await userEvent.click(panel().getByRole('button', { name: 'Leave this server' }));
    const dialog = page.getByRole('dialog', { name: 'Leave this server?' });
    await expect
      .element(dialog.getByText(/2 changes have not reached the server yet/))
      .toBeVisible();
    await expectNoSeriousAxeViolations(await dialog.element());
    await userEvent.click(dialog.getByRole('button', { name: 'Leave the server' }));
    expect(sync.calls.leave).toBe(1);
    await expect.element(panel().getByRole('button', { name: 'Connect' })).toBeVisible();
  });
});

describe('the header’s sync indicator', () => {
  it('shows nothing while the station works alone', async () => {
    const container = await render(fakeSync(standalone), <SyncIndicator />);
    expect(container.querySelector('a, [role="progressbar"]')).toBeNull();
    expect(container.innerText.trim()).toBe('');
  });

  it.each<[string, () => SyncStatus, string]>([
    [
      'synced',
      () => ({
        phase: 'idle',
        serverUrl,
        lastSyncedAt: minutesAgo(3),
        pendingChanges: 0,
        rejectedChanges: [],
      }),
      `Synced: In sync with ${serverUrl}, last 3 minutes ago.`,
    ],
    [
      'offline',
      () => ({ phase: 'offline', serverUrl, pendingChanges: 4, rejectedChanges: [] }),
      `Offline: ${serverUrl} cannot be reached; 4 changes wait here. This station keeps working.`,
    ],
    [
      'stopped',
      () => ({
        phase: 'stopped',
        serverUrl,
        pendingChanges: 0,
        rejectedChanges: [],
        problem: { code: 'device-revoked', message: 'revoked' },
      }),
      'Sync stopped: Sync has stopped: open Settings → Sync to see why.',
    ],
    [
      'receiving',
      () => ({
        phase: 'syncing',
        serverUrl,
        pendingChanges: 0,
        rejectedChanges: [],
        firstPull: { receivedRows: 500, totalRows: 1_000, startedAt: minutesAgo(1) },
      }),
      'Receiving 50%: Receiving the center’s records: 500 so far.',
    ],
  ])('says %s, with the details, as a link to Settings', async (_case, status, name) => {
    await render(fakeSync(status()), <SyncIndicator />);
    const link = page.getByRole('link', { name });
    await expect.element(link).toBeVisible();
    await expect.element(link).toHaveAttribute('href', '/settings');
  });

  it('follows the status as it changes', async () => {
    const sync = fakeSync({ phase: 'idle', serverUrl, pendingChanges: 0, rejectedChanges: [] });
    await render(sync, <SyncIndicator />);
    await expect.element(page.getByText('Synced')).toBeVisible();
    await inAct(() =>
      sync.set({ phase: 'offline', serverUrl, pendingChanges: 1, rejectedChanges: [] }),
    );
    await expect.element(page.getByText('Offline')).toBeVisible();
  });
});
