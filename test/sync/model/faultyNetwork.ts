import type { FastifyInstance } from 'fastify';
import type { BlobRequests } from '#shared/sync/blobHttp';
import type { Mutation } from '#shared/sync/protocol';
import { injectBlobRequests, injectSyncRequest } from '../../server/serverHarness';
import type {
  SyncAnswer,
  SyncRequest,
  SyncTransport,
} from '../../../renderer/src/core/sync/syncApi';
import type { NetworkWatch } from '../../../renderer/src/core/sync/syncEngine';

/**
 * What the network does to the next push or pull (or blob request) of a station:
 * - `drop-request`: lost on the way; the server never sees it.
 * - `drop-response`: the server handles it (and commits), the answer is lost.
 * - `duplicate`: the server gets it twice at once; the station sees one answer.
 * - `hold`: the station gives up on it, and the network delivers it later (see
 *   {@link FaultyNetwork.deliverHeld}), after whatever the station sent since. A blob request
 *   held is lost instead (what a late chunk does is the upload's own tests' business).
 */
export type NetworkFault = 'drop-request' | 'drop-response' | 'duplicate' | 'hold';

export const networkFaults: readonly NetworkFault[] = [
  'drop-request',
  'drop-response',
  'duplicate',
  'hold',
];

const unreachable = (reason: string): SyncAnswer => ({ kind: 'unreachable', reason });
const blobUnreachable = (reason: string) => ({ kind: 'unreachable', reason }) as const;

/**
 * The network between the stations and the server (Fastify's inject, so the real routes run).
 * Pushes, pulls and blob requests (attachments' bytes, which the attachment queue moves after
 * each sync) get through only while a sync is asked for ({@link FaultyNetwork.open}), so
 * the syncs an engine starts by itself between commands fail at once as a flaky network would,
 * and which request a fault hits does not depend on timing, unless
 * {@link FaultyNetwork.autoSync} lets those through as well. Enrollment always gets through: it is
 * the model's setup, not what is under test.
 */
