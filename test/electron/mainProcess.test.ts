import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerJson, startSyncTestServer } from '../support/syncTestServer';

/**
 * electron/main/index.ts wired to a stand-in Electron: what it registers, how the window is
 * made, and that the guards reach every web contents. The decisions themselves are tested in
 * their own files; this checks that index.ts uses them.
 */

type Listener = (...args: unknown[]) => unknown;
type NavigationEvent = { url: string; preventDefault: () => void };
type WindowOpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type InvokeListener = (
  event: { senderFrame: { url: string } | null },
  ...args: unknown[]
) => unknown;

type WindowRecord = { options: unknown; loadedUrl: string | null };

/** What the stand-in Electron records. */
type FakeElectronState = {
  hasLock: boolean;
  userData: string;
  appListeners: Map<string, Listener>;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, unknown>;
  ipcListeners: Map<string, InvokeListener>;
  windows: WindowRecord[];
  openedExternally: string[];
  quitCalls: number;
  permissionRequestHandler: PermissionRequestHandler | null;
  /** The URLs main asked the default session the proxy of. */
  proxyLookups: string[];
};

const electron = vi.hoisted(() => {
  const state: FakeElectronState = {
    hasLock: true,
    userData: '',
    appListeners: new Map(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcListeners: new Map(),
    windows: [],
    openedExternally: [],
    quitCalls: 0,
    permissionRequestHandler: null,
    proxyLookups: [],
  };

  class FakeBrowserWindow {
    readonly record: WindowRecord;
    constructor(options: unknown) {
      this.record = { options, loadedUrl: null };
      state.windows.push(this.record);
    }
    static getAllWindows() {
      return state.windows;
    }
    maximize() {}
    once() {}
    on() {}
    async loadURL(url: string) {
      this.record.loadedUrl = url;
    }
  }

  return {
    state,
    module: {
      app: {
        get isPackaged() {
          return true;
        },
        requestSingleInstanceLock: () => state.hasLock,
        on: (name: string, listener: Listener) => state.appListeners.set(name, listener),
        quit: () => {
          state.quitCalls += 1;
        },
        exit: () => {},
        whenReady: () => Promise.resolve(),
        getPath: () => state.userData,
        getName: () => 'Fixline',
        getVersion: () => '0.1.0',
      },
      BrowserWindow: FakeBrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) =>
          state.privilegedSchemes.push(...schemes),
        handle: (scheme: string, handler: unknown) => state.protocolHandlers.set(scheme, handler),
      },
      ipcMain: {
        handle: (channel: string, listener: InvokeListener) =>
          state.ipcListeners.set(channel, listener),
      },
      screen: { getAllDisplays: () => [] },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
            state.permissionRequestHandler = handler;
          },
          setPermissionCheckHandler: () => {},
          resolveProxy: async (url: string) => {
            state.proxyLookups.push(url);
            return 'DIRECT';
          },
        },
      },
      shell: {
        openExternal: async (url: string) => {
          state.openedExternally.push(url);
        },
        openPath: async () => '',
      },
      dialog: { showSaveDialog: async () => ({ canceled: true }) },
    },
  };
});

vi.mock('electron', () => electron.module);

const { state } = electron;

beforeEach(async () => {
  state.hasLock = true;
  state.userData = await mkdtemp(join(tmpdir(), 'fixline-userdata-'));
  state.appListeners.clear();
  state.privilegedSchemes.length = 0;
  state.protocolHandlers.clear();
  state.ipcListeners.clear();
  state.windows.length = 0;
  state.openedExternally.length = 0;
  state.quitCalls = 0;
  state.permissionRequestHandler = null;
  state.proxyLookups.length = 0;
  vi.resetModules();
  // Refusals are logged with console.warn; kept out of the test output.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(state.userData, { recursive: true, force: true });
});

/** Imports main afresh and waits until it has opened its window. */
async function startMain(): Promise<void> {
  await import('../../electron/main/index');
  await vi.waitFor(() =>
    expect(state.windows.map((window) => window.loadedUrl)).toEqual([expect.any(String)]),
  );
}

