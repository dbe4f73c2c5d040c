import { importInto } from 'dexie-export-import';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { formatRmaNumber } from '#shared/domain/claim';
import {
  sha256OfBlob,
  storeAttachment,
  thumbnailsSettled,
} from '../../renderer/src/db/attachments';
import { exportBackup, restoreBackup } from '../../renderer/src/db/backup';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { Repositories } from '../../renderer/src/db/repositories';
import {
  ensureSyncState,
  readSyncState,
  storePushOutcome,
} from '../../renderer/src/db/sync/syncState';
import { runRestore } from '../../renderer/src/db/writeGuard';
import { makeCustomer, makeDevice, makeQuote, makeQuoteLine } from '../factories/domain';
import {
  editLines,
  legacyBackupAt,
  snapshot,
  tamperWithBackup,
  withCenterRecordsByValue,
} from './backupFiles';
import {
  asTechnician,
  expectOk,
  makePng,
  openBrowserDatabase,
  patternBytes,
} from './browserDatabase';

const plain = { passphrase: null };

/** A station with a bit of everything: a claim with evidence, a quote, a deleted note, files. */
async function fillStation(db: FixlineDatabase, repositories: Repositories): Promise<void> {
  const { id: _customerId, ...customerDraft } = makeCustomer();
  const customer = expectOk(await repositories.customers.create(customerDraft, asTechnician));
  const { id: _deviceId, ...deviceDraft } = makeDevice({ customerId: customer.id });
  const device = expectOk(await repositories.devices.create(deviceDraft, asTechnician));
  const claim = expectOk(
    await repositories.claims.create(
      {
        policyPackId: 'kospet-warranty-refund',
        customerId: customer.id,
        deviceId: device.id,
        purchase: { channel: 'official-store', proof: 'valid', orderNumber: 'KS-1' },
        reason: 'defect',
        customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
      },
      asTechnician,
    ),
  );
  expectOk(await repositories.claims.transition(claim.id, 'awaiting-authorization', asTechnician));
  const photo = expectOk(
    await storeAttachment(
      db,
      new File([await makePng(800, 600)], 'front.png', { type: 'image/png' }),
    ),
  );
  expectOk(await storeAttachment(db, new Blob([patternBytes(300_000)], { type: 'video/mp4' })));
  // The photo's thumbnail is made in the background: the backup is to include it.
  await thumbnailsSettled();
  expect((await db.attachments.get(photo.attachment.sha256))?.thumbnail).toBeDefined();
  expectOk(
    await repositories.evidence.create(
      {
        claimId: claim.id,
        kind: 'product-photo',
        sha256: photo.attachment.sha256,
        sizeBytes: photo.attachment.sizeBytes,
        mediaType: 'image/png',
        fileName: 'front.png',
        capturedAt: '2026-05-04T02:16:00.000Z',
        capturedBy: asTechnician.actor,
      },
      asTechnician,
    ),
  );
  const { id: _quoteId, ...quoteDraft } = makeQuote({ claimId: claim.id });
  const quote = expectOk(await repositories.quotes.create(quoteDraft, asTechnician));
  const { id: _lineId, ...lineDraft } = makeQuoteLine({ quoteId: quote.id });
  expectOk(await repositories.quoteLines.create(lineDraft, asTechnician));
  const note = expectOk(
    await repositories.notes.create(
      {
        claimId: claim.id,
        body: 'Wrong claim.',
        author: asTechnician.actor,
        at: '2026-05-04T03:00:00.000Z',
      },
      asTechnician,
    ),
  );
  expectOk(await repositories.notes.remove(note.id, asTechnician));
}

/** A filled station and its plain backup. */
async function stationAndBackup() {
  const source = await openBrowserDatabase('JKT1');
  await fillStation(source.db, source.repositories);
  const { file } = await exportBackup(source.db, plain);
  return { source, file };
}

/** Adds `count` more claims like the station's first, the way a restore writes (one transaction). */
async function addClaims(db: FixlineDatabase, count: number): Promise<void> {
  const template = await db.claims.toCollection().first();
  if (template === undefined) throw new Error('the station has no claim to copy');
  const claims = Array.from({ length: count }, (_, index) => ({
    ...template,
    id: uuidv7(),
    rmaNumber: formatRmaNumber('JKT1', index + 2),
    purchase: { ...template.purchase, orderNumber: `KS-${index + 2}` },
  }));
  await runRestore(db, () => db.transaction('rw', db.tables, () => db.claims.bulkAdd(claims)));
}

