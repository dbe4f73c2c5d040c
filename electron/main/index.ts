import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import {
  appEntryUrl,
  appOrigin,
  appScheme,
  createAppProtocolHandler,
  originOf,
} from './appProtocol';
import { createEventSender } from '#shared/ipc/events';
import { createLabelPrinters, labelPrintersFileName } from '../printing/labelPrinters';
import { createPrintService } from '../printing/printService';
import { createIpcRegistry } from './ipc';
import { registerIpcHandlers } from './ipcHandlers';
import { forwardMediaRequest, mediaScheme } from './mediaProtocol';
import {
  externalLinkToOpen,
  isPermissionGranted,
  isTrustedUrl,
  type TrustedOrigins,
} from './securityPolicy';
import { createWindowOptions } from './windowOptions';
import {
  placeOnVisibleDisplay,
  readWindowState,
  windowStateFileName,
  writeWindowStateNow,
} from './windowState';

// The dev server only in development: a packaged app always loads its own files.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const devServerOrigin = devServerUrl === undefined ? null : originOf(devServerUrl);
const trustedOrigins: TrustedOrigins = devServerOrigin ? [appOrigin, devServerOrigin] : [appOrigin];

// Privileges must be declared before 'ready'. `standard` gives app:// real origins (storage,
// relative URLs); `secure` makes it a secure context (camera, crypto.subtle).
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
    },
  },
  // A video still coming plays through main from the sync server; `stream` lets it seek by ranges.
  {
    scheme: mediaScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

let mainWindow: BrowserWindow | null = null;

async function createMainWindow(): Promise<BrowserWindow> {
  const stateFile = join(app.getPath('userData'), windowStateFileName);
  const state = placeOnVisibleDisplay(
    await readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), state }),
  );
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    try {
      writeWindowStateNow(stateFile, { ...bounds, isMaximized: window.isMaximized() });
    } catch (error) {
      console.warn('could not remember the window state', error);
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  await window.loadURL(devServerUrl ?? appEntryUrl);
  return window;
}

/** Navigation, new windows and webviews are refused for every page, present and future. */
function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      const external = externalLinkToOpen(event.url);
      if (external !== null && !isTrustedUrl(external, trustedOrigins))
        void shell.openExternal(external);
    });
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalLinkToOpen(url);
      if (external !== null) void shell.openExternal(external);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function guardPermissions(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, trustedOrigins)),
  );
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trustedOrigins),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(appScheme, createAppProtocolHandler(join(import.meta.dirname, '../renderer')));
  protocol.handle(mediaScheme, (request) =>
    forwardMediaRequest(request, (url, init) => net.fetch(url, init)),
  );
  guardPermissions();

  const dataFolder = join(app.getPath('userData'), 'station');
  await mkdir(dataFolder, { recursive: true });
  // The documents opened last time (receipts, PDFs) are not kept: their records are.
  const openFolder = join(app.getPath('temp'), 'Fixline-open');
  const labelPrinters = createLabelPrinters(join(app.getPath('userData'), labelPrintersFileName));
  await rm(openFolder, { recursive: true, force: true });
  registerIpcHandlers(createIpcRegistry({ ipcMain, trustedOrigins }), {
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      electronVersion: process.versions.electron,
      chromeVersion: process.versions.chrome,
    },
    dataFolder,
    saveFolder: app.getPath('documents'),
    openFolder,
    openPath: (file) => shell.openPath(file),
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    labelPrinters,
    printing: createPrintService({
      labelPrinters,
      // Only asked where there is no CUPS to list the queues.
      getSystemPrinters: async () => (mainWindow ? mainWindow.webContents.getPrintersAsync() : []),
    }),
    // Sync takes the proxy Chromium would, as the operating system's settings give it.
    sync: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
    // One window: batch progress goes to it, and is dropped while it is closed.
    sendEvent: createEventSender(
      (event, payload) => mainWindow?.webContents.send(event, payload),
      console.warn,
    ),
  });

  await createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
}

// A second launch hands over to the first: one window, one database connection.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  guardWebContents();
  start().catch((error: unknown) => {
    console.error('Fixline could not start', error);
    app.exit(1);
  });
} else {
  app.quit();
}
