import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FixlineBridge } from '#shared/ipc/bridge';

// The process edge: the preload's only import is Electron, replaced by recorders.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, FixlineBridge>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  // Listeners by channel, as ipcRenderer.on/removeListener keep them.
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: FixlineBridge) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      const forChannel = electron.listeners.get(channel) ?? new Set();
      forChannel.add(listener);
      electron.listeners.set(channel, forChannel);
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

/** Loads the preload afresh and returns what it exposed as `window.fixline`. */
async function loadPreload(): Promise<FixlineBridge> {
  vi.resetModules();
  electron.exposed.clear();
  await import('../../electron/preload/index');
  const exposed = electron.exposed.get('fixline');
  if (exposed === undefined) throw new Error('the preload exposed no window.fixline');
  return exposed;
}

beforeEach(() => {
  electron.invoke.mockReset();
  electron.listeners.clear();
});

/** What main's webContents.send would deliver on `channel`, with Electron's event first. */
function emit(channel: string, payload: unknown): void {
  for (const listener of electron.listeners.get(channel) ?? [])
    listener({ sender: 'the ipcRenderer the page must not get' }, payload);
}

describe('preload', () => {
  it('exposes the desktop bridge as window.fixline and nothing else', async () => {
    const bridge = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['fixline']);
    expect(bridge.kind).toBe('desktop');
  });

  it('forwards a call to its channel with the argument as given', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: null });
    const bridge = await loadPreload();
    const bytes = new TextEncoder().encode('%PDF-1.7');
    await bridge.files.openDocument({ name: 'RMA-7.pdf', type: 'pdf', bytes });
    expect(electron.invoke).toHaveBeenCalledWith('fixline:files:openDocument', {
      name: 'RMA-7.pdf',
      type: 'pdf',
      bytes,
    });
  });

  it('sends no argument for a call that takes none', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { path: '/data' } });
    const bridge = await loadPreload();
    await bridge.station.dataFolder();
    expect(electron.invoke).toHaveBeenCalledWith('fixline:station:dataFolder');
  });

  it("answers main's result unchanged", async () => {
    const result = { ok: false, error: { code: 'invalid-input', message: 'not a PDF' } };
    electron.invoke.mockResolvedValue(result);
    const bridge = await loadPreload();
    expect(
      await bridge.files.openDocument({ name: 'a.pdf', type: 'pdf', bytes: new Uint8Array(1) }),
    ).toEqual(result);
  });

  it('turns a failure before main answers into a result instead of a rejection', async () => {
    electron.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    const bridge = await loadPreload();
    expect(await bridge.app.info()).toEqual({
      ok: false,
      error: { code: 'failed', message: 'An object could not be cloned.' },
    });
  });

  it('forwards a contract event to the listener, payload only, until it unsubscribes', async () => {
    const bridge = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = bridge.on('fixline:printing:progress', (...args) => received.push(args));
    const progress = {
      batchId: 'batch-1',
      done: 1,
      total: 2,
      failed: [],
      finished: false,
      cancelled: false,
    };
    emit('fixline:printing:progress', progress);
    expect(received).toEqual([[progress]]);

    unsubscribe();
    emit('fixline:printing:progress', { ...progress, done: 2, finished: true });
    expect(received).toHaveLength(1);
    expect(electron.listeners.get('fixline:printing:progress')?.size).toBe(0);
  });

  it('refuses to listen to a channel that is not an event of the contract', async () => {
    const bridge = await loadPreload();
    // The types already refuse it: a page calling from plain JavaScript does not have them.
    expect(() => Reflect.apply(bridge.on, bridge, ['fixline:files:beginSave', () => {}])).toThrow(
      'is not an event of the contract',
    );
    expect(electron.listeners.size).toBe(0);
  });

  it('exposes every printing and documents channel', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: null });
    const bridge = await loadPreload();
    await bridge.printing.cancelBatch({ batchId: 'batch-1' });
    await bridge.printing.listPrinters();
    expect(electron.invoke.mock.calls).toEqual([
      ['fixline:printing:cancelBatch', { batchId: 'batch-1' }],
      ['fixline:printing:listPrinters'],
    ]);
    expect(Object.keys(bridge.printing).sort()).toEqual([
      'cancelBatch',
      'listPrinters',
      'print',
      'printBatch',
    ]);
    expect(Object.keys(bridge.documents)).toEqual(['render']);
  });
});
