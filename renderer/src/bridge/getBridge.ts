import type { FixlineBridge } from '#shared/ipc/bridge';
import { createWebBridge } from './webBridge';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent when the renderer runs in a browser. */
    readonly fixline?: FixlineBridge;
  }
}

let webBridge: FixlineBridge | undefined;

/**
 * The bridge to the desktop or the browser: `window.fixline` inside the desktop app, the web
 * implementation anywhere else. Callers may branch on `bridge.kind` and on nothing else.
 */
export function getBridge(): FixlineBridge {
  return window.fixline ?? (webBridge ??= createWebBridge());
}
