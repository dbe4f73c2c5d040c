import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAccess } from '../../electron/main/fileAccess';
import { createIpcRegistry, type IpcInvokeEvent } from '../../electron/main/ipc';
import { registerIpcHandlers, type DesktopServices } from '../../electron/main/ipcHandlers';
import type { IpcChannel } from '../../shared/ipc/contract';

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => unknown;

let workspace: string;
let dataFolder: string;
let documents: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'fixline-handlers-'));
  dataFolder = join(workspace, 'station');
  documents = join(workspace, 'Documents');
  await mkdir(dataFolder);
  await mkdir(documents);
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** The desktop handlers behind a stand-in ipcMain, with the dialog and shell replaced. */
function desktop(options: { saveAs: string | null }) {
  const listeners = new Map<string, Listener>();
  const opened: string[] = [];
  const dialogs: { defaultPath: string }[] = [];
  const services: DesktopServices = {
    appInfo: {
      name: 'Fixline',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: '45.4.1',
      chromeVersion: '140.0.0.0',
    },
    dataFolder,
    saveFolder: documents,
    fileAccess: createFileAccess(dataFolder),
    openPath: async (file) => {
      opened.push(file);
      return '';
    },
    showSaveDialog: async (dialogOptions) => {
      dialogs.push(dialogOptions);
      return options.saveAs === null
        ? { canceled: true }
        : { canceled: false, filePath: options.saveAs };
    },
  };
  registerIpcHandlers(
    createIpcRegistry({
      ipcMain: { handle: (channel, listener) => listeners.set(channel, listener) },
      trustedOrigins: ['app://fixline'],
      report: () => {},
    }),
    services,
  );
  return {
    opened,
    dialogs,
    channels: [...listeners.keys()],
    invoke(channel: IpcChannel, ...args: unknown[]): unknown {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: { url: 'app://fixline/index.html' } }, ...args);
    },
  };
}

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract', () => {
    expect(desktop({ saveAs: null }).channels.sort()).toEqual([
      'fixline:app:info',
      'fixline:files:openWithSystem',
      'fixline:files:saveWithDialog',
      'fixline:station:dataFolder',
    ]);
  });

  it('writes the bytes where the user chose, proposing the name in the documents folder', async () => {
    const target = join(workspace, 'chosen', 'RMA-7.pdf');
    await mkdir(join(workspace, 'chosen'));
    const app = desktop({ saveAs: target });
    const answer = await app.invoke('fixline:files:saveWithDialog', {
      suggestedName: 'RMA-7.pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
    });
    expect(answer).toEqual({ ok: true, value: { outcome: 'saved', path: target } });
    expect(await readFile(target, 'utf8')).toBe('%PDF');
    expect(app.dialogs[0]?.defaultPath).toBe(join(documents, 'RMA-7.pdf'));
  });

  it('lets the renderer open the file the user just saved, outside the data folder', async () => {
    const target = join(workspace, 'RMA-7.pdf');
    const app = desktop({ saveAs: target });
    await app.invoke('fixline:files:saveWithDialog', {
      suggestedName: 'RMA-7.pdf',
      bytes: new Uint8Array(1),
    });
    expect(await app.invoke('fixline:files:openWithSystem', { path: target })).toEqual({
      ok: true,
      value: null,
    });
    expect(app.opened).toHaveLength(1);
  });

  it('answers canceled and writes nothing when the user closes the dialog', async () => {
    const app = desktop({ saveAs: null });
    const answer = await app.invoke('fixline:files:saveWithDialog', {
      suggestedName: 'RMA-7.pdf',
      bytes: new Uint8Array(1),
    });
    expect(answer).toEqual({ ok: true, value: { outcome: 'canceled' } });
  });

  it('refuses to open a file outside the data folder, without calling the shell', async () => {
    const outside = join(workspace, 'other.pdf');
    await writeFile(outside, 'x');
    const app = desktop({ saveAs: null });
    expect(await app.invoke('fixline:files:openWithSystem', { path: outside })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(app.opened).toEqual([]);
  });

  it('answers the data folder', async () => {
    expect(await desktop({ saveAs: null }).invoke('fixline:station:dataFolder')).toEqual({
      ok: true,
      value: { path: dataFolder },
    });
  });
});
