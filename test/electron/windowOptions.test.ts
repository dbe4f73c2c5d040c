import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/windowOptions';
import { defaultWindowState } from '../../electron/main/windowState';

const preloadPath = '/opt/Fixline/resources/app.asar/out/preload/index.cjs';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath, state: defaultWindowState });
  const web = options.webPreferences;

  it('runs the renderer sandboxed, isolated from the preload and without Node', () => {
    expect(web).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and refuses insecure content and webviews', () => {
    expect(web).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the given preload script', () => {
    expect(web?.preload).toBe(preloadPath);
  });

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false);
  });

  it('opens at the remembered size and position', () => {
    const placed = createWindowOptions({
      preloadPath,
      state: { width: 1200, height: 900, x: 40, y: 30, isMaximized: false },
    });
    expect(placed).toMatchObject({ width: 1200, height: 900, x: 40, y: 30 });
  });

  it('lets the system center a window that has no remembered position', () => {
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });
});
