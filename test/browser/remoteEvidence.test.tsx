import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { StoredEvidence } from '../../renderer/src/core';
import { createStationCore } from '../../renderer/src/core';
import type { AttachmentTransfer, StationSync } from '../../renderer/src/core/sync/syncApi';
import { EvidenceGallery } from '../../renderer/src/claim/EvidenceGallery';
import { sha256OfBlob, thumbnailsSettled } from '../../renderer/src/db/attachments';
import { makeEvidence } from '../factories/domain';
import { expectOk, makePng, openBrowserDatabase } from './browserDatabase';
import { inAct, renderInStation } from './stationScreen';

/**
 * Evidence whose record came from another station before its bytes, in Chromium: the gallery and
 * the viewer say where it comes from and how far its download is, never show a broken image, ask
 * for a file that waits to be opened, and show the photo once its bytes are stored.
 */

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
    const { sync, set, fetched } = fakeSync();
    const core = { ...createStationCore(db), sync };
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

    const container = await renderInStation(
      core,
      <EvidenceGallery
        items={[{ evidence, attachment: undefined }]}
        onAdd={() => undefined}
        technicianName={() => 'Rina'}
      />,
    );

    const gallery = page.getByRole('region', { name: 'Evidence' });
    await expect
      .poll(() => container.textContent, { timeout: 5000 })
      .toContain('Photo from JKT1, downloading… 40%');
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 40%')).toBeVisible();
    expect(container.querySelectorAll('img')).toHaveLength(0);
    await inAct(async () => {
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
    await inAct(async () => {
      await i18next.changeLanguage('id');
    });
    await expect
      .element(page.getByText('Foto dari JKT1, sedang diunduh… 75%').first())
      .toBeVisible();
    await inAct(async () => {
      await i18next.changeLanguage('en');
    });

    // Opened, it says the same, asks for the file, and shows the photo once its bytes are stored.
    await userEvent.click(gallery.getByText('Photo from JKT1, downloading… 75%'));
    const viewer = page.getByRole('dialog');
    await expect.element(viewer.getByText('Photo from JKT1, downloading… 75%')).toBeVisible();
    // The viewer asks for the file in an effect, which may run after its text is drawn.
    await expect.poll(() => fetched).toEqual([sha256]);
    await inAct(async () => {
      expectOk(await core.attachments.store(png, { mediaType: 'image/png' }));
    });
    await expect.element(viewer.getByRole('img', { name: 'front.png' })).toBeVisible();
    await thumbnailsSettled();
  });
});
