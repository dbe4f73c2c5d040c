import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeMethod, FixlineBridge } from '../../shared/ipc/bridge';
import type { IpcChannel, IpcError } from '../../shared/ipc/contract';

// Only types come from shared/ipc: a sandboxed preload cannot `require` anything but 'electron',
// so the zod schemas stay in main, which validates every message anyway.

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

const bridge = {
  kind: 'desktop',
  app: { info: invoker('fixline:app:info') },
  station: { dataFolder: invoker('fixline:station:dataFolder') },
  files: {
    openWithSystem: invoker('fixline:files:openWithSystem'),
    saveWithDialog: invoker('fixline:files:saveWithDialog'),
  },
} satisfies FixlineBridge;

contextBridge.exposeInMainWorld('fixline', bridge);
