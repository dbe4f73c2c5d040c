import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { IsoDateTime, Sha256 } from '#shared/domain/primitives';
import type { Mutation, PullCursor, PullResponse, SyncErrorCode } from '#shared/sync/protocol';
import { isSameJson } from '#shared/sync/rowSchemas';
import {
  enrollResponseSchema,
  helloResponseSchema,
  maxPullRows,
  maxPushMutations,
  pushResponseSchema,
  syncErrorBodySchema,
  syncProtocolVersion,
  targetPushBytes,
} from '#shared/sync/protocol';
import type { FixlineDatabase } from '../../db/database';
import type { SyncEnrollment, SyncStateRow } from '../../db/records';
import type { SliceSizing } from '../../db/sync/slicedApply';
import { SliceSizer, applyPulledPageInSlices, yieldToPage } from '../../db/sync/slicedApply';
import { isStorageFull } from '../../db/writeGuard';
import {
  ensureSyncState,
  forgetEnrollment,
  readOutboxMutations,
  readRejections,
  readSyncState,
  resumeAfterLostMutations,
  resetPullCursor,
  storeEnrollment,
  storeLastSyncedAt,
  storePushOutcome,
} from '../../db/sync/syncState';
import { AttachmentQueue, type AttachmentQueueOptions } from './attachmentQueue';
import { checkedPullPage } from './checkedPullPage';
import { requestViewingUrl } from './viewingUrl';
import type {
  AttachmentTransfer,
  ConnectProblem,
  RejectedChange,
  StationSync,
  SyncProblem,
  UpdateSide,
  SyncRoute,
  SyncStatus,
  SyncTransport,
} from './syncApi';

/** Timers, so tests can fire a backoff at once. */
export type SyncTimers = {
  readonly set: (run: () => void, delayMs: number) => unknown;
  readonly clear: (handle: unknown) => void;
};

/** Whether the machine has a network, and when that changes (the browser's online events). */
export type NetworkWatch = {
  readonly isOnline: () => boolean;
  readonly subscribe: (listener: (online: boolean) => void) => () => void;
};

/** What the engine needs of `navigator.locks`: one holder of a name at a time. */
export type LeaderLocks = {
  readonly request: (name: string, callback: () => Promise<void>) => Promise<unknown>;
};

/**
 * How the windows of one database tell each other about sync (a `BroadcastChannel` by default):
 * the leader says its status and its attachment transfers; another window asks it to sync now,
 * or for its status, or says the enrollment changed (connected or left) so every window starts
 * again.
 */
export type WindowChannel = {
  readonly post: (message: WindowMessage) => void;
  readonly subscribe: (listener: (message: WindowMessage) => void) => () => void;
};

export type WindowMessage =
  | { readonly kind: 'status'; readonly status: LeaderStatus }
  | { readonly kind: 'transfers'; readonly transfers: readonly AttachmentTransfer[] }
  | { readonly kind: 'status-please' }
  | { readonly kind: 'sync-now' }
  | { readonly kind: 'fetch-attachment'; readonly sha256: Sha256 }
  | { readonly kind: 'enrollment-changed' };

/** What a window that does not lead learns from the leader; its own database gives the rest. */
type LeaderStatus = Pick<
  SyncStatus,
  'phase' | 'serverUrl' | 'lastSyncedAt' | 'problem' | 'firstPull'
>;

export type SyncEngineOptions = {
  readonly transport: SyncTransport;
  /** The wall clock, in milliseconds since the epoch. */
  readonly now?: () => number;
  /** A number in [0, 1), for the backoff's jitter. */
  readonly random?: () => number;
  readonly timers?: SyncTimers;
  readonly network?: NetworkWatch;
  /** `navigator.locks` by default; null where there are none (the engine then leads alone). */
  readonly locks?: LeaderLocks | null;
  /** A `BroadcastChannel` by default; null where there is none (one window alone). */
  readonly windows?: WindowChannel | null;
  /**
   * Rows per pull page: large, since each request costs the server as much again; a page is
   * applied in slices sized by {@link applySlices}.
   */
  readonly pullLimit?: number;
  /**
   * How a page is cut into transactions, so none holds up a save at the bench (see
   * `db/sync/slicedApply.ts`): a target time per slice and the first slice's rows.
   */
  readonly applySlices?: Partial<SliceSizing>;
  /** Awaited between slices, to let the page's other work in: a macrotask by default. */
  readonly pauseBetweenSlices?: () => Promise<void>;
  /** How attachments' bytes move: chunk size, files at once, the largest downloaded unasked. */
  readonly attachments?: Pick<
    AttachmentQueueOptions,
    'chunkBytes' | 'concurrency' | 'eagerMaxBytes'
  >;
};