export class FaultyNetwork {
  /** Whether pushes and pulls may reach the server now (a sync was asked for). */
  open = false;
  /**
   * Whether the syncs engines start by themselves (after a local write) get through too, at
   * whatever moment they come: they then overlap the commands that follow.
   */
  autoSync = false;
  /** Requests the network keeps, to deliver later. */
  readonly held: SyncRequest[] = [];
  /** Every mutation a push brought to the server, by client and mutation id. */
  readonly pushed = new Map<string, Mutation>();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly server: () => FastifyInstance) {}

  /** The link of one station: its own faults and whether it is online. */
  link(): StationLink {
    return new StationLink(this);
  }

  /** Delivers the held request at `index` (of those held) to the server; its answer is lost. */
  async deliverHeld(index: number): Promise<void> {
    const [request] = this.held.splice(index % Math.max(1, this.held.length), 1);
    if (request !== undefined) await this.deliver(request);
  }

  /** Waits for every request under way (a sync an engine started by itself, a duplicate). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Sends `request` to the server as it is now; a server that is closing is unreachable. */
  deliver(request: SyncRequest): Promise<SyncAnswer> {
    const delivery = this.#inject(request);
    this.#inFlight.add(delivery);
    void delivery.finally(() => this.#inFlight.delete(delivery));
    return delivery;
  }

  async #inject({ route, body, deviceToken }: SyncRequest): Promise<SyncAnswer> {
    if (route === 'push') this.#notePush(body);
    try {
      return await injectSyncRequest(this.server(), { route, body, deviceToken });
    } catch (error) {
      return unreachable(`the server is down: ${String(error)}`);
    }
  }

  /**
   * A blob request of `link`, through the same faults as its pushes and pulls, queued apart
   * ({@link StationLink.blobFaults}): a failed push ends the sync before any bytes move, so
   * faults shared with the pushes and pulls would rarely reach a blob request.
   */
  async sendBlob<Answer extends { readonly kind: string }>(
    link: StationLink,
    request: (blobs: BlobRequests) => Promise<Answer>,
  ): Promise<Answer | { readonly kind: 'unreachable'; readonly reason: string }> {
    if (!link.online) return blobUnreachable('this station is offline');
    if (!this.open && !this.autoSync) return blobUnreachable('no sync was asked for');
    const fault = link.blobFaults.shift();
    switch (fault) {
      case undefined:
        return this.#deliverBlob(request);
      case 'drop-request':
      case 'hold':
        return blobUnreachable('the request was lost');
      case 'drop-response':
        await this.#deliverBlob(request);
        return blobUnreachable('the answer was lost');
      case 'duplicate': {
        const [first] = await Promise.all([this.#deliverBlob(request), this.#deliverBlob(request)]);
        return first;
      }
    }
  }

  #deliverBlob<Answer>(
    request: (blobs: BlobRequests) => Promise<Answer>,
  ): Promise<Answer | { readonly kind: 'unreachable'; readonly reason: string }> {
    const delivery = (async () => {
      try {
        return await request(injectBlobRequests(this.server()));
      } catch (error) {
        return blobUnreachable(`the server is down: ${String(error)}`);
      }
    })();
    this.#inFlight.add(delivery);
    void delivery.finally(() => this.#inFlight.delete(delivery));
    return delivery;
  }

  #notePush(body: unknown): void {
    const { clientId, mutations } = body as { clientId: string; mutations: Mutation[] };
    for (const mutation of mutations) {
      // The same client sends the same mutation under one id every time.
      this.pushed.set(`${clientId}/${mutation.id}`, structuredClone(mutation));
    }
  }

  async send(link: StationLink, request: SyncRequest): Promise<SyncAnswer> {
    if (!link.online) return unreachable('this station is offline');
    if (request.route !== 'push' && request.route !== 'pull') return this.deliver(request);
    if (!this.open && !this.autoSync) return unreachable('no sync was asked for');
    const fault = link.faults.shift();
    switch (fault) {
      case undefined:
        return this.deliver(request);
      case 'drop-request':
        return unreachable('the request was lost');
      case 'drop-response':
        await this.deliver(request);
        return unreachable('the answer was lost');
      case 'duplicate': {
        const [first] = await Promise.all([this.deliver(request), this.deliver(request)]);
        return first;
      }
      case 'hold':
        this.held.push(structuredClone(request));
        return unreachable('the request is held up in the network');
    }
  }
}

/** One station's side of the network. */
export class StationLink {
  online = true;
  /** Faults for the station's next pushes and pulls, first first. */
  readonly faults: NetworkFault[] = [];
  /** Faults for the station's next blob requests (attachments' bytes), first first. */
  readonly blobFaults: NetworkFault[] = [];
  readonly #listeners = new Set<(online: boolean) => void>();

  constructor(private readonly network: FaultyNetwork) {}

  readonly transport: SyncTransport = {
    request: (request) => this.network.send(this, request),
    // No pokes: the model syncs when a command says so.
    events: ({ onConnected }) => {
      onConnected(false);
      return { close: () => undefined };
    },
    blobs: {
      head: (address) => this.network.sendBlob(this, (blobs) => blobs.head(address)),
      standing: (query) => this.network.sendBlob(this, (blobs) => blobs.standing(query)),
      sendChunk: (chunk) => this.network.sendBlob(this, (blobs) => blobs.sendChunk(chunk)),
      readRange: (range) => this.network.sendBlob(this, (blobs) => blobs.readRange(range)),
    },
  };

  readonly watch: NetworkWatch = {
    isOnline: () => this.online,
    subscribe: (listener) => {
      this.#listeners.add(listener);
      return () => this.#listeners.delete(listener);
    },
  };

  setOnline(online: boolean): void {
    this.online = online;
    for (const listener of this.#listeners) listener(online);
  }
}
