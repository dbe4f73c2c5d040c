import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeMethod, BridgeOn, FixlineBridge } from '#shared/ipc/bridge';
import type { IpcChannel, IpcError } from '#shared/ipc/contract';
import { isIpcEventName } from '#shared/ipc/eventNames';

// Only types come from shared/ipc, and the list of event names (bundled in, no dependency): a
// sandboxed preload cannot `require` anything but 'electron', so the zod schemas stay in main,
// which validates every message, the events it sends included.

/**
 * The method that forwards its argument to `channel`. Main answers a Result; the catch covers
 * what fails before main is reached (an argument that cannot be cloned, no handler yet), so
 * the method never rejects either.
 */
function invoker<Channel extends IpcChannel>(channel: Channel): BridgeMethod<Channel> {
  return (...input) =>
    ipcRenderer
      .invoke(channel, ...input)
      .catch((error: unknown): { ok: false; error: IpcError } => ({
        ok: false,
        error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
      }));
}

/**
 * Listens to one of the contract's events. Other channels are refused, so the page cannot listen
 * to Electron's own messages; the listener gets the payload alone, never the IPC event (which
 * would hand the page `ipcRenderer` itself).
 */
const on: BridgeOn = (event, listener) => {
  if (!isIpcEventName(event)) throw new Error(`${String(event)} is not an event of the contract`);
  const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void =>
    listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

const bridge = {
  kind: 'desktop',
  on,
  app: { info: invoker('fixline:app:info') },
  station: { dataFolder: invoker('fixline:station:dataFolder') },
  files: {
    beginSave: invoker('fixline:files:beginSave'),
    writeChunk: invoker('fixline:files:writeChunk'),
    finishSave: invoker('fixline:files:finishSave'),
    abortSave: invoker('fixline:files:abortSave'),
    openDocument: invoker('fixline:files:openDocument'),
  },
  documents: { render: invoker('fixline:documents:render') },
  printing: {
    listPrinters: invoker('fixline:printing:listPrinters'),
    print: invoker('fixline:printing:print'),
    printBatch: invoker('fixline:printing:printBatch'),
    cancelBatch: invoker('fixline:printing:cancelBatch'),
  },
  printers: {
    listLabelPrinters: invoker('fixline:printers:listLabelPrinters'),
    addLabelPrinter: invoker('fixline:printers:addLabelPrinter'),
    removeLabelPrinter: invoker('fixline:printers:removeLabelPrinter'),
  },
  sync: {
    request: invoker('fixline:sync:request'),
    openEvents: invoker('fixline:sync:openEvents'),
    blobHead: invoker('fixline:sync:blobHead'),
    blobStanding: invoker('fixline:sync:blobStanding'),
    blobChunk: invoker('fixline:sync:blobChunk'),
    blobRange: invoker('fixline:sync:blobRange'),
    blobTicket: invoker('fixline:sync:blobTicket'),
    closeEvents: invoker('fixline:sync:closeEvents'),
  },
} satisfies FixlineBridge;

contextBridge.exposeInMainWorld('fixline', bridge);
