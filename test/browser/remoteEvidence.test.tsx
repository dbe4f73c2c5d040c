import '@mantine/core/styles.css';
import '../../renderer/src/i18n/setup';
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { StoredEvidence } from '../../renderer/src/core';
import { createStationCore } from '../../renderer/src/core';
import { StationCoreProvider } from '../../renderer/src/core/StationCoreProvider';
import type { AttachmentTransfer, StationSync } from '../../renderer/src/core/sync/syncApi';
import { EvidenceGallery } from '../../renderer/src/claim/EvidenceGallery';
import { sha256OfBlob, thumbnailsSettled } from '../../renderer/src/db/attachments';
import { StationContext } from '../../renderer/src/station/StationContext';
import { cssVariablesResolver, theme } from '../../renderer/src/theme';
import { makeEvidence } from '../factories/domain';
import { expectOk, makePng, openBrowserDatabase } from './browserDatabase';

/**
 * Evidence whose record came from another station before its bytes, in Chromium: the gallery and
 * the viewer say where it comes from and how far its download is, never show a broken image, ask
 * for a file that waits to be opened, and show the photo once its bytes are stored.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
});

let mounted: { root: Root; container: HTMLElement } | undefined;
afterEach(async () => {
  if (mounted === undefined) return;
  const { root, container } = mounted;
  await act(async () => root.unmount());
  container.remove();
  mounted = undefined;
  await i18next.changeLanguage('en');
});

/** A StationSync whose transfers the test sets, recording the files screens ask for. */
function fakeSync() {
  let transfers = new Map<string, AttachmentTransfer>();
  const listeners = new Set<() => void>();
  const fetched: string[] = [];
  const sync: StationSync = {
    status: () => ({ phase: 'idle', pendingChanges: 0, rejectedChanges: [] }),
    subscribe: () => () => undefined,
    connect: () => Promise.resolve({ ok: true }),
    syncNow: () => Promise.resolve(),
    leave: () => Promise.resolve(),
    attachmentTransfers: () => transfers,
    subscribeTransfers: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    fetchAttachment: (sha256) => void fetched.push(sha256),
  };
  const set = (transfer: AttachmentTransfer) => {
    transfers = new Map(transfers).set(transfer.sha256, transfer);
    for (const listener of listeners) listener();
  };
  return { sync, set, fetched };
}

describe('evidence whose bytes are not on this station yet', () => {
  it('says whose photo it is and how far it has come, and shows it once it arrives', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const core = { ...createStationCore(db), sync: undefined as unknown as StationSync };
    const { sync, set, fetched } = fakeSync();
    Object.assign(core, { sync });
    const station = await core.queries.station();
    if (station === undefined) throw new Error('the test station is not set up');
    const png = await makePng(64, 48);
    const sha256 = await sha256OfBlob(png);
    const evidence: StoredEvidence = {
      ...makeEvidence({
        sha256,
        sizeBytes: png.size,
        mediaType: 'image/png',
        fileName: 'front.png',
      }),
      stamps: {},
      updatedBy: '00000000-0000-7000-8000-0000000000aa',
      station: 'JKT1',
    };
    set({
      sha256,
      direction: 'download',
      state: 'moving',
      doneBytes: Math.ceil(png.size * 0.4),
      totalBytes: png.size,
      fromStation: 'JKT1',
    });

    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    mounted = { root, container };
    await act(async () =>
      root.render(
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <MemoryRouter>
            <StationCoreProvider core={core}>
              <StationContext.Provider value={{ station, benchPerson: undefined, locked: false }}>
                <EvidenceGallery
                  items={[{ evidence, attachment: undefined }]}
                  onAdd={() => undefined}
                  technicianName={() => 'Rina'}
                />
              </StationContext.Provider>
            </StationCoreProvider>
          </MemoryRouter>
        </MantineProvider>,
      ),
    );

    const gallery = page.getByRole('region', { name: 'Evidence' });
    await expect
      .poll(() => container.textContent, { timeout: 5000 })
      .toContain('Photo from JKT1, downloading… 40%');
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 40%')).toBeVisible();
    expect(container.querySelectorAll('img')).toHaveLength(0);
    await act(async () => {
      set({
        sha256,
        direction: 'download',
        state: 'moving',
        doneBytes: Math.ceil(png.size * 0.75),
        totalBytes: png.size,
        fromStation: 'JKT1',
      });
    });
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 75%')).toBeVisible();
    await act(async () => i18next.changeLanguage('id'));
    await expect
      .element(page.getByText('Foto dari JKT1, sedang diunduh… 75%').first())
      .toBeVisible();
    await act(async () => i18next.changeLanguage('en'));

    // Opened, it says the same, asks for the file, and shows the photo once its bytes are stored.
    await userEvent.click(gallery.getByText('Photo from JKT1, downloading… 75%'));
    const viewer = page.getByRole('dialog');
    await expect.element(viewer.getByText('Photo from JKT1, downloading… 75%')).toBeVisible();
    expect(fetched).toEqual([sha256]);
    await act(async () => {
      expectOk(await core.attachments.store(png, { mediaType: 'image/png' }));
    });
    await expect.element(viewer.getByRole('img', { name: 'front.png' })).toBeVisible();
    await thumbnailsSettled();
  });
});