describe('backup', () => {
  it('restores every table, attachment bytes and thumbnails included, exactly as exported', async () => {
    const { source, file } = await stationAndBackup();
    const target = await openBrowserDatabase(null);

    const restored = expectOk(await restoreBackup(target.db, file));

    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    // The photo, the video, and the photo's thumbnail as a file of its own (it syncs on its own).
    expect(restored).toMatchObject({ attachments: 3, legacy: false, rows: { claims: 1 } });
  });

  it('writes a ZIP with a manifest, a table per NDJSON entry and each attachment as an entry', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);

    const { file, manifest } = await exportBackup(source.db, plain);

    const names: string[] = [];
    await tamperWithBackup(file, (name, bytes) => (names.push(name), bytes), {
      fixChecksum: false,
    });
    const video = (await source.db.attachments.toArray()).find(
      (attachment) => attachment.mediaType === 'video/mp4',
    );
    expect(video).toBeDefined();
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'tables/claims.ndjson',
        'tables/settings.ndjson',
        `attachments/${video?.sha256 ?? ''}`,
      ]),
    );
    expect(manifest).toMatchObject({
      format: 'fixline-backup',
      schemaVersion: source.db.verno,
      stationCode: 'JKT1',
      tables: { claims: 1, customers: 1, notes: 1 },
    });
    expect(manifest.attachments).toContainEqual(
      expect.objectContaining({ sha256: video?.sha256, sizeBytes: 300_000 }),
    );
  });

  it('lets the restored station carry on where its backup left off', async () => {
    const { file } = await stationAndBackup();
    const target = await openBrowserDatabase(null);

    expectOk(await restoreBackup(target.db, file));
    await fillStation(target.db, target.repositories);

    const rmaNumbers = (await target.db.claims.orderBy('rmaNumber').toArray()).map(
      (claim) => claim.rmaNumber,
    );
    expect(rmaNumbers).toEqual(['RMA-JKT1-000001', 'RMA-JKT1-000002']);
  });

  it('makes the restored station a new sync client, enrolled nowhere, its outbox numbered from 1', async () => {
    const source = await openBrowserDatabase('JKT1');
    const { clientId } = await ensureSyncState(source.db);
    await fillStation(source.db, source.repositories);
    // The server acknowledged the first two changes before the backup was made.
    await storePushOutcome(source.db, {
      lastMutationId: 2,
      rejected: [],
      at: new Date().toISOString(),
    });
    const pending = await source.db.outbox.orderBy('sequence').toArray();
    const { file } = await exportBackup(source.db, plain);
    const target = await openBrowserDatabase(null);
    const before = await ensureSyncState(target.db);

    expectOk(await restoreBackup(target.db, file));

    const state = await readSyncState(target.db);
    expect(state?.clientId).not.toBe(clientId);
    expect(state?.clientId).not.toBe(before.clientId);
    expect(state?.enrollment).toBeUndefined();
    const restored = await target.db.outbox.orderBy('sequence').toArray();
    expect(restored.map((entry) => [entry.sequence, entry.mutationId])).toEqual(
      pending.map((entry, index) => [index + 1, entry.mutationId]),
    );
    expect((await target.db.sequences.get('outbox'))?.value).toBe(pending.length);
  });

  it('refuses a file cut in half and changes nothing, so the whole file still restores after', async () => {
    const { source, file } = await stationAndBackup();
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, file.slice(0, Math.floor(file.size / 2)));

    expect(result).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await target.db.settings.count()).toBe(0);
    expect(await target.db.customers.count()).toBe(0);
    expectOk(await restoreBackup(target.db, file));
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it('refuses a claim whose status is not one, naming the table, row and field', async () => {
    const { file } = await stationAndBackup();
    const bogus = await tamperWithBackup(
      file,
      editLines('tables/claims.ndjson', (claim) => ({ ...claim, status: 'bogus' })),
      { fixChecksum: true },
    );
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, bogus);

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', table: 'claims', row: 1, field: 'status' },
    });
    expect(await snapshot(target.db)).toEqual(await snapshot((await openBrowserDatabase(null)).db));
  });

  it('refuses a table with a row missing, by its count', async () => {
    const { file } = await stationAndBackup();
    const shortened = await tamperWithBackup(
      file,
      editLines('tables/auditEvents.ndjson', (event, index) => (index === 0 ? undefined : event)),
      { fixChecksum: true },
    );
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, shortened);

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'count-mismatch', table: 'auditEvents' },
    });
    expect(await target.db.customers.count()).toBe(0);
  });

  it('refuses records changed after the export, by their checksum', async () => {
    const { file } = await stationAndBackup();
    const edited = await tamperWithBackup(
      file,
      editLines('tables/customers.ndjson', (customer) => ({ ...customer, name: 'Someone Else' })),
      { fixChecksum: false },
    );
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, edited);

    expect(result).toMatchObject({ ok: false, error: { code: 'checksum-mismatch' } });
    expect(await target.db.customers.count()).toBe(0);
  });

  it('refuses an attachment whose bytes changed, by its SHA-256', async () => {
    const { file } = await stationAndBackup();
    const edited = await tamperWithBackup(
      file,
      (name, bytes) =>
        name.startsWith('attachments/') && bytes.length === 300_000
          ? bytes.map((byte, index) => (index === 0 ? byte ^ 1 : byte))
          : bytes,
      { fixChecksum: false },
    );
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, edited);

    expect(result).toMatchObject({ ok: false, error: { code: 'attachment-mismatch' } });
    expect(await target.db.attachmentBlobs.count()).toBe(0);
    expect(await target.db.claims.count()).toBe(0);
  });

  it('refuses an attachment whose bytes are not in the backup', async () => {
    const { file } = await stationAndBackup();
    const edited = await tamperWithBackup(
      file,
      (name, bytes) => {
        if (name.startsWith('attachments/')) return undefined;
        if (name !== 'manifest.json') return bytes;
        const manifest = JSON.parse(new TextDecoder().decode(bytes));
        return new TextEncoder().encode(JSON.stringify({ ...manifest, attachments: [] }));
      },
      { fixChecksum: false },
    );
    const target = await openBrowserDatabase(null);

    const result = await restoreBackup(target.db, edited);

    expect(result).toMatchObject({ ok: false, error: { code: 'attachment-mismatch' } });
    expect(await target.db.evidence.count()).toBe(0);
  });

  it('does not call a backup saved when it does not read back', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    // Bytes that no longer match their address, as a damaged disk would leave them.
    const [stored] = await source.db.attachmentBlobs.toArray();
    if (stored === undefined) throw new Error('no attachment stored');
    await runRestore(source.db, () =>
      source.db.transaction('rw', source.db.tables, () =>
        source.db.attachmentBlobs.put({ ...stored, blob: new Blob(['other bytes']) }),
      ),
    );

    await expect(exportBackup(source.db, plain)).rejects.toThrow(/not the ones exported/);
  });

  it('encrypts with a passphrase, asks for it, and refuses a wrong one changing nothing', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const { file } = await exportBackup(source.db, { passphrase: 'kopi susu 42' });
    const target = await openBrowserDatabase(null);

    expect(await restoreBackup(target.db, file)).toMatchObject({
      ok: false,
      error: { code: 'passphrase-needed' },
    });
    expect(await restoreBackup(target.db, file, { passphrase: 'kopi susu 43' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await target.db.settings.count()).toBe(0);
    expectOk(await restoreBackup(target.db, file, { passphrase: 'kopi susu 42' }));
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it('keeps customer data unreadable in an encrypted backup without the passphrase', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const name = (await source.db.customers.toArray())[0]?.name ?? '';
    const { file } = await exportBackup(source.db, { passphrase: 'kopi susu 42' });

    // Stored uncompressed, a readable entry would show the name in the file's bytes.
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    expect(name).not.toBe('');
    expect(text).not.toContain(name);
    await expect(
      tamperWithBackup(file, (_name, bytes) => bytes, { fixChecksum: false }),
    ).rejects.toThrow();
  });

  it.each([1, 2])(
    'restores a version %i backup of the old JSON format, running the upgrades since',
    async (version) => {
      const source = await openBrowserDatabase('JKT1');
      await fillStation(source.db, source.repositories);
      const legacy = await legacyBackupAt(version, source.db);
      const target = await openBrowserDatabase(null);

      const restored = expectOk(await restoreBackup(target.db, legacy));

      expect(restored).toMatchObject({ legacy: true, backupSchemaVersion: version });
      // Every row as the current version has it: search words and deadlines derived again, the
      // center's settings and people moved to records of their own.
      expect(withCenterRecordsByValue(await snapshot(target.db))).toEqual(
        withCenterRecordsByValue(await snapshot(source.db)),
      );
      expect((await target.db.outbox.orderBy('sequence').last())?.rows[0]?.table).toBe(
        'centerSettings',
      );
      const [customer] = await target.db.customers.toArray();
      expect(customer?.nameWords.length).toBeGreaterThan(0);
    },
  );

  it('restores a ZIP backup of an older schema through the upgrades since', async () => {
    const { source, file } = await stationAndBackup();
    // Schema version 2 kept the center's settings and people in the station's row, and its
    // claims had no queue deadline fields yet.
    const stationAsVersion2 = await source.repositories.station.get();
    const olderZip = await tamperWithBackup(
      file,
      (name, bytes) => {
        if (name === 'manifest.json') {
          const manifest = JSON.parse(new TextDecoder().decode(bytes));
          const { people: _people, centerSettings: _center, ...tables } = manifest.tables;
          return new TextEncoder().encode(
            JSON.stringify({ ...manifest, schemaVersion: 2, tables }),
          );
        }
        if (name === 'tables/people.ndjson' || name === 'tables/centerSettings.ndjson') {
          return undefined;
        }
        if (name === 'tables/settings.ndjson') {
          return editLines(name, (row) => (row.key === 'station' ? { ...stationAsVersion2 } : row))(
            name,
            bytes,
          );
        }
        return editLines('tables/claims.ndjson', (claim) => {
          const {
            nextDeadlineAt: _at,
            nextDeadlineDate: _date,
            nextDeadlineKind: _kind,
            ...v2
          } = claim;
          return v2;
        })(name, bytes);
      },
      { fixChecksum: true },
    );
    const target = await openBrowserDatabase(null);

    const restored = expectOk(await restoreBackup(target.db, olderZip));

    expect(restored).toMatchObject({ legacy: false, backupSchemaVersion: 2 });
    expect(withCenterRecordsByValue(await snapshot(target.db))).toEqual(
      withCenterRecordsByValue(await snapshot(source.db)),
    );
  });

  it('carries the people and the center’s settings, stamps and all', async () => {
    const { source } = await stationAndBackup();
    expectOk(
      await source.repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta' },
        holidays: ['2026-05-06'],
      }),
    );
    const rina = expectOk(
      await source.repositories.station.addPerson({
        name: 'Rina',
        roles: ['manager'],
        pin: '4826',
      }),
    );
    const { file: withPeople } = await exportBackup(source.db, plain);
    const target = await openBrowserDatabase(null);

    const restored = expectOk(await restoreBackup(target.db, withPeople));

    expect(restored.rows).toMatchObject({ people: 1, centerSettings: 1 });
    expect(await target.db.people.toArray()).toEqual(await source.db.people.toArray());
    expect(await target.db.centerSettings.toArray()).toEqual(
      await source.db.centerSettings.toArray(),
    );
    expect((await target.repositories.station.get())?.technicians?.[0]?.id).toBe(rina.id);
  });

  it('refuses to restore over a station that already holds data, leaving it as it was', async () => {
    const { file } = await stationAndBackup();
    const target = await openBrowserDatabase('SBY2');
    await fillStation(target.db, target.repositories);
    const before = await snapshot(target.db);

    const result = await restoreBackup(target.db, file);

    expect(result).toMatchObject({ ok: false, error: { code: 'database-not-empty' } });
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses an import that goes around restoreBackup', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const legacy = await legacyBackupAt(2, source.db);
    const target = await openBrowserDatabase(null);

    await expect(
      importInto(target.db, legacy, { acceptNameDiff: true, acceptVersionDiff: true }),
    ).rejects.toThrow(/refused/);
    expect(await target.db.customers.count()).toBe(0);
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const target = await openBrowserDatabase(null);

    for (const notABackup of [
      new Blob(['{"hello": "world"}'], { type: 'application/json' }),
      new Blob(['plain text']),
    ]) {
      expect(await restoreBackup(target.db, notABackup)).toMatchObject({
        ok: false,
        error: { code: 'not-a-backup' },
      });
    }
    expect(await target.db.settings.count()).toBe(0);
  });

  it('round-trips a station of 10,000 claims and a 50 MB video, and says how long it took', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    await addClaims(source.db, 9_999);
    const video = expectOk(
      await storeAttachment(
        source.db,
        new Blob([patternBytes(50 * 1024 * 1024)], { type: 'video/mp4' }),
      ),
    );
    const target = await openBrowserDatabase(null);

    const exportStarted = performance.now();
    const { file } = await exportBackup(source.db, { passphrase: 'kopi susu 42' });
    const exportMs = performance.now() - exportStarted;
    const restoreStarted = performance.now();
    const restored = expectOk(await restoreBackup(target.db, file, { passphrase: 'kopi susu 42' }));
    const restoreMs = performance.now() - restoreStarted;

    expect(restored.rows['claims']).toBe(10_000);
    expect(await target.db.claims.count()).toBe(10_000);
    const restoredVideo = await target.db.attachmentBlobs.get(video.attachment.sha256);
    expect(restoredVideo?.blob.size).toBe(50 * 1024 * 1024);
    expect(await sha256OfBlob(restoredVideo?.blob ?? new Blob())).toBe(video.attachment.sha256);
    console.info(
      `backup of 10,000 claims and a 50 MB video: export (with read-back check) ${Math.round(exportMs)} ms, restore ${Math.round(restoreMs)} ms, file ${Math.round(file.size / 1024 / 1024)} MB`,
    );
  }, 600_000);
});
