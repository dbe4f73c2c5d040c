import { compareHlcStamps, decodeHlc, encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import { applyChange } from '#shared/sync/merge';
import type {
  Mutation,
  MutationOutcome,
  PullCursor,
  PullRequest,
  PushRequest,
  SyncErrorCode,
  SyncRow,
  SyncTable,
} from '#shared/sync/protocol';
import { pullRequestSchema, pushRequestSchema, syncProtocolVersion } from '#shared/sync/protocol';
import type { SyncAnswer, SyncRequest, SyncTransport } from '../../renderer/src/core/sync/syncApi';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';

/**
 * A small in-memory sync server that follows the protocol (shared/sync/protocol.ts) closely
 * enough to drive the station's engine: push with exactly-once mutation ids and transition
 * intents, pull paged by version with a pinned upper version, pokes, and switches for the faults
 * the engine must survive. The real server (server/) replaces it in the convergence test.
 */

type ServerRow = { table: SyncTable; id: string; version: number; row: MergeRow };

export const pairingCode = 'PAIR-1234';
export const centerId = '0196a1b2-c3d4-7000-8000-0000000000c0';
const deviceToken = 'fake-device-token-0123456789abcdef0123456789';

const refusal = (status: number, code: SyncErrorCode, details?: Record<string, unknown>) => ({
  kind: 'answered' as const,
  status,
  body: { error: { code, message: `refused: ${code}`, ...(details ? { details } : {}) } },
});

export class FakeSyncServer {
  version = 0;
  readonly rows = new Map<string, ServerRow>();
  readonly lastMutationIds = new Map<string, number>();
  readonly outcomes = new Map<string, Map<number, MutationOutcome>>();
  readonly requests: SyncRequest[] = [];
  /** No answer at all, as a machine without a network sees it. */
  down = false;
  revoked = false;
  protocol = syncProtocolVersion;
  /** The next pull with a cursor answers 410, as if tombstones past it were purged. */
  purgeOnce = false;
  /** Refuses a push that starts below the next id (instead of skipping what it has). */
  strictIds = false;
  readonly #pokes = new Set<(version: number) => void>();

  readonly transport: SyncTransport = {
    request: (request) => Promise.resolve(this.#answer(request)),
    events: ({ onPoke, onConnected }) => {
      this.#pokes.add(onPoke);
      onConnected(true);
      return { close: () => this.#pokes.delete(onPoke) };
    },
    blobs: unreachableBlobRequests,
  };

  /** Applies mutations of `clientId` as a push would, without a station (a test's other station). */
  receive(clientId: string, mutations: readonly Mutation[]): void {
    this.#push({ clientId, mutations: [...mutations] });
  }

  /** Every row changed after `version`, in pull order, as one page would carry them. */
  rowsAfter(version = 0): SyncRow[] {
    const answer = this.#pull({ clientId: 'none', cursor: null, limit: 5000 });
    if (answer.kind !== 'answered') return [];
    return (answer.body as { rows: SyncRow[] }).rows.filter((row) => row.version > version);
  }

  /** The rows as a station should hold them, by table and id. */
  rowOf(table: SyncTable, id: string): MergeRow | undefined {
    return this.rows.get(`${table}/${id}`)?.row;
  }

  #answer(request: SyncRequest): SyncAnswer {
    this.requests.push(request);
    if (this.down) return { kind: 'unreachable', reason: 'connection refused' };
    if (this.protocol !== syncProtocolVersion && request.route !== 'hello') {
      return refusal(426, 'protocol-mismatch', { serverProtocol: this.protocol });
    }
    switch (request.route) {
      case 'hello':
        return {
          kind: 'answered',
          status: 200,
          body: { service: 'fixline-sync', protocol: this.protocol, centerId },
        };
      case 'enroll':
        return {
          kind: 'answered',
          status: 200,
          body: {
            deviceId: '0196a1b2-c3d4-7000-8000-0000000000d0',
            deviceToken,
            centerId,
            version: this.version,
          },
        };
      case 'leave':
        return { kind: 'answered', status: 200, body: {} };
      case 'push':
      case 'pull':
        if (request.deviceToken !== deviceToken) return refusal(401, 'device-unknown');
        if (this.revoked) return refusal(403, 'device-revoked');
        return request.route === 'push'
          ? this.#push(pushRequestSchema.parse(request.body))
          : this.#pull(pullRequestSchema.parse(request.body));
    }
  }

  #push(request: PushRequest): SyncAnswer {
    const { clientId } = request;
    const outcomes = this.outcomes.get(clientId) ?? new Map<number, MutationOutcome>();
    this.outcomes.set(clientId, outcomes);
    const first = request.mutations[0];
    const last = this.lastMutationIds.get(clientId) ?? 0;
    if (first !== undefined && (first.id > last + 1 || (this.strictIds && first.id <= last))) {
      return refusal(409, 'mutation-gap', { expectedId: last + 1 });
    }
    const answered: MutationOutcome[] = [];
    for (const mutation of request.mutations) {
      const done = outcomes.get(mutation.id);
      if (done !== undefined) {
        answered.push(done);
        continue;
      }
      const outcome = this.#apply(mutation);
      outcomes.set(mutation.id, outcome);
      this.lastMutationIds.set(clientId, mutation.id);
      answered.push(outcome);
    }
    for (const poke of this.#pokes) poke(this.version);
    return {
      kind: 'answered',
      status: 200,
      body: {
        lastMutationId: this.lastMutationIds.get(clientId) ?? 0,
        outcomes: answered,
        version: this.version,
      },
    };
  }

  #apply(mutation: Mutation): MutationOutcome {
    const { intent } = mutation;
    if (intent?.kind === 'transition') {
      const status = this.rowOf('claims', intent.claimId)?.values['status'];
      if (status !== intent.from) {
        this.#restamp(mutation);
        return {
          id: mutation.id,
          status: 'rejected',
          rejection: {
            code: 'illegal-transition',
            message: `The claim is ${String(status)} on the server, not ${intent.from}.`,
            table: 'claims',
            id: intent.claimId,
            field: 'status',
          },
        };
      }
    }
    for (const change of mutation.changes) {
      const key = `${change.table}/${change.id}`;
      const { row } = applyChange(
        this.rows.get(key)?.row,
        change,
        mutation.actor,
        mutation.station,
      );
      this.version += 1;
      this.rows.set(key, { table: change.table, id: change.id, version: this.version, row });
    }
    return { id: mutation.id, status: 'applied' };
  }

  /**
   * After a rejection, stamps the current value of every field the mutation meant to change again,
   * later than the rejected stamp, so the station that made it converges to the server's value.
   */
  #restamp(mutation: Mutation): void {
    for (const change of mutation.changes) {
      const key = `${change.table}/${change.id}`;
      const current = this.rows.get(key);
      if (current === undefined) continue;
      const stamps = { ...current.row.stamps };
      for (const field of [...Object.keys(change.set), ...change.unset]) {
        const latest = [stamps[field], change.stamp]
          .filter((stamp) => stamp !== undefined)
          .map((stamp) => decodeHlc(stamp))
          .filter((stamp) => stamp !== undefined)
          .reduce((a, b) => (compareHlcStamps(a, b) >= 0 ? a : b));
        stamps[field] = encodeHlc({ ...latest, counter: latest.counter + 1, node: 'SERVER' });
      }
      this.version += 1;
      this.rows.set(key, {
        ...current,
        version: this.version,
        row: { ...current.row, stamps, station: 'SERVER' },
      });
    }
  }

  #pull(request: PullRequest): SyncAnswer {
    if (request.cursor !== null && this.purgeOnce) {
      this.purgeOnce = false;
      return refusal(410, 'cursor-below-horizon');
    }
    const upTo = request.upTo ?? this.version;
    const after = request.cursor?.version ?? 0;
    const pending = [...this.rows.values()]
      .filter((row) => row.version > after && row.version <= upTo)
      .sort((a, b) => a.version - b.version);
    const page = pending.slice(0, request.limit ?? 1000);
    const last = page.at(-1);
    const cursor: PullCursor | null =
      last === undefined ? null : { version: last.version, table: last.table, id: last.id };
    const rows: SyncRow[] = page.map(({ table, id, version, row }) => ({
      table,
      id,
      version,
      values: row.values as SyncRow['values'],
      stamps: row.stamps,
      updatedBy: row.updatedBy,
      station: row.station,
    }));
    return {
      kind: 'answered',
      status: 200,
      body: {
        rows,
        cursor,
        upTo,
        done: page.length === pending.length,
        lastMutationId: this.lastMutationIds.get(request.clientId) ?? 0,
        remaining: pending.length - page.length,
      },
    };
  }
}