/** The engine: what screens use, and what the app starts and stops. */
export type SyncEngine = StationSync & {
  /** Starts syncing when this database is enrolled with a server; does nothing otherwise. */
  readonly start: () => Promise<void>;
  /** Stops syncing (the app closes, or the station leaves its server). */
  readonly stop: () => void;
  /** Waits until the attachment queue's pass running now ends (tests; screens never wait). */
  readonly attachmentsSettled: () => Promise<void>;
};

/** The first retry waits up to this long; each failure doubles it up to {@link maxBackoffMs}. */
export const firstBackoffMs = 1_000;
export const maxBackoffMs = 60_000;

/** Rows per pull page by default: one request's worth for the server; the station slices it. */
export const defaultPullLimit = 1_000;

/** How many times one sync answers a mutation gap by resending before it gives up. */
const maxGapRetries = 3;

/**
 * How often at most the first pull's progress is told, in ms: each told status redraws every
 * screen showing it (Settings → Sync, the header), and a fast pull applies several pages a second.
 */
const firstPullProgressIntervalMs = 250;

/** The server could not be reached: retry after a backoff. */
class Unreachable extends Error {}

/** The engine was stopped while it applied a page: the pull ends between two slices. */
class PullStopped extends Error {}

/** The server refused a request (or answered what this station cannot read). */
class Refused extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Refusals the station cannot fix by retrying: syncing stops until someone acts. */
const stoppingCodes: ReadonlySet<SyncErrorCode> = new Set([
  'protocol-mismatch',
  'device-unknown',
  'device-revoked',
  'client-mismatch',
  'invalid-request',
  'mutation-gap',
  'pairing-code-invalid',
  'station-code-taken',
]);

/** Refusals of a pull that start it again from the beginning, once. */
const restartsPull: ReadonlySet<SyncErrorCode> = new Set(['cursor-below-horizon', 'cursor-ahead']);

function browserNetwork(): NetworkWatch {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  return {
    isOnline: () => (globalThis.navigator as Navigator | undefined)?.onLine ?? true,
    subscribe: (listener) => {
      if (target.addEventListener === undefined || target.removeEventListener === undefined) {
        return () => undefined;
      }
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener?.('online', online);
        target.removeEventListener?.('offline', offline);
      };
    },
  };
}

function browserLocks(): LeaderLocks | null {
  const navigatorLocks = (globalThis.navigator as Partial<Navigator> | undefined)?.locks;
  return navigatorLocks === undefined
    ? null
    : { request: (name, callback) => navigatorLocks.request(name, callback) };
}

function browserWindows(name: string): WindowChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      const onMessage = (event: MessageEvent<WindowMessage>) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

const browserTimers: SyncTimers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A server address without a trailing slash, so routes join it one way. */
function normalizedServerUrl(serverUrl: string): string {
  return serverUrl.trim().replace(/\/+$/, '');
}

/** Builds the sync engine of `db`; call `start` to sync when enrolled. */
export function createSyncEngine(db: FixlineDatabase, options: SyncEngineOptions): SyncEngine {
  const engine = new StationSyncEngine(db, options);
  return {
    status: () => engine.status,
    subscribe: (listener) => engine.subscribe(listener),
    connect: (input) => engine.connect(input),
    syncNow: () => engine.syncNow(),
    leave: () => engine.leave(),
    attachmentTransfers: () => engine.transfers(),
    subscribeTransfers: (listener) => engine.subscribeTransfers(listener),
    fetchAttachment: (sha256) => engine.fetchAttachment(sha256),
    viewingUrl: (sha256) => requestViewingUrl(db, options.transport, sha256),
    start: () => engine.start(),
    stop: () => engine.stop(),
    attachmentsSettled: () => engine.attachments.settled(),
  };
}

/**
 * The station's side of sync: push the outbox, then pull what changed (a station that has just
 * enrolled pulls first, see `#join`), whenever there is something to do (a local write, a poke,
 * the network back, a retry) and only in the one window that holds the database's lock. Failures
 * are statuses, never exceptions to the screens.
 */
class StationSyncEngine {
  readonly #db: FixlineDatabase;
  readonly #transport: SyncTransport;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #timers: SyncTimers;
  readonly #network: NetworkWatch;
  readonly #locks: LeaderLocks | null;
  readonly #windows: WindowChannel | null;
  readonly #pullLimit: number;
  /** Kept across pulls, so each starts with the slice size the last one learnt. */
  readonly #sliceSizer: SliceSizer;
  readonly #pauseBetweenSlices: () => Promise<void>;
  /** Attachments' bytes, moved in the background after each sync (the leader's only). */
  readonly attachments: AttachmentQueue;