/** A web contents as Electron would hand it to 'web-contents-created'. */
function createdWebContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let windowOpenHandler: WindowOpenHandler | null = null;
  const contents = {
    on: (name: string, listener: (event: NavigationEvent) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      windowOpenHandler = handler;
    },
  };
  const created = state.appListeners.get('web-contents-created');
  if (created === undefined) throw new Error('main does not guard new web contents');
  created({}, contents);
  return {
    navigate(name: string, url: string): boolean {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    },
    openWindow(url: string) {
      return windowOpenHandler?.({ url });
    },
  };
}

describe('the main process', () => {
  it('declares app:// and fixline-media:// standard, secure schemes before the app is ready', async () => {
    await startMain();
    expect(state.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
      // A video plays from it while it downloads: `stream` lets the player seek by ranges.
      expect.objectContaining({
        scheme: 'fixline-media',
        privileges: expect.objectContaining({ standard: true, secure: true, stream: true }),
      }),
    ]);
    expect(state.protocolHandlers.has('app')).toBe(true);
    expect(state.protocolHandlers.has('fixline-media')).toBe(true);
  });

  it('opens one sandboxed window on the app:// entry page', async () => {
    await startMain();
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]).toMatchObject({
      loadedUrl: 'app://fixline/index.html',
      options: {
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      },
    });
  });

  it('hands over to the running instance instead of starting a second one', async () => {
    state.hasLock = false;
    await import('../../electron/main/index');
    expect(state.quitCalls).toBe(1);
    expect(state.windows).toEqual([]);
  });

  it('handles every channel of the contract through the checked registry', async () => {
    await startMain();
    expect([...state.ipcListeners.keys()].sort()).toEqual([
      'fixline:app:info',
      'fixline:documents:render',
      'fixline:files:abortSave',
      'fixline:files:beginSave',
      'fixline:files:finishSave',
      'fixline:files:openDocument',
      'fixline:files:writeChunk',
      'fixline:printers:addLabelPrinter',
      'fixline:printers:listLabelPrinters',
      'fixline:printers:removeLabelPrinter',
      'fixline:printing:cancelBatch',
      'fixline:printing:listPrinters',
      'fixline:printing:print',
      'fixline:printing:printBatch',
      'fixline:station:dataFolder',
      'fixline:sync:blobChunk',
      'fixline:sync:blobHead',
      'fixline:sync:blobRange',
      'fixline:sync:blobStanding',
      'fixline:sync:blobTicket',
      'fixline:sync:closeEvents',
      'fixline:sync:openEvents',
      'fixline:sync:request',
    ]);
    const listener = state.ipcListeners.get('fixline:station:dataFolder');
    expect(await listener?.({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await listener?.({ senderFrame: { url: 'app://fixline/index.html' } })).toEqual({
      ok: true,
      value: { path: join(state.userData, 'station') },
    });
  });

  it('sends sync requests the way the default session names for their server', async () => {
    const sync = await startSyncTestServer((_request, response) => answerJson(response, 200, {}));
    try {
      await startMain();
      const request = state.ipcListeners.get('fixline:sync:request');
      const answer = await request?.(
        { senderFrame: { url: 'app://fixline/index.html' } },
        { serverUrl: sync.url, route: 'hello' },
      );
      expect(answer).toMatchObject({ ok: true, value: { kind: 'answered', status: 200 } });
      expect(state.proxyLookups).toEqual([`${sync.url}/`]);
    } finally {
      await sync.close();
    }
  });

  it('stops every navigation, sending only https links to the system browser', async () => {
    await startMain();
    const contents = createdWebContents();
    expect(contents.navigate('will-navigate', 'https://example.com/help')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://fixline/other.html')).toBe(true);
    expect(state.openedExternally).toEqual(['https://example.com/help']);
  });

  it('denies every new window', async () => {
    await startMain();
    const contents = createdWebContents();
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://fixline/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', async () => {
    await startMain();
    expect(createdWebContents().navigate('will-attach-webview', 'app://fixline/')).toBe(true);
  });

  it('grants the camera to the app and nothing else to anyone', async () => {
    await startMain();
    const decide = (permission: string, requestingUrl: string) =>
      new Promise<boolean>((resolve) =>
        state.permissionRequestHandler?.({}, permission, resolve, { requestingUrl }),
      );
    expect(await decide('media', 'app://fixline/index.html')).toBe(true);
    expect(await decide('media', 'https://evil.example/')).toBe(false);
    expect(await decide('geolocation', 'app://fixline/index.html')).toBe(false);
  });
});
