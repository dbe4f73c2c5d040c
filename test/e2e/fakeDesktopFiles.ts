/**
 * The `files` area of a stand-in for the desktop preload, as an expression for an init script:
 * a save dialog that answers the suggested name in /home/dewi, and saves in pieces checked as
 * main checks them (each piece where the last ended, all bytes before finishing).
 */
export const fakeDesktopFiles = `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const refuse = (code, message) => Promise.resolve({ ok: false, error: { code, message } });
  const saves = new Map();
  return {
    openDocument: () => ok(null),
    beginSave: ({ suggestedName }) => {
      const saveId = crypto.randomUUID();
      saves.set(saveId, { path: '/home/dewi/' + suggestedName, received: 0 });
      return ok({ kind: 'started', saveId });
    },
    writeChunk: ({ saveId, offset, bytes }) => {
      const save = saves.get(saveId);
      if (save === undefined) return refuse('not-found', 'no save ' + saveId);
      if (offset !== save.received) return refuse('not-allowed', 'piece out of order');
      save.received += bytes.byteLength;
      return ok({ bytesWritten: save.received });
    },
    finishSave: ({ saveId, byteLength }) => {
      const save = saves.get(saveId);
      if (save === undefined) return refuse('not-found', 'no save ' + saveId);
      if (byteLength !== save.received) return refuse('not-allowed', 'bytes missing');
      saves.delete(saveId);
      return ok({ path: save.path });
    },
    abortSave: ({ saveId }) => {
      saves.delete(saveId);
      return ok(null);
    },
  };
})()`;
