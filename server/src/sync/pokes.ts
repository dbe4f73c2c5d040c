import { sha256Schema } from '#shared/domain/primitives';
import type { Database, ListenLog, Queryable } from '../storage/database';
import { toNumber } from '../storage/database';
import { pokeChannel } from './spaceWriter';

/**
 * The channel of blob arrivals: its payload is the SHA-256 of an upload the server completed.
 * Its own channel, so the record pokes' payload stays a version.
 */
export const blobArrivalChannel = 'fixline_blob';

/** What an event stream is told: the space reached a version, or a blob's bytes arrived. */
export type ServerPoke =
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'blob'; readonly sha256: string };

/** Tells every server process's streams that the bytes of `sha256` are stored now. */
export async function announceBlobArrival(queryable: Queryable, sha256: string): Promise<void> {
  await queryable.query('SELECT pg_notify($1, $2)', [blobArrivalChannel, sha256]);
}

/**
 * The pokes of this process's event streams: fed by the database's notifications, so a push
 * or an upload to any server process on the same PostgreSQL pokes every stream (PGlite: this
 * process only).
 */
export class Pokes {
  readonly #subscribers = new Set<(poke: ServerPoke) => void>();
  readonly #stopListening: (() => Promise<void>)[] = [];

  async start(database: Database, log?: ListenLog): Promise<void> {
    // Pokes sent while the connection was down are lost: the streams hear the version now.
    const pokeCurrentVersion = () => {
      database
        .query<{ version: unknown }>('SELECT version FROM space ORDER BY created_at LIMIT 1')
        .then(
          ([space]) => {
            if (space !== undefined)
              this.#tell({ kind: 'version', version: toNumber(space.version) });
          },
          () => undefined,
        );
    };
    this.#stopListening.push(
      await database.listen(
        pokeChannel,
        (payload) => {
          const version = Number(payload);
          if (Number.isSafeInteger(version)) this.#tell({ kind: 'version', version });
        },
        { ...(log === undefined ? {} : { log }), onReconnect: pokeCurrentVersion },
      ),
      await database.listen(
        blobArrivalChannel,
        (payload) => {
          const sha256 = sha256Schema.safeParse(payload);
          if (sha256.success) this.#tell({ kind: 'blob', sha256: sha256.data });
        },
        log === undefined ? {} : { log },
      ),
    );
  }

  #tell(poke: ServerPoke): void {
    for (const subscriber of this.#subscribers) subscriber(poke);
  }

  /** Calls `onPoke` with each new version and each blob arrival; the result unsubscribes. */
  subscribe(onPoke: (poke: ServerPoke) => void): () => void {
    this.#subscribers.add(onPoke);
    return () => this.#subscribers.delete(onPoke);
  }

  async stop(): Promise<void> {
    this.#subscribers.clear();
    await Promise.all(this.#stopListening.splice(0).map((stop) => stop()));
  }
}
