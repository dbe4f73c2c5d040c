import {
  createIpcRegistry,
  type IpcInvokeEvent,
  type IpcMainLike,
  type IpcSender,
} from '../../electron/main/ipc';
import { registerIpcHandlers, type DesktopServices } from '../../electron/main/ipcHandlers';
import type { AppInfo, IpcChannel } from '#shared/ipc/contract';

/**
 * Main's IPC as a test drives it, without Electron: a stand-in `ipcMain` that lets a test invoke
 * a channel as a window would, windows that can be closed, and the desktop handlers registered
 * on it with only what the test cares about replaced.
 */

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => unknown;

/** The app's own page, the one trusted origin of these tests. */
export const appPage = 'app://fixline/index.html';

/** What `fixline:app:info` answers in these tests. */
export const testAppInfo: AppInfo = {
  name: 'Fixline',
  version: '0.1.0',
  platform: 'linux',
  electronVersion: '45.4.1',
  chromeVersion: '140.0.0.0',
};

/** A window's web contents as main sees them; `close()` fires 'destroyed' as Electron does. */
export type FakeWindow = IpcSender & { close(): void };

let lastWindowId = 0;

/** A window with an id of its own. */
export function fakeWindow(): FakeWindow {
  const onDestroyed: (() => void)[] = [];
  return {
    id: (lastWindowId += 1),
    once(_event, listener) {
      onDestroyed.push(listener);
    },
    close() {
      for (const listener of onDestroyed.splice(0)) listener();
    },
  };
}

/** A stand-in for Electron's ipcMain. */
export function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      listeners.set(channel, listener);
    },
  };
  return {
    ipcMain,
    /** The channels that have a handler. */
    channels: () => [...listeners.keys()],
    /**
     * Calls `channel` as ipcRenderer.invoke would from `window`, in a frame at `url` (null for a
     * destroyed frame).
     */
    async invoke(
      channel: string,
      from: { window: IpcSender; url: string | null },
      ...args: unknown[]
    ): Promise<unknown> {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return listener(
        { sender: from.window, senderFrame: from.url === null ? null : { url: from.url } },
        ...args,
      );
    },
  };
}

/** The services every test must choose: the printers need files of the test's own. */
type RequiredServices = Pick<DesktopServices, 'labelPrinters' | 'printing'>;

/**
 * The desktop handlers behind a stand-in ipcMain. Services the test does not pass are inert: no
 * folder exists, the save dialog is closed, opening a file fails, events go nowhere.
 */
export function desktopHarness(services: RequiredServices & Partial<DesktopServices>) {
  const fake = fakeIpcMain();
  registerIpcHandlers(
    createIpcRegistry({
      ipcMain: fake.ipcMain,
      trustedOrigins: ['app://fixline'],
      report: () => {},
    }),
    {
      appInfo: testAppInfo,
      dataFolder: '/nonexistent',
      saveFolder: '/nonexistent',
      openFolder: '/nonexistent',
      openPath: async () => 'not in this test',
      showSaveDialog: async () => ({ canceled: true }),
      sendEvent: () => true,
      ...services,
    },
  );
  const mainWindow = fakeWindow();
  return {
    channels: fake.channels,
    /** The window calls come from unless a test names another. */
    mainWindow,
    /** Calls `channel` from the app's page in the main window. */
    invoke: (channel: IpcChannel, ...args: unknown[]) =>
      fake.invoke(channel, { window: mainWindow, url: appPage }, ...args),
    /** Calls `channel` from the app's page in `window`. */
    invokeFrom: (window: IpcSender, channel: IpcChannel, ...args: unknown[]) =>
      fake.invoke(channel, { window, url: appPage }, ...args),
  };
}
