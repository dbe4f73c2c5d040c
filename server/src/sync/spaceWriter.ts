import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { Queryable } from '../storage/database';
import { toNumber } from '../storage/database';

/** The channel pokes travel on: its payload is the space's new version. */
export const pokeChannel = 'fixline_poke';

/** The clock node of stamps the server makes (re-stamps, conflict records). */
export const serverNode = 'SERVER';

/**
 * Hands out versions and server stamps within one transaction that writes synced rows.
 *
 * Why pullers never see a gap: the first write locks the space row (`SELECT … FOR UPDATE`) and
 * the lock holds until the transaction commits or rolls back, so writing transactions run one
 * after another and commit in version order; the counter and the rows commit together. A pull
 * reads the committed `space.version` first and then the rows, so every row at or below that
 * version is already committed and visible: no transaction still open can hold a lower
 * version. (Versions taken under a savepoint that is rolled back are handed out again.)
 */
export class SpaceWriter {
  readonly #queryable: Queryable;
  readonly #spaceId: string;
  #version: number | undefined;
  #startVersion = 0;
  #clock: HybridLogicalClock | undefined;

  constructor(queryable: Queryable, spaceId: string) {
    this.#queryable = queryable;
    this.#spaceId = spaceId;
  }

  /** Locks the space row; call it outside any savepoint (a rolled-back savepoint drops the lock). */
  async lock(): Promise<void> {
    if (this.#version !== undefined) return;
    const [space] = await this.#queryable.query<{ version: unknown; clock: string | null }>(
      'SELECT version, clock FROM space WHERE id = $1 FOR UPDATE',
      [this.#spaceId],
    );
    if (space === undefined) throw new Error(`space ${this.#spaceId} is missing`);
    this.#version = toNumber(space.version);
    this.#startVersion = this.#version;
    this.#clock = new HybridLogicalClock(serverNode, (space.clock ?? undefined) as Hlc | undefined);
  }

  #locked(): { version: number; clock: HybridLogicalClock } {
    if (this.#version === undefined || this.#clock === undefined) {
      throw new Error('lock the space before writing rows');
    }
    return { version: this.#version, clock: this.#clock };
  }

  /** The next version, for one row write. */
  nextVersion(): number {
    const next = this.#locked().version + 1;
    this.#version = next;
    return next;
  }

  /** Puts the counter back where `version` was, when a savepoint is rolled back. */
  reset(mark: number | undefined): void {
    if (mark !== undefined) this.#version = mark;
  }

  /** A server stamp later than every stamp in `after` (so it wins over each of them). */
  stampAfter(after: readonly Hlc[], nowMs: number = Date.now()): Hlc {
    const { clock } = this.#locked();
    for (const stamp of after) clock.receive(stamp, nowMs, Number.POSITIVE_INFINITY);
    return clock.tick(nowMs);
  }

  /**
   * The version after this transaction's writes so far (undefined before `lock`): also the mark
   * to `reset` to when a savepoint is rolled back.
   */
  get version(): number | undefined {
    return this.#version;
  }

  /**
   * Stores the counter and clock, and pokes the listeners (delivered when the transaction
   * commits). Call it last, outside any savepoint.
   */
  async finish(): Promise<void> {
    if (this.#version === undefined || this.#clock === undefined) return;
    await this.#queryable.query('UPDATE space SET version = $2, clock = $3 WHERE id = $1', [
      this.#spaceId,
      this.#version,
      this.#clock.last,
    ]);
    if (this.#version > this.#startVersion) {
      await this.#queryable.query('SELECT pg_notify($1, $2)', [pokeChannel, String(this.#version)]);
    }
  }
}
