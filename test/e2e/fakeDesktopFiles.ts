/**
 * The `files` area of a stand-in for the desktop preload, as an expression for an init script:
 * a save dialog that answers the suggested name in /home/dewi, and saves in pieces checked as
 * main checks them (each piece where the last ended, all bytes before finishing).
 * `window.finishedSaves` lists each finished save's path and the sizes of its pieces.
 */
export const fakeDesktopFiles = `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const refuse = (code, message) => Promise.resolve({ ok: false, error: { code, message } });
  const saves = new Map();
  window.finishedSaves = [];
  return {
    openDocument: () => ok(null),
    beginSave: ({ suggestedName }) => {
      const saveId = crypto.randomUUID();
      saves.set(saveId, { path: '/home/dewi/' + suggestedName, received: 0, pieces: [] });
      return ok({ kind: 'started', saveId });
    },
    writeChunk: ({ saveId, offset, bytes }) => {
      const save = saves.get(saveId);
      if (save === undefined) return refuse('not-found', 'no save ' + saveId);
      if (offset !== save.received) return refuse('not-allowed', 'piece out of order');
      save.received += bytes.byteLength;
      save.pieces.push(bytes.byteLength);
      return ok({ bytesWritten: save.received });
    },
    finishSave: ({ saveId, byteLength }) => {
      const save = saves.get(saveId);
      if (save === undefined) return refuse('not-found', 'no save ' + saveId);
      if (byteLength !== save.received) return refuse('not-allowed', 'bytes missing');
      saves.delete(saveId);
      window.finishedSaves.push({ path: save.path, pieces: save.pieces });
      return ok({ path: save.path });
    },
    abortSave: ({ saveId }) => {
      saves.delete(saveId);
      return ok(null);
    },
  };
})()`;
