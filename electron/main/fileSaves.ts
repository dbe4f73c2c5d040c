import { randomBytes, randomUUID } from 'node:crypto';
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IpcRefusal } from '#shared/ipc/answer';

/**
 * Saves that arrive in pieces: each writes to a hidden file beside its target and becomes the
 * target only when finished, by one rename, so the target is never half written and a file of
 * any size is saved without either process holding it whole. Every save belongs to the window
 * that began it; another window's calls on it are answered as if it did not exist.
 */
export type FileSaves = {
  /** Whether `maxOpen` saves are open, so that a new one would be refused. */
  isFull(): boolean;
  /** Opens a save into `target` for window `ownerId`; answers its id. */
  begin(target: string, ownerId: number): Promise<string>;
  /** Writes `bytes` at `offset`, which must be where the save ends; answers its new length. */
  write(saveId: string, ownerId: number, offset: number, bytes: Uint8Array): Promise<number>;
  /** Flushes the save holding exactly `byteLength` bytes and renames it onto its target. */
  finish(saveId: string, ownerId: number, byteLength: number): Promise<string>;
  /** Drops the save and its hidden file. */
  abort(saveId: string, ownerId: number): Promise<void>;
  /** Drops every save of window `ownerId` (it closed). */
  abortAllOf(ownerId: number): Promise<void>;
  /** How many saves are open, for tests and logs. */
  openCount(): number;
};

type SaveSession = {
  readonly ownerId: number;
  readonly target: string;
  readonly partial: string;
  readonly handle: FileHandle;
  /** Bytes accepted so far: where the next piece must start. */
  received: number;
  /** The last accepted write; the next one, finish and abort wait for it. */
  writing: Promise<void>;
  finishing: boolean;
  idleTimer: ReturnType<typeof setTimeout>;
};

/** The hidden file a save into `target` writes first: `.<name>.<random>.fixline-partial`. */
export function partialFileOf(target: string): string {
  // Code points, not UTF-16 units, so a cut never splits a character; 100 of them leave room
  // under the 255-byte name limit of most file systems.
  const name = Array.from(basename(target)).slice(0, 100).join('');
  return join(dirname(target), `.${name}.${randomBytes(4).toString('hex')}.fixline-partial`);
}

/** How old a hidden partial file must be before a later save into its folder removes it. */
export const stalePartialAgeMs = 60 * 60_000;

/**
 * Removes the hidden files of saves that a crash or a power cut stopped before they finished, in
 * `folder`, but only those older than {@link stalePartialAgeMs}: younger ones may belong to a save
 * another Fixline window or instance has open (an open save is dropped after 10 min idle).
 * Best effort: a file that cannot be removed stays, and the new save goes on.
 */
export async function sweepStalePartials(folder: string, nowMs: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith('.fixline-partial')) continue;
    const path = join(folder, name);
    try {
      const stats = await stat(path);
      if (!stats.isFile() || nowMs - stats.mtimeMs < stalePartialAgeMs) continue;
      await rm(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Makes the rename itself durable; not every system can sync a folder, which costs nothing. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is in place; only its survival of a power cut in the next seconds is less sure.
  }
}

