import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FixlineBridge } from '../../shared/ipc/bridge';

// The process edge: the preload's only import is Electron, replaced by recorders.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, FixlineBridge>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: FixlineBridge) => electron.exposed.set(key, value),
  },
  ipcRenderer: { invoke: electron.invoke },
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
});

describe('preload', () => {
  it('exposes the desktop bridge as window.fixline and nothing else', async () => {
    const bridge = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['fixline']);
    expect(bridge.kind).toBe('desktop');
  });

  it('forwards a call to its channel with the argument as given', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: null });
    const bridge = await loadPreload();
    await bridge.files.openWithSystem({ path: '/data/RMA-7.pdf' });
    expect(electron.invoke).toHaveBeenCalledWith('fixline:files:openWithSystem', {
      path: '/data/RMA-7.pdf',
    });
  });

  it('sends no argument for a call that takes none', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { path: '/data' } });
    const bridge = await loadPreload();
    await bridge.station.dataFolder();
    expect(electron.invoke).toHaveBeenCalledWith('fixline:station:dataFolder');
  });

  it("answers main's result unchanged", async () => {
    const result = { ok: false, error: { code: 'not-allowed', message: 'outside' } };
    electron.invoke.mockResolvedValue(result);
    const bridge = await loadPreload();
    expect(await bridge.files.openWithSystem({ path: '/etc/passwd' })).toEqual(result);
  });

  it('turns a failure before main answers into a result instead of a rejection', async () => {
    electron.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    const bridge = await loadPreload();
    expect(await bridge.app.info()).toEqual({
      ok: false,
      error: { code: 'failed', message: 'An object could not be cloned.' },
    });
  });
});
