import type { Database } from '../storage/database';
import { pokeChannel } from './spaceWriter';

/**
 * The pokes of this process's event streams: fed by the database's notifications, so a push
 * to any server process on the same PostgreSQL pokes every stream (PGlite: this process only).
 */
export class Pokes {
  readonly #subscribers = new Set<(version: number) => void>();
  #stopListening: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.#stopListening = await database.listen(pokeChannel, (payload) => {
      const version = Number(payload);
      if (!Number.isSafeInteger(version)) return;
      for (const subscriber of this.#subscribers) subscriber(version);
    });
  }

  /** Calls `onPoke` with each new version; the result unsubscribes. */
  subscribe(onPoke: (version: number) => void): () => void {
    this.#subscribers.add(onPoke);
    return () => this.#subscribers.delete(onPoke);
  }

  async stop(): Promise<void> {
    this.#subscribers.clear();
    await this.#stopListening?.();
    this.#stopListening = undefined;
  }
}