export function createFileSaves(options: {
  maxOpen: number;
  /** A save that receives nothing for this long is dropped (its page was reloaded or crashed). */
  idleTimeoutMs: number;
  /** Where a save dropped for idleness is reported; console.warn by default. */
  report?: (message: string) => void;
}): FileSaves {
  const { maxOpen, idleTimeoutMs, report = console.warn } = options;
  const sessions = new Map<string, SaveSession>();

  function owned(saveId: string, ownerId: number): SaveSession {
    const session = sessions.get(saveId);
    // Another window's save is refused as if it did not exist: its id says nothing.
    if (session === undefined || session.ownerId !== ownerId)
      throw new IpcRefusal(
        'not-found',
        `no save ${saveId} is open in this window: it was finished, aborted or never begun here`,
      );
    return session;
  }

  function idleTimer(saveId: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const session = sessions.get(saveId);
      if (session === undefined) return;
      report(`save ${saveId} into ${session.target} received nothing for ${idleTimeoutMs} ms`);
      void drop(saveId, session);
    }, idleTimeoutMs);
    // A forgotten save must not keep the app from quitting.
    timer.unref();
    return timer;
  }

  function touch(saveId: string, session: SaveSession): void {
    clearTimeout(session.idleTimer);
    session.idleTimer = idleTimer(saveId);
  }

  /** Forgets the save at once (its id stops working), then closes and removes its file. */
  async function drop(saveId: string, session: SaveSession): Promise<void> {
    sessions.delete(saveId);
    clearTimeout(session.idleTimer);
    await session.writing.catch(() => undefined);
    await session.handle.close().catch(() => undefined);
    await rm(session.partial, { force: true });
  }

  return {
    isFull: () => sessions.size >= maxOpen,

    async begin(target, ownerId) {
      if (sessions.size >= maxOpen)
        throw new IpcRefusal(
          'not-allowed',
          `${maxOpen} saves are already open: let one finish, then save again`,
        );
      const partial = partialFileOf(target);
      // 'wx': never write into a file that is already there.
      const handle = await open(partial, 'wx');
      const saveId = randomUUID();
      const stale = await sweepStalePartials(dirname(target), Date.now());
      if (stale.length > 0) report(`removed ${stale.length} unfinished save(s) left by a crash`);
      sessions.set(saveId, {
        ownerId,
        target,
        partial,
        handle,
        received: 0,
        writing: Promise.resolve(),
        finishing: false,
        idleTimer: idleTimer(saveId),
      });
      return saveId;
    },

    async write(saveId, ownerId, offset, bytes) {
      const session = owned(saveId, ownerId);
      if (session.finishing)
        throw new IpcRefusal('not-allowed', `save ${saveId} is being finished`);
      if (offset !== session.received)
        throw new IpcRefusal(
          'not-allowed',
          `save ${saveId} holds ${session.received} bytes, so the next piece starts at byte ${session.received}, not ${offset}`,
        );
      // Accepted before the write, so a piece sent meanwhile is checked against this one's end.
      session.received += bytes.byteLength;
      touch(saveId, session);
      const written = session.writing.then(async () => {
        let done = 0;
        while (done < bytes.byteLength) {
          const { bytesWritten } = await session.handle.write(
            bytes,
            done,
            bytes.byteLength - done,
            offset + done,
          );
          done += bytesWritten;
        }
      });
      session.writing = written;
      try {
        await written;
      } catch (error) {
        // A full disk or a vanished folder: the save cannot be completed, so nothing is kept.
        if (sessions.get(saveId) === session) await drop(saveId, session);
        throw error;
      }
      return session.received;
    },

    async finish(saveId, ownerId, byteLength) {
      const session = owned(saveId, ownerId);
      if (session.finishing)
        throw new IpcRefusal('not-allowed', `save ${saveId} is being finished`);
      if (byteLength !== session.received)
        throw new IpcRefusal(
          'not-allowed',
          `save ${saveId} holds ${session.received} of ${byteLength} bytes: send the rest, or abort it`,
        );
      session.finishing = true;
      clearTimeout(session.idleTimer);
      try {
        await session.writing;
        await session.handle.sync();
        await session.handle.close();
        await rename(session.partial, session.target);
      } catch (error) {
        await drop(saveId, session);
        throw error;
      }
      sessions.delete(saveId);
      await syncFolder(dirname(session.target));
      return session.target;
    },

    async abort(saveId, ownerId) {
      const session = owned(saveId, ownerId);
      if (session.finishing)
        throw new IpcRefusal('not-allowed', `save ${saveId} is being finished`);
      await drop(saveId, session);
    },

    async abortAllOf(ownerId) {
      await Promise.all(
        [...sessions]
          .filter(([, session]) => session.ownerId === ownerId && !session.finishing)
          .map(([saveId, session]) => drop(saveId, session)),
      );
    },

    openCount: () => sessions.size,
  };
}
