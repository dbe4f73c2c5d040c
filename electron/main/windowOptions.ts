import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './windowState';

/**
 * The main window's options. The web preferences are the security baseline of the app: the
 * renderer runs sandboxed, isolated from the preload, without Node, and reaches the desktop
 * only through `window.fixline`.
 */
export function createWindowOptions(options: {
  preloadPath: string;
  state: WindowState;
}): BrowserWindowConstructorOptions {
  const { preloadPath, state } = options;
  return {
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 800,
    minHeight: 600,
    title: 'Fixline',
    // Shown on 'ready-to-show', so the technician never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