  #status: SyncStatus = { phase: 'standalone', pendingChanges: 0, rejectedChanges: [] };
  readonly #listeners = new Set<() => void>();
  /** The leader's transfers as it last told them, in a window that does not lead. */
  #leaderTransfers: ReadonlyMap<Sha256, AttachmentTransfer> = new Map();
  readonly #transferListeners = new Set<() => void>();
  #transfersToTell = false;
  /** Bumped by every start and stop, so work of an older run stops touching the status. */
  #run = 0;
  #leading = false;
  #releaseLeadership: (() => void) | undefined;
  #cleanups: (() => void)[] = [];
  #cycle: Promise<void> | undefined;
  #again = false;
  /**
   * The version this run's last whole pull reached (its pinned `upTo`): a poke at or below it
   * names nothing this station lacks, as the poke its own push causes.
   */
  #pulledUpTo = -1;
  /** The highest version poked since the running sync's pull was asked for. */
  #pokedVersion = -1;
  #retryTimer: unknown;
  #failures = 0;

  constructor(db: FixlineDatabase, options: SyncEngineOptions) {
    this.#db = db;
    this.#transport = options.transport;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#timers = options.timers ?? browserTimers;
    this.#network = options.network ?? browserNetwork();
    this.#locks = options.locks === undefined ? browserLocks() : options.locks;
    this.#windows =
      options.windows === undefined ? browserWindows(`fixline-sync:${db.name}`) : options.windows;
    this.#pullLimit = Math.min(options.pullLimit ?? defaultPullLimit, maxPullRows);
    this.#sliceSizer = new SliceSizer(options.applySlices);
    this.#pauseBetweenSlices = options.pauseBetweenSlices ?? yieldToPage;
    this.attachments = new AttachmentQueue(db, options.transport.blobs, {
      timers: this.#timers,
      now: this.#now,
      random: this.#random,
      ...options.attachments,
    });
  }

