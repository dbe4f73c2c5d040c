import './browserGlobals';
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { claimTransitionErrorCodes } from '#shared/domain/claimWorkflow';
import type { RecordId, StationCode } from '#shared/domain/primitives';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { compareHlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import type { Mutation, PullCursor, SyncRow } from '#shared/sync/protocol';
import { buildSyncServer } from '../../../server/src/app';
import { createPairingCode, readSpace, revokeDevice } from '../../../server/src/identity';
import type { Database } from '../../../server/src/storage/database';
import { toNumber } from '../../../server/src/storage/database';
import { rowsAfter } from '../../../server/src/storage/syncRows';
import { serverNode } from '../../../server/src/sync/spaceWriter';
import { readAttachment, storeAttachment } from '../../../renderer/src/db/attachments';
import { exportBackup, restoreBackup } from '../../../renderer/src/db/backup';
import { FixlineDatabase } from '../../../renderer/src/db/database';
import type {
  Repositories,
  RepositoryErrorCode,
  RepositoryResult,
  WriteContext,
} from '../../../renderer/src/db/repositories';
import { createRepositories } from '../../../renderer/src/db/repositories';
import { syncedTableNames } from '../../../renderer/src/db/records';
import type { SyncEngine } from '../../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../../renderer/src/core/sync/syncEngine';
import { makeClaimDraft, technicianId } from '../../factories/domain';
import { cheapPinHashCost } from '../../db/testDatabase';
import { resetDatabase } from '../../server/serverHarness';
import type { NetworkFault, StationLink } from './faultyNetwork';
import { FaultyNetwork } from './faultyNetwork';

/**
 * The world a model-based convergence test drives: the real sync server (on one PGlite database
 * the test file keeps) and several stations with their real repositories and sync engines (on
 * fake-indexeddb), joined by a {@link FaultyNetwork}. It records what the stations wrote and what
 * reached the server, so that once the network heals it can check that every station holds what
 * the server holds, that the server holds what last-writer-wins makes of what it accepted, and
 * that no write was lost without a record.
 */

const serverUrl = 'http://sync.test';

/** The technicians who make the stations' writes. */
export const technicians: readonly RecordId[] = [
  technicianId,
  '0196a1b2-c3d4-7000-8000-0000000000b2',
  '0196a1b2-c3d4-7000-8000-0000000000b3',
];

/** Statuses a claim may be moved to (the workflow refuses many of them from where it is). */
export const targetStatuses: readonly ClaimStatus[] = [
  'awaiting-authorization',
  'intake',
  'authorized',
  'received',
  'refused',
  'cancelled',
  'closed',
];

/** Why the workflow may refuse a status change the model asks for at random. */
const workflowRefusals: ReadonlySet<RepositoryErrorCode> = new Set(claimTransitionErrorCodes);

/** Timers that never fire: a retry waits for the next sync the model asks for. */
const modelTimers = { set: () => 0, clear: () => undefined };

type ModelStation = {
  readonly code: StationCode;
  readonly link: StationLink;
  dbName: string;
  db: FixlineDatabase;
  repositories: Repositories;
  engine: SyncEngine;
  /** How far this station's clock is off, in milliseconds (read by its repositories and engine). */
  readonly clock: { skewMs: number };
  /** Bumped by each restore: the station's records of rejections start again from the backup. */
  generation: number;
  /** The last backup: the file, and the outbox's mutations it holds. */
  backup?: { readonly file: Blob; readonly outbox: ReadonlySet<string> };
  /** The furthest cursor and acknowledged mutation id seen for the station's current client. */
  watermark?: {
    readonly clientId: string;
    readonly cursor: PullCursor | null;
    readonly acknowledged: number;
  };
};

/** Orders pull cursors as the server reads them: from the start first, then (version, table, id). */
function compareCursors(a: PullCursor | null, b: PullCursor | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a.version !== b.version) return a.version - b.version;
  if (a.table !== b.table) return a.table < b.table ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

let databaseCounter = 0;

/** The attachment queue's chunks in the model: a photo is a few of them. */
const photoChunkBytes = 1_024;

/** Bytes of a photo, different for each `seed` and the same every run (xorshift32). */
function photoBytes(seed: number): Uint8Array<ArrayBuffer> {
  let state = (seed * 2_654_435_761 + 1) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const bytes = new Uint8Array(1_000 + (next() % 3_000));
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = next() & 0xff;
  return bytes;
}

export class ConvergenceWorld {
  readonly stations: ModelStation[] = [];
  readonly network: FaultyNetwork;
  /** Every mutation a station wrote: the station and its generation then. */
  readonly written = new Map<string, { readonly code: StationCode; readonly generation: number }>();
  /** Mutations a restore threw away before they reached the server (they may never arrive). */
  readonly discarded = new Set<string>();
  /** The bytes of every photo a station attached, by SHA-256. */
  readonly photos = new Map<string, Uint8Array<ArrayBuffer>>();
  /** Photos a restore took from the only station that held them, before the server had them. */
  readonly photosLost = new Set<string>();
  #app: FastifyInstance;

  private constructor(
    readonly database: Database,
    /** The server's folder of attachments' bytes. */
    readonly blobRoot: string,
    app: FastifyInstance,
  ) {
    this.#app = app;
    this.network = new FaultyNetwork(() => this.#app);
  }

  /**
   * A new center on `database` (emptied first) with `stationCount` stations enrolled, each with a
   * claim of its own, all synced: every station starts with claims the others may edit too.
   */
  static async open(database: Database, stationCount: number): Promise<ConvergenceWorld> {
    await resetDatabase(database);
    const blobRoot = await mkdtemp(join(tmpdir(), 'fixline-model-blobs-'));
    const world = new ConvergenceWorld(
      database,
      blobRoot,
      await ConvergenceWorld.#buildServer(database, blobRoot),
    );
    for (let index = 0; index < stationCount; index += 1) {
      await world.#addStation(`ST${index + 1}` as StationCode);
    }
    for (const [index, station] of world.stations.entries()) {
      await world.takeInClaim(index, index);
      await world.syncNow(station);
    }
    for (const station of world.stations) await world.syncNow(station);
    return world;
  }

  static #buildServer(database: Database, blobRoot: string): Promise<FastifyInstance> {
    return buildSyncServer({
      database,
      blobRoot,
      logger: false,
      pairingAttemptsPerMinute: 100_000,
    });
  }

  async #addStation(code: StationCode): Promise<void> {
    const link = this.network.link();
    const clock = { skewMs: 0 };
    const opened = await this.#openDatabase(`fixline-model-${(databaseCounter += 1)}`, clock);
    const setUp = await opened.repositories.station.setUp({
      stationCode: code,
      center: { name: 'Fixline Service Center Jakarta' },
    });
    if (!setUp.ok) throw new Error(setUp.error.message);
    const station: ModelStation = {
      code,
      link,
      ...opened,
      engine: this.#engine(opened.db, link, clock),
      clock,
      generation: 0,
    };
    this.stations.push(station);
    await this.#enroll(station);
  }

  async #openDatabase(
    dbName: string,
    clock: { readonly skewMs: number },
  ): Promise<{ dbName: string; db: FixlineDatabase; repositories: Repositories }> {
    const db = new FixlineDatabase(dbName);
    await db.open();
    const repositories = createRepositories(db, {
      now: () => Date.now() + clock.skewMs,
      pinHashCost: cheapPinHashCost,
    });
    return { dbName, db, repositories };
  }

  #engine(db: FixlineDatabase, link: StationLink, clock: { readonly skewMs: number }): SyncEngine {
    return createSyncEngine(db, {
      transport: link.transport,
      network: link.watch,
      locks: null,
      timers: modelTimers,
      random: () => 0,
      now: () => Date.now() + clock.skewMs,
      // Small chunks, so a photo moves in several requests a fault may hit; one file at a time,
      // so which request a fault hits does not depend on timing.
      attachments: { chunkBytes: photoChunkBytes, concurrency: 1 },
      // Pages applied three rows a transaction, so the model's pulls cross slices' edges.
      applySlices: { firstRows: 3, minRows: 3, maxRows: 3 },
    });
  }

  async #enroll(station: ModelStation): Promise<void> {
    const { code } = await createPairingCode(this.database);
    const connected = await station.engine.connect({ serverUrl, pairingCode: code });
    if (!connected.ok) throw new Error(`enroll ${station.code}: ${JSON.stringify(connected)}`);
    await this.network.settled();
  }

  station(index: number): ModelStation {
    const station = this.stations[index % this.stations.length];
    if (station === undefined) throw new Error('no stations');
    return station;
  }

  // --- What a technician does at a station --------------------------------------------------

  /**
   * Runs a repository write and notes the outbox entries it made. Only the workflow and the
   * rules may refuse a write (`refusable`): a clash of unique values or any other refusal of a
   * write that should pass means sync left the station in a state it cannot write in.
   */
  async #write(
    station: ModelStation,
    write: (repositories: Repositories) => Promise<RepositoryResult<unknown>>,
    refusable: (code: RepositoryErrorCode) => boolean = () => false,
  ): Promise<void> {
    const before = new Set((await station.db.outbox.toArray()).map((entry) => entry.mutationId));
    const result = await write(station.repositories);
    if (!result.ok && !refusable(result.error.code)) {
      throw new Error(`${station.code} refused a write: ${result.error.message}`);
    }
    for (const entry of await station.db.outbox.toArray()) {
      if (!before.has(entry.mutationId)) {
        this.written.set(entry.mutationId, { code: station.code, generation: station.generation });
      }
    }
  }

  /** A live claim of the station, picked by `pick`; undefined when it has none. */
  async #claim(station: ModelStation, pick: number): Promise<RecordId | undefined> {
    const ids = (await station.db.claims.toArray())
      .filter((claim) => claim.deletedAt === undefined)
      .map((claim) => claim.id)
      .sort();
    return ids[pick % Math.max(1, ids.length)];
  }

  /** A claim taken in at the station; `withPhoto`, with a photo of the product attached. */
  async takeInClaim(index: number, actor: number, withPhoto = false): Promise<void> {
    const station = this.station(index);
    const context = this.#as(actor);
    let customerId: RecordId | undefined;
    let deviceId: RecordId | undefined;
    await this.#write(station, async (repositories) => {
      const customer = await repositories.customers.create(
        { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', preferredLanguage: 'id' },
        context,
      );
      if (customer.ok) customerId = customer.value.id;
      return customer;
    });
    if (customerId === undefined) return;
    const owner = customerId;
    await this.#write(station, async (repositories) => {
      const device = await repositories.devices.create(
        { customerId: owner, model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-1' },
        context,
      );
      if (device.ok) deviceId = device.value.id;
      return device;
    });
    if (deviceId === undefined) return;
    const draft = makeClaimDraft({ customerId: owner, deviceId });
    let claimId: RecordId | undefined;
    await this.#write(station, async (repositories) => {
      const claim = await repositories.claims.create(draft, context);
      if (claim.ok) claimId = claim.value.id;
      return claim;
    });
    if (withPhoto && claimId !== undefined) await this.#attachPhoto(station, claimId, context);
  }

  async #attachPhoto(station: ModelStation, claimId: RecordId, context: WriteContext) {
    const bytes = photoBytes(this.photos.size);
    const stored = await storeAttachment(station.db, new Blob([bytes], { type: 'image/jpeg' }));
    if (!stored.ok)
      throw new Error(`${station.code} could not store a photo: ${stored.error.message}`);
    const { sha256, sizeBytes } = stored.value.attachment;
    this.photos.set(sha256, bytes);
    await this.#write(station, (repositories) =>
      repositories.evidence.create(
        {
          claimId,
          kind: 'product-photo',
          mediaType: 'image/jpeg',
          fileName: 'front.jpg',
          sha256,
          sizeBytes,
          capturedAt: new Date(Date.now() + station.clock.skewMs).toISOString(),
          capturedBy: context.actor,
        },
        context,
      ),
    );
  }

  async assign(index: number, claimPick: number, assignee: number | null, actor: number) {
    const station = this.station(index);
    const claimId = await this.#claim(station, claimPick);
    if (claimId === undefined) return;
    const assigneeId = assignee === null ? undefined : technicians[assignee % technicians.length];
    await this.#write(station, (repositories) =>
      repositories.claims.update(claimId, { assigneeId }, this.#as(actor)),
    );
  }

  async transition(index: number, claimPick: number, to: ClaimStatus, actor: number) {
    const station = this.station(index);
    const claimId = await this.#claim(station, claimPick);
    if (claimId === undefined) return;
    await this.#write(
      station,
      (repositories) => repositories.claims.transition(claimId, to, this.#as(actor)),
      (code) => workflowRefusals.has(code),
    );
  }

  async addNote(index: number, claimPick: number, body: string, actor: number) {
    const station = this.station(index);
    const claimId = await this.#claim(station, claimPick);
    if (claimId === undefined) return;
    const context = this.#as(actor);
    await this.#write(station, (repositories) =>
      repositories.notes.create(
        {
          claimId,
          body,
          author: context.actor,
          at: new Date(Date.now() + station.clock.skewMs).toISOString(),
        },
        context,
      ),
    );
  }

  async deleteNote(index: number, notePick: number, actor: number) {
    const station = this.station(index);
    const notes = (await station.db.notes.toArray())
      .filter((note) => note.deletedAt === undefined)
      .map((note) => note.id)
      .sort();
    const noteId = notes[notePick % Math.max(1, notes.length)];
    if (noteId === undefined) return;
    await this.#write(
      station,
      (repositories) => repositories.notes.remove(noteId, this.#as(actor)),
      (code) => code === 'not-author',
    );
  }

  #as(actor: number): WriteContext {
    return { actor: technicians[actor % technicians.length] ?? technicianId };
  }

  // --- Sync and faults --------------------------------------------------------------------

  /** The station syncs now (Sync now), through whatever faults are queued for it. */
  async syncNow(station: ModelStation): Promise<void> {
    this.network.open = true;
    try {
      await station.engine.syncNow();
      // The bytes follow the records, in the same window of network.
      await station.engine.attachmentsSettled();
      await this.network.settled();
    } finally {
      this.network.open = false;
    }
  }

  queueFault(index: number, fault: NetworkFault): void {
    this.station(index).link.faults.push(fault);
  }

  /** A fault for the station's next request of attachments' bytes. */
  queueBlobFault(index: number, fault: NetworkFault): void {
    this.station(index).link.blobFaults.push(fault);
  }

  setOnline(index: number, online: boolean): void {
    this.station(index).link.setOnline(online);
  }

  skewClock(index: number, skewMs: number): void {
    this.station(index).clock.skewMs = skewMs;
  }

  /** The server process stops and a new one starts on the same database. */
  async restartServer(): Promise<void> {
    await this.network.settled();
    await this.#app.close();
    this.#app = await ConvergenceWorld.#buildServer(this.database, this.blobRoot);
  }

  /** The station's app dies (after a write, before its push, say) and starts again. */
  async crash(index: number): Promise<void> {
    const station = this.station(index);
    station.engine.stop();
    await station.engine.attachmentsSettled();
    await this.network.settled();
    station.db.close();
    const reopened = await this.#openDatabase(station.dbName, station.clock);
    station.db = reopened.db;
    station.repositories = reopened.repositories;
    station.engine = this.#engine(reopened.db, station.link, station.clock);
    await station.engine.start();
    await this.network.settled();
  }

  /** Someone exports a backup of the station (Settings → Backup). */
  async backUp(index: number): Promise<void> {
    const station = this.station(index);
    const { file } = await exportBackup(station.db, { passphrase: null });
    const outbox = new Set((await station.db.outbox.toArray()).map((entry) => entry.mutationId));
    station.backup = { file, outbox };
  }

  /**
   * The station's machine is replaced: the old device is revoked on the server (as its admin
   * would), its last backup restored into a new database, and the station paired again and
   * synced. Changes made after the backup and not pushed are lost, as they would be.
   */
  async restore(index: number): Promise<void> {
    const station = this.station(index);
    const backup = station.backup;
    if (backup === undefined) return;
    const enrollment = (await station.db.syncState.get('state'))?.enrollment;
    station.engine.stop();
    await station.engine.attachmentsSettled();
    await this.network.settled();
    if (enrollment !== undefined) await revokeDevice(this.database, enrollment.deviceId);
    for (const entry of await station.db.outbox.toArray()) {
      if (!backup.outbox.has(entry.mutationId)) this.discarded.add(entry.mutationId);
    }
    const photosHere = await station.db.attachments.toCollection().primaryKeys();
    station.db.close();
    await Dexie.delete(station.dbName);
    const opened = await this.#openDatabase(
      `fixline-model-${(databaseCounter += 1)}`,
      station.clock,
    );
    const restored = await restoreBackup(opened.db, backup.file);
    if (!restored.ok) throw new Error(`restore ${station.code}: ${restored.error.message}`);
    const photosRestored = new Set<string>(
      await opened.db.attachments.toCollection().primaryKeys(),
    );
    for (const sha256 of photosHere) {
      if (photosRestored.has(sha256) || (await this.#serverBlob(sha256)) !== undefined) continue;
      const elsewhere = await Promise.all(
        this.stations
          .filter((other) => other !== station)
          .map(async (other) => (await other.db.attachments.get(sha256)) !== undefined),
      );
      if (!elsewhere.includes(true)) this.photosLost.add(sha256);
    }
    Object.assign(station, opened);
    station.generation += 1;
    station.watermark = undefined;
    station.engine = this.#engine(opened.db, station.link, station.clock);
    // Paired again, the station syncs at once, as the app does (a drop here is another case).
    const { online, faults, blobFaults } = station.link;
    const queued = faults.splice(0);
    const queuedForBlobs = blobFaults.splice(0);
    station.link.setOnline(true);
    await this.#enroll(station);
    await this.syncNow(station);
    faults.push(...queued);
    blobFaults.push(...queuedForBlobs);
    station.link.setOnline(online);
  }

  // --- Checks ---------------------------------------------------------------------------------

  /** A station's cursor and acknowledged mutation id never go back (for one client). */
  async checkWatermarks(): Promise<void> {
    for (const station of this.stations) {
      const state = await station.db.syncState.get('state');
      const enrollment = state?.enrollment;
      if (state === undefined || enrollment === undefined) continue;
      const seen = station.watermark;
      if (seen !== undefined && seen.clientId === state.clientId) {
        expect(
          compareCursors(enrollment.cursor, seen.cursor),
          `${station.code}'s cursor went back`,
        ).toBeGreaterThanOrEqual(0);
        expect(
          enrollment.acknowledgedMutationId,
          `${station.code}'s acknowledged mutation id went back`,
        ).toBeGreaterThanOrEqual(seen.acknowledged);
      }
      station.watermark = {
        clientId: state.clientId,
        cursor: enrollment.cursor,
        acknowledged: enrollment.acknowledgedMutationId,
      };
    }
  }

  /** The network heals: everyone online, no faults, held requests delivered; then sync rounds. */
  async heal(rounds = 3): Promise<void> {
    this.network.autoSync = false;
    for (const station of this.stations) {
      station.link.faults.length = 0;
      station.link.blobFaults.length = 0;
      station.link.setOnline(true);
    }
    while (this.network.held.length > 0) await this.network.deliverHeld(0);
    for (let round = 0; round < rounds; round += 1) {
      for (const station of this.stations) {
        await this.syncNow(station);
        await this.checkWatermarks();
      }
    }
  }

  /** The server's rows, by `table/id`. */
  async serverRows(): Promise<Map<string, SyncRow>> {
    const space = await readSpace(this.database);
    const rows = await rowsAfter(this.database, space.id, null, space.version, 1_000_000);
    return new Map(rows.map((row) => [`${row.table}/${row.id}`, row]));
  }

  /** Every station's outbox is empty and its engine idle, without a problem. */
  async checkDrained(): Promise<void> {
    for (const station of this.stations) {
      expect(await station.db.outbox.count(), `${station.code}'s outbox`).toBe(0);
      const status = station.engine.status();
      expect({ code: station.code, phase: status.phase, problem: status.problem }).toEqual({
        code: station.code,
        phase: 'idle',
        problem: undefined,
      });
    }
  }

  /** Every station holds exactly the server's rows, field by field with their stamps. */
  async checkStationsEqualServer(server: Map<string, SyncRow>): Promise<void> {
    const expected = new Map([...server].map(([key, row]) => [key, comparable(row)]));
    for (const station of this.stations) {
      const local = new Map(
        [...(await localRows(station.db))].map(([key, row]) => [
          key,
          withoutShadowedFields(row, expected.get(key)),
        ]),
      );
      expect(local, `${station.code} against the server`).toEqual(expected);
    }
  }

  /**
   * The server against a reference of what it accepted: every mutation it applied (pushed, at or
   * below its client's last mutation id, not rejected) left its rows; each field holds the value
   * of the accepted change with the highest stamp, unless the server restamped it later (after a
   * rejection), in which case no accepted change is stamped after it.
   */
  async checkServerAgainstReference(server: Map<string, SyncRow>): Promise<void> {
    const { applied } = await this.#serverOutcomes();
    type FieldChange = { readonly stamp: Hlc; readonly value: unknown; readonly has: boolean };
    const byField = new Map<string, FieldChange[]>();
    for (const mutation of applied.values()) {
      for (const change of mutation.changes) {
        const key = `${change.table}/${change.id}`;
        expect(server.has(key), `${key}, written by ${mutation.mutationId}, on the server`).toBe(
          true,
        );
        const fields: [string, FieldChange][] = [
          ...Object.entries(change.set).map(([field, value]): [string, FieldChange] => [
            field,
            { stamp: change.stamp, value, has: true },
          ]),
          ...change.unset.map((field): [string, FieldChange] => [
            field,
            { stamp: change.stamp, value: undefined, has: false },
          ]),
        ];
        for (const [field, fieldChange] of fields) {
          const list = byField.get(`${key}/${field}`) ?? [];
          list.push(fieldChange);
          byField.set(`${key}/${field}`, list);
        }
      }
    }
    for (const [key, row] of server) {
      if (row.table === 'conflicts') continue;
      for (const [field, stamp] of Object.entries(row.stamps)) {
        const changes = byField.get(`${key}/${field}`) ?? [];
        const later = changes.filter((change) => compareHlc(change.stamp, stamp) > 0);
        expect(later, `accepted changes of ${key}.${field} after the server's stamp`).toEqual([]);
        if (stamp.endsWith(serverNode)) continue;
        const winner = changes.find((change) => change.stamp === stamp);
        expect(winner, `the accepted change stamped ${stamp} of ${key}.${field}`).toBeDefined();
        expect(
          { field, has: Object.hasOwn(row.values, field), value: row.values[field] },
          `${key}.${field}`,
        ).toEqual({ field, has: winner?.has, value: winner?.value });
      }
    }
  }

  /**
   * Nothing written was lost: every mutation a station wrote was applied by the server or
   * rejected with a record (on the server, and at the station unless a restore went back past
   * it), or was thrown away by a restore before it reached the server.
   */
  async checkNothingLost(): Promise<void> {
    const { applied, rejected } = await this.#serverOutcomes();
    const appliedIds = new Set([...applied.values()].map((mutation) => mutation.mutationId));
    const localRejections = new Map<StationCode, Set<string>>();
    for (const station of this.stations) {
      const rows = await station.db.syncRejections.toArray();
      localRejections.set(station.code, new Set(rows.map((row) => row.mutationId)));
    }
    for (const [mutationId, { code, generation }] of this.written) {
      if (appliedIds.has(mutationId)) continue;
      if (rejected.has(mutationId)) {
        const station = this.stations.find((candidate) => candidate.code === code);
        if (station?.generation === generation) {
          expect(
            localRejections.get(code)?.has(mutationId),
            `${code} keeps the rejection of ${mutationId}`,
          ).toBe(true);
        }
        continue;
      }
      expect(
        this.discarded.has(mutationId),
        `${mutationId} of ${code} applied, rejected or thrown away by a restore`,
      ).toBe(true);
    }
  }

  /** RMA numbers stay unique across the center. */
  checkRmaNumbersUnique(server: Map<string, SyncRow>): void {
    const numbers = [...server.values()]
      .filter((row) => row.table === 'claims' && typeof row.values.rmaNumber === 'string')
      .map((row) => String(row.values.rmaNumber));
    expect(numbers.length, `RMA numbers ${numbers.sort().join(', ')}`).toBe(new Set(numbers).size);
  }

  async #serverOutcomes(): Promise<{
    applied: Map<string, Mutation>;
    rejected: Set<string>;
  }> {
    const clients = await this.database.query<{ id: string; last_mutation_id: unknown }>(
      'SELECT id, last_mutation_id FROM clients',
    );
    const rejections = await this.database.query<{
      client_id: string;
      mutation_number: unknown;
      mutation_id: string;
    }>('SELECT client_id, mutation_number, mutation_id FROM rejections');
    const rejectedKeys = new Set(
      rejections.map((row) => `${row.client_id}/${toNumber(row.mutation_number)}`),
    );
    const applied = new Map<string, Mutation>();
    for (const client of clients) {
      const last = toNumber(client.last_mutation_id);
      for (let id = 1; id <= last; id += 1) {
        const key = `${client.id}/${id}`;
        const mutation = this.network.pushed.get(key);
        expect(mutation, `mutation ${key} the server applied was pushed`).toBeDefined();
        if (mutation !== undefined && !rejectedKeys.has(key)) applied.set(key, mutation);
      }
    }
    return { applied, rejected: new Set(rejections.map((row) => row.mutation_id)) };
  }

  async close(): Promise<void> {
    for (const station of this.stations) {
      station.engine.stop();
      await station.engine.attachmentsSettled();
    }
    await this.network.settled();
    for (const station of this.stations) {
      station.db.close();
      await Dexie.delete(station.dbName);
    }
    await this.#app.close();
    await rm(this.blobRoot, { recursive: true, force: true });
  }

  /** The bytes the server holds whole under `sha256`; undefined when it holds none. */
  async #serverBlob(sha256: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.blobRoot, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    } catch {
      return undefined;
    }
  }

  /**
   * Every photo a live evidence record on the server names is on every station, byte for byte,
   * and on the server once (a single stored file, no upload left half done), unless a restore
   * took it from the only station that held it. The server holds no other bytes, and no station
   * keeps part of a download.
   */
  async checkAttachments(server: Map<string, SyncRow>): Promise<void> {
    const named = new Set(
      [...server.values()]
        .filter((row) => row.table === 'evidence' && row.values.deletedAt === undefined)
        .map((row) => String(row.values.sha256)),
    );
    const expected = [...named].filter((sha256) => !this.photosLost.has(sha256)).sort();
    for (const sha256 of expected) {
      const bytes = this.photos.get(sha256);
      expect(bytes, `the photo ${sha256} a station attached`).toBeDefined();
      if (bytes === undefined) continue;
      expect((await this.#serverBlob(sha256))?.equals(bytes), `${sha256} on the server`).toBe(true);
      for (const station of this.stations) {
        const blob = await readAttachment(station.db, sha256);
        const here = blob === undefined ? undefined : Buffer.from(await blob.arrayBuffer());
        expect(here?.equals(bytes), `${sha256} at ${station.code}`).toBe(true);
      }
    }
    const stored = (await readdir(this.blobRoot, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => ({ name: entry.name, upload: entry.parentPath.endsWith('uploads') }));
    expect(
      stored
        .filter((entry) => !entry.upload)
        .map((entry) => entry.name)
        .sort(),
      'the blobs the server stores',
    ).toEqual(expected);
    expect(
      stored.filter((entry) => entry.upload && named.has(entry.name)),
      'uploads left half done',
    ).toEqual([]);
    for (const station of this.stations) {
      const partial = await station.db.partialDownloads.count();
      expect(partial, `${station.code}'s partial downloads`).toBe(0);
    }
  }
}

/**
 * The fields a station stores beside a record's own under the same names: an audit event's
 * `station` is such a field, so where the server keeps a stamp but no value for it (the
 * tombstone it makes of a refused row), the station reads its row's author there instead.
 */
const rowAuthorFields: ReadonlySet<string> = new Set(['station', 'updatedBy']);

/** `local` without the author fields `server` stamps but holds no value for (see above). */
function withoutShadowedFields(local: MergeRow, server: MergeRow | undefined): MergeRow {
  if (server === undefined) return local;
  const values = { ...local.values };
  for (const field of rowAuthorFields) {
    if (!Object.hasOwn(server.values, field)) Reflect.deleteProperty(values, field);
  }
  return { ...local, values };
}

/** A row as stations and the server must agree on it: its fields, stamps and last author. */
function comparable(row: MergeRow): MergeRow {
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(row.stamps)) {
    if (Object.hasOwn(row.values, field) && row.values[field] !== undefined) {
      values[field] = row.values[field];
    }
  }
  return { values, stamps: row.stamps, updatedBy: row.updatedBy, station: row.station };
}

/** The station's synced rows (its records, conflicts and pulled records), by `table/id`. */
async function localRows(db: FixlineDatabase): Promise<Map<string, MergeRow>> {
  const rows = new Map<string, MergeRow>();
  for (const table of [...syncedTableNames, 'conflicts'] as const) {
    for (const stored of (await db.table(table).toArray()) as (Record<string, unknown> & {
      id: string;
      stamps: Record<string, Hlc>;
      updatedBy: string;
      station: string;
    })[]) {
      rows.set(
        `${table}/${stored.id}`,
        comparable({
          values: stored,
          stamps: stored.stamps,
          updatedBy: stored.updatedBy,
          station: stored.station,
        }),
      );
    }
  }
  return rows;
}