  get status(): SyncStatus {
    return this.#status;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #setStatus(change: Partial<SyncStatus>, run = this.#run): void {
    if (run !== this.#run) return;
    const next: SyncStatus = { ...this.#status, ...change };
    // Optional fields set to undefined are removed, so the status reads as its type says.
    for (const [field, value] of Object.entries(next)) {
      if (value === undefined) Reflect.deleteProperty(next, field);
    }
    // Nothing new (a second `syncing` as a sync follows another, the outbox query answering the
    // same after a pulled slice): screens are not woken for it.
    if (isSameJson(next, this.#status)) return;
    this.#status = next;
    for (const listener of this.#listeners) listener();
    if (this.#leading) this.#tellWindows();
  }

  /** The files moving or waiting to move: this window's queue when it leads, else the leader's. */
  transfers(): ReadonlyMap<Sha256, AttachmentTransfer> {
    return this.#leading ? this.attachments.transfers() : this.#leaderTransfers;
  }

  subscribeTransfers(listener: () => void): () => void {
    this.#transferListeners.add(listener);
    return () => this.#transferListeners.delete(listener);
  }

  #notifyTransfers(): void {
    for (const listener of this.#transferListeners) listener();
  }

  #setLeaderTransfers(transfers: readonly AttachmentTransfer[]): void {
    this.#leaderTransfers = new Map(transfers.map((transfer) => [transfer.sha256, transfer]));
    this.#notifyTransfers();
  }

  /**
   * The leader's transfers, for the database's other windows: at most one message per task,
   * however many chunks moved in it.
   */
  #tellTransfers(): void {
    if (this.#transfersToTell || this.#windows === null) return;
    this.#transfersToTell = true;
    queueMicrotask(() => {
      this.#transfersToTell = false;
      if (this.#leading)
        this.#windows?.post({
          kind: 'transfers',
          transfers: [...this.attachments.transfers().values()],
        });
    });
  }

  /** The leader's status, for the database's other windows. */
  #tellWindows(): void {
    const { phase, serverUrl, lastSyncedAt, problem, firstPull } = this.#status;
    this.#windows?.post({
      kind: 'status',
      status: { phase, serverUrl, lastSyncedAt, problem, firstPull },
    });
  }

  /** Hears the database's other windows: the leader answers them, the others follow it. */
  #listenToWindows(run: number): void {
    const windows = this.#windows;
    if (windows === null) return;
    this.#cleanups.push(
      windows.subscribe((message) => {
        switch (message.kind) {
          case 'status':
            if (!this.#leading) this.#setStatus({ ...message.status }, run);
            return;
          case 'transfers':
            if (!this.#leading) this.#setLeaderTransfers(message.transfers);
            return;
          case 'status-please':
            if (this.#leading) {
              this.#tellWindows();
              this.#tellTransfers();
            }
            return;
          case 'sync-now':
            if (this.#leading) void this.syncNow();
            return;
          case 'fetch-attachment':
            if (this.#leading) this.attachments.fetchNow(message.sha256);
            return;
          case 'enrollment-changed':
            void this.start();
            return;
        }
      }),
    );
    windows.post({ kind: 'status-please' });
  }

  #nowIso(): IsoDateTime {
    return new Date(this.#now()).toISOString();
  }

  async start(): Promise<void> {
    this.stop();
    const run = this.#run;
    const state = await ensureSyncState(this.#db);
    const { enrollment } = state;
    if (run !== this.#run) return;
    if (enrollment === undefined) {
      // Alone, the outbox is not watched: nothing shows its count, and a station that never had
      // a server keeps every change it made there, which counting after each write would walk
      // (~0.6 s at 340,000 entries), holding up the next write. Joining a server starts again.
      this.#setStatus({
        phase: 'standalone',
        serverUrl: undefined,
        problem: undefined,
        pendingChanges: 0,
        rejectedChanges: [],
      });
      this.#listenToWindows(run);
      return;
    }
    this.#setStatus({
      phase: 'idle',
      serverUrl: enrollment.serverUrl,
      lastSyncedAt: enrollment.lastSyncedAt,
      problem: undefined,
    });
    this.#watchOutbox(run);
    this.#listenToWindows(run);
    this.#lead(run, enrollment);
  }

  stop(): void {
    this.#run += 1;
    // The other windows forget this window's transfers until the next leader tells its own.
    if (this.#leading) this.#windows?.post({ kind: 'transfers', transfers: [] });
    this.#leading = false;
    this.#releaseLeadership?.();
    this.#releaseLeadership = undefined;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#clearRetry();
    this.#again = false;
    this.#pulledUpTo = -1;
    this.#pokedVersion = -1;
    this.attachments.stop();
    this.#setLeaderTransfers([]);
  }

  /** A large attachment was opened: the leader downloads it now. */
  fetchAttachment(sha256: Sha256): void {
    if (this.#leading) this.attachments.fetchNow(sha256);
    else this.#windows?.post({ kind: 'fetch-attachment', sha256 });
  }

  /** Keeps the pending and rejected changes current, and pushes a new local change soon. */
  #watchOutbox(run: number): void {
    const subscription: Subscription = liveQuery(async () => ({
      pending: await this.#db.outbox.count(),
      rejected: await readRejections(this.#db),
    })).subscribe({
      next: ({ pending, rejected }) => {
        const grew = pending > this.#status.pendingChanges;
        // Every slice of a pull wakes this query (it drops acknowledged entries from the outbox,
        // mostly none): an unchanged answer is not told (see `#setStatus`).
        this.#setStatus(
          {
            pendingChanges: pending,
            rejectedChanges: rejected.map((row): RejectedChange => ({
              mutationId: row.mutationId,
              at: row.at,
              rejection: row.rejection,
            })),
          },
          run,
        );
        // While offline or backing off, the retry or the network's return pushes it.
        const phase = this.#status.phase;
        if (grew && (phase === 'idle' || phase === 'syncing')) void this.#schedule();
      },
      error: () => undefined,
    });
    this.#cleanups.push(() => subscription.unsubscribe());
  }

  /** Syncs in this window only while it holds the database's lock (one leader per database). */
  #lead(run: number, enrollment: SyncEnrollment): void {
    if (this.#locks === null) {
      this.#becomeLeader(run, enrollment);
      return;
    }
    void this.#locks.request(`fixline-sync:${this.#db.name}`, () => {
      if (run !== this.#run) return Promise.resolve();
      return new Promise<void>((release) => {
        this.#releaseLeadership = release;
        this.#becomeLeader(run, enrollment);
      });
    });
  }

  #becomeLeader(run: number, enrollment: SyncEnrollment): void {
    this.#leading = true;
    this.#tellWindows();
    // This window's own queue now: screens and the other windows follow it.
    this.#leaderTransfers = new Map();
    const unsubscribeTransfers = this.attachments.subscribe(() => {
      this.#notifyTransfers();
      this.#tellTransfers();
    });
    this.#notifyTransfers();
    const events = this.#transport.events({
      serverUrl: enrollment.serverUrl,
      deviceToken: enrollment.deviceToken,
      onPoke: (version) => this.#poked(version),
      // Bytes this station may be waiting for: fetch them now, not at the file's next retry.
      onBlob: (sha256) => this.attachments.blobArrived(sha256),
      onConnected: (connected) => {
        if (connected) this.#wakeFromBackoff();
      },
    });
    const unsubscribeNetwork = this.#network.subscribe((online) => {
      if (online) this.#wakeFromBackoff();
      else if (this.#status.phase !== 'stopped') this.#setStatus({ phase: 'offline' }, run);
    });
    this.#cleanups.push(
      () => events.close(),
      unsubscribeNetwork,
      unsubscribeTransfers,
      () => {
        this.#leading = false;
      },
    );
    void this.#schedule();
  }

  /** The server reached `version`: sync, unless this station has pulled that far already. */
  #poked(version: number): void {
    if (version <= this.#pulledUpTo) return;
    this.#pokedVersion = Math.max(this.#pokedVersion, version);
    // A sync under way checks the poke when it ends (its pull may cover it already).
    if (this.#cycle === undefined) void this.#schedule();
  }

  /** The network or the server is back: retry now rather than at the end of the backoff. */
  #wakeFromBackoff(): void {
    if (this.#status.phase === 'stopped') return;
    this.#clearRetry();
    this.#failures = 0;
    void this.#schedule();
  }

  #clearRetry(): void {
    if (this.#retryTimer === undefined) return;
    this.#timers.clear(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /** Runs a sync now, or once more after the one running (changes may have come meanwhile). */
  #schedule(): Promise<void> {
    // Stopped waits for someone to act (Sync now, connect again), not for a poke.
    if (!this.#leading || this.#status.phase === 'stopped') return Promise.resolve();
    if (this.#cycle !== undefined) {
      this.#again = true;
      return this.#cycle;
    }
    const run = this.#run;
    this.#cycle = (async () => {
      try {
        do {
          this.#again = false;
          await this.#syncOnce(run);
        } while (
          (this.#again || this.#pokedVersion > this.#pulledUpTo) &&
          run === this.#run &&
          this.#status.phase === 'idle'
        );
      } finally {
        this.#cycle = undefined;
      }
    })();
    return this.#cycle;
  }

  async syncNow(): Promise<void> {
    // Another window leads: it syncs, and its status comes back here.
    if (!this.#leading) {
      this.#windows?.post({ kind: 'sync-now' });
      return;
    }
    this.#clearRetry();
    this.#failures = 0;
    if (this.#status.phase === 'stopped') this.#setStatus({ phase: 'idle', problem: undefined });
    await this.#schedule();
  }

  async #syncOnce(run: number): Promise<void> {
    const state = await readSyncState(this.#db);
    const enrollment = state?.enrollment;
    if (state === undefined || enrollment === undefined || run !== this.#run) return;
    if (!this.#network.isOnline()) {
      this.#setStatus({ phase: 'offline' }, run);
      return;
    }
    this.#setStatus({ phase: 'syncing' }, run);
    try {
      const joined = await this.#join(run, state, enrollment);
      await this.#push(run, state, joined);
      await this.#pull(run, state, joined);
      const at = this.#nowIso();
      await storeLastSyncedAt(this.#db, at);
      this.#failures = 0;
      // The network may have gone while the last answer came: its offline event, heard then,
      // must not be hidden by this sync's end (nothing else would say so until it is back).
      const phase = this.#network.isOnline() ? 'idle' : 'offline';
      this.#setStatus({ phase, lastSyncedAt: at, problem: undefined }, run);
      // The records are in; their bytes follow in the background, never holding up the next sync.
      if (run === this.#run)
        void this.attachments.wake({
          serverUrl: joined.serverUrl,
          deviceToken: joined.deviceToken,
          centerId: joined.centerId,
        });
    } catch (error) {
      this.#setStatus({ firstPull: undefined }, run);
      this.#fail(run, error);
    }
  }

  #fail(run: number, error: unknown): void {
    if (run !== this.#run) return;
    if (error instanceof Unreachable) {
      this.#setStatus({ phase: 'offline' }, run);
      this.#retryLater(run);
      return;
    }
    if (!(error instanceof Refused)) {
      if (!isStorageFull(error)) throw error;
      // This station's disk is full: nothing pulled was half stored; retry once there is room.
      this.#setStatus(
        { phase: 'idle', problem: { code: 'storage-full', message: String(error) } },
        run,
      );
      this.#retryLater(run);
      return;
    }
    const problem: SyncProblem = { code: error.code, message: error.message };
    if (error.code === 'protocol-mismatch') {
      const update = updateSideFor(error.details['serverProtocol']);
      this.#setStatus({ phase: 'stopped', problem: { ...problem, update } }, run);
      return;
    }
    if (stoppingCodes.has(error.code)) {
      this.#setStatus({ phase: 'stopped', problem }, run);
      return;
    }
    // The server is there but failed (full disk, an error): it may recover, so retry.
    this.#setStatus({ phase: 'idle', problem }, run);
    this.#retryLater(run);
  }

  /** Retries after a backoff with full jitter: up to 1 s, 2 s, 4 s… and never more than 60 s. */
  #retryLater(run: number): void {
    const ceilingMs = Math.min(maxBackoffMs, firstBackoffMs * 2 ** this.#failures);
    this.#failures += 1;
    this.#clearRetry();
    this.#retryTimer = this.#timers.set(() => {
      this.#retryTimer = undefined;
      if (run === this.#run) void this.#schedule();
    }, this.#random() * ceilingMs);
  }

  /** Sends one request; the body of a 2xx answer, or throws {@link Unreachable} / {@link Refused}. */
  async #request(
    serverUrl: string,
    route: SyncRoute,
    body: unknown,
    deviceToken?: string,
  ): Promise<unknown> {
    const answer = await this.#transport.request({
      serverUrl,
      route,
      ...(body === undefined ? {} : { body }),
      ...(deviceToken === undefined ? {} : { deviceToken }),
    });
    if (answer.kind === 'unreachable') throw new Unreachable(answer.reason);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    const refusal = syncErrorBodySchema.safeParse(answer.body);
    if (!refusal.success) {
      throw new Refused('server-error', `The server answered HTTP ${answer.status}.`);
    }
    const { code, message, details } = refusal.data.error;
    throw new Refused(code, message, details);
  }

  /**
   * A station's first sync after it enrolls pulls before it pushes: what it wrote before it was
   * connected (the center's settings typed at first run, with stamps newer than the center's) must
   * not overwrite the center's at every station. The pull adopts the center's rows and drops
   * those changes from the outbox (see `db/sync/adoptCenter.ts`); what the center lacks (the
   * people added at setup, the settings of the center's first station) is pushed after it. The
   * enrollment as it stands afterwards, or as it was when the station had joined before.
   */
  async #join(
    run: number,
    state: SyncStateRow,
    enrollment: SyncEnrollment,
  ): Promise<SyncEnrollment> {
    if (enrollment.joining !== true) return enrollment;
    await this.#pull(run, state, enrollment);
    return (await readSyncState(this.#db))?.enrollment ?? enrollment;
  }

  /** Pushes the outbox, oldest first, in batches of ≤ 500 mutations and about 1 MB. */
  async #push(run: number, state: SyncStateRow, enrollment: SyncEnrollment): Promise<void> {
    let gapRetries = 0;
    let batchLimit = maxPushMutations;
    for (;;) {
      if (run !== this.#run) return;
      const mutations = keepUnderBytes(
        await readOutboxMutations(this.#db, 1, batchLimit),
        targetPushBytes,
      );
      const first = mutations[0];
      if (first === undefined) return;
      let body: unknown;
      try {
        body = await this.#request(
          enrollment.serverUrl,
          'push',
          { clientId: state.clientId, mutations },
          enrollment.deviceToken,
        );
      } catch (error) {
        if (error instanceof Refused && error.code === 'mutation-gap') {
          const expectedId = error.details['expectedId'];
          // The server has applied up to expectedId - 1 (a push whose answer was lost): those go.
          if (
            typeof expectedId === 'number' &&
            expectedId > first.id &&
            gapRetries < maxGapRetries
          ) {
            gapRetries += 1;
            await storePushOutcome(this.#db, {
              lastMutationId: expectedId - 1,
              rejected: [],
              at: this.#nowIso(),
            });
            continue;
          }
          // The server lost mutations it had acknowledged (it was restored from a backup): none
          // of the outbox reached it, so the outbox goes again numbered from where it stands, and
          // the pull starts again.
          if (
            typeof expectedId === 'number' &&
            Number.isSafeInteger(expectedId) &&
            expectedId >= 1 &&
            expectedId < first.id &&
            gapRetries < maxGapRetries
          ) {
            gapRetries += 1;
            await resumeAfterLostMutations(this.#db, expectedId);
            continue;
          }
        }
        if (
          error instanceof Refused &&
          error.code === 'payload-too-large' &&
          mutations.length > 1
        ) {
          batchLimit = Math.max(1, Math.floor(mutations.length / 2));
          continue;
        }
        throw error;
      }
      const parsed = pushResponseSchema.safeParse(body);
      if (!parsed.success)
        throw new Refused('server-error', 'The server’s push answer is not valid.');
      const { lastMutationId, outcomes } = parsed.data;
      await storePushOutcome(this.#db, {
        lastMutationId,
        rejected: outcomes.flatMap((outcome) =>
          outcome.status === 'rejected' ? [{ id: outcome.id, rejection: outcome.rejection }] : [],
        ),
        at: this.#nowIso(),
      });
      // A transient failure stopped the batch before any of it: try again later.
      if (lastMutationId < first.id) {
        throw new Refused('server-error', 'The server applied none of the changes sent.');
      }
    }
  }

  /**
   * Pulls every page up to the version the first pins, each applied in slices of a transaction
   * each, the cursor with the last slice of the last page. The next
   * page is asked for as soon as one arrives, so the server reads it while this one is applied
   * (each takes about as long as the other on a first pull).
   */
  async #pull(run: number, state: SyncStateRow, enrollment: SyncEnrollment): Promise<void> {
    const requestPage = (from: PullCursor | null, pinned: number | undefined) => {
      const page = this.#request(
        enrollment.serverUrl,
        'pull',
        {
          clientId: state.clientId,
          cursor: from,
          ...(pinned === undefined ? {} : { upTo: pinned }),
          limit: this.#pullLimit,
        },
        enrollment.deviceToken,
      ).then(async (body) => {
        const checked = await checkedPullPage(body);
        if (checked === undefined)
          throw new Refused('server-error', 'The server’s pull answer is not valid.');
        return checked;
      });
      // A page asked for ahead may fail while another is applied, or after the pull has
      // stopped: the loop meets the failure when it awaits the page, or never.
      page.catch(() => undefined);
      return page;
    };
    // As it stands now: a push may have started the pull again.
    const pulling = (await readSyncState(this.#db))?.enrollment ?? enrollment;
    let cursor: PullCursor | null = pulling.cursor;
    let upTo: number | undefined;
    let received = 0;
    let resets = 0;
    let askedAhead: Promise<PullResponse> | undefined;
    const startedAt = this.#nowIso();
    let progressToldAtMs = Number.NEGATIVE_INFINITY;
    // The server pokes after it commits, so this pull's pinned version covers every poke so far.
    this.#pokedVersion = -1;
    for (;;) {
      if (run !== this.#run) return;
      if (cursor === null && upTo === undefined) {
        this.#setStatus({ firstPull: { receivedRows: 0, startedAt } }, run);
      }
      let page: PullResponse;
      try {
        page = await (askedAhead ?? requestPage(cursor, upTo));
      } catch (error) {
        askedAhead = undefined;
        // Tombstones past the cursor were purged, or the server was restored from a backup older
        // than the cursor: pull everything again (the outbox stays).
        if (error instanceof Refused && restartsPull.has(error.code) && resets < 1) {
          resets += 1;
          await resetPullCursor(this.#db);
          cursor = null;
          upTo = undefined;
          received = 0;
          continue;
        }
        throw error;
      }
      // A server that holds fewer of this station's mutations than it acknowledged was restored
      // from a backup: with nothing in the outbox the push did not find out, the pull does.
      if (page.lastMutationId < pulling.acknowledgedMutationId && cursor !== null && resets < 1) {
        resets += 1;
        await resumeAfterLostMutations(this.#db, page.lastMutationId + 1);
        cursor = null;
        upTo = undefined;
        received = 0;
        askedAhead = undefined;
        continue;
      }
      const nextCursor = page.cursor ?? cursor;
      askedAhead = page.done ? undefined : requestPage(nextCursor, page.upTo);
      await applyPulledPageInSlices(
        this.#db,
        {
          rows: page.rows,
          lastMutationId: page.lastMutationId,
          ...(page.done ? { cursor: nextCursor } : {}),
        },
        {
          now: this.#now,
          sizer: this.#sliceSizer,
          // A stopped engine (the station left its server, the app closes) stops between
          // slices: what it applied stays, without the cursor, and the next pull applies it again.
          pause: async () => {
            await this.#pauseBetweenSlices();
            if (run !== this.#run) throw new PullStopped();
          },
        },
      ).catch((error: unknown) => {
        if (!(error instanceof PullStopped)) throw error;
        return undefined;
      });
      if (run !== this.#run) return;
      received += page.rows.length;
      const firstPull = this.#status.firstPull;
      const progressDueAtMs = progressToldAtMs + firstPullProgressIntervalMs;
      // The last page's is always told, so the progress ends at the whole.
      if (firstPull !== undefined && (page.done || this.#now() >= progressDueAtMs)) {
        progressToldAtMs = this.#now();
        this.#setStatus(
          {
            firstPull: {
              ...firstPull,
              receivedRows: received,
              ...(page.remaining === undefined ? {} : { totalRows: received + page.remaining }),
            },
          },
          run,
        );
      }
      cursor = nextCursor;
      upTo = page.upTo;
      if (page.done) {
        this.#pulledUpTo = page.upTo;
        break;
      }
    }
    this.#setStatus({ firstPull: undefined }, run);
  }

  async connect(input: {
    readonly serverUrl: string;
    readonly pairingCode: string;
  }): Promise<{ readonly ok: true } | { readonly ok: false; readonly problem: ConnectProblem }> {
    const serverUrl = normalizedServerUrl(input.serverUrl);
    const problem = await this.#enroll(serverUrl, input.pairingCode);
    if (problem !== undefined) return { ok: false, problem };
    await this.start();
    this.#windows?.post({ kind: 'enrollment-changed' });
    return { ok: true };
  }

  async #enroll(serverUrl: string, pairingCode: string): Promise<ConnectProblem | undefined> {
    try {
      const hello = helloResponseSchema.safeParse(
        await this.#request(serverUrl, 'hello', undefined),
      );
      if (!hello.success) return { code: 'not-a-sync-server' };
      if (hello.data.protocol !== syncProtocolVersion) {
        const update = updateSideFor(hello.data.protocol);
        return {
          code: 'protocol-mismatch',
          message: `The server speaks sync protocol ${hello.data.protocol}, this station ${syncProtocolVersion}: update the ${update}.`,
          update,
        };
      }
      const station = await this.#db.settings.get('station');
      if (station?.key !== 'station') {
        return { code: 'invalid-request', message: 'Set up this station before connecting it.' };
      }
      const clientId = uuidv7();
      const enrolled = enrollResponseSchema.safeParse(
        await this.#request(serverUrl, 'enroll', {
          pairingCode,
          stationCode: station.stationCode,
          clientId,
        }),
      );
      if (!enrolled.success) return { code: 'not-a-sync-server' };
      await storeEnrollment(this.#db, clientId, {
        serverUrl,
        deviceId: enrolled.data.deviceId,
        deviceToken: enrolled.data.deviceToken,
        centerId: enrolled.data.centerId,
      });
      return undefined;
    } catch (error) {
      if (error instanceof Unreachable) return { code: 'unreachable', reason: error.message };
      if (error instanceof Refused) {
        // A server that answers hello with something else is not a Fixline sync server.
        return error.code === 'server-error' && error.message.startsWith('The server answered')
          ? { code: 'not-a-sync-server' }
          : error.code === 'protocol-mismatch'
            ? {
                code: error.code,
                message: error.message,
                update: updateSideFor(error.details['serverProtocol']),
              }
            : { code: error.code, message: error.message };
      }
      throw error;
    }
  }

  async leave(): Promise<void> {
    const enrollment = (await readSyncState(this.#db))?.enrollment;
    this.stop();
    if (enrollment !== undefined) {
      // Best effort: a station that cannot reach its server still leaves it.
      await this.#transport
        .request({
          serverUrl: enrollment.serverUrl,
          route: 'leave',
          body: {},
          deviceToken: enrollment.deviceToken,
        })
        .catch(() => undefined);
    }
    await forgetEnrollment(this.#db);
    await this.start();
    this.#windows?.post({ kind: 'enrollment-changed' });
  }
}

/**
 * Which side to update when the protocols differ: the station when the server's is newer, else
 * the server (also when the server did not say its version).
 */
function updateSideFor(serverProtocol: unknown): UpdateSide {
  return typeof serverProtocol === 'number' && serverProtocol > syncProtocolVersion
    ? 'station'
    : 'server';
}

/** The first mutations whose JSON stays under `maxBytes` (always at least one). */
function keepUnderBytes(mutations: readonly Mutation[], maxBytes: number): Mutation[] {
  const kept: Mutation[] = [];
  let bytes = 0;
  for (const mutation of mutations) {
    bytes += JSON.stringify(mutation).length + 1;
    if (kept.length > 0 && bytes > maxBytes) break;
    kept.push(mutation);
  }
  return kept;
}
