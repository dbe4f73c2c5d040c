import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabelPrinters } from '../../electron/printing/labelPrinters';
import { createPrintService } from '../../electron/printing/printService';
import { ipcContract, maxSaveChunkBytes, resultSchema } from '#shared/ipc/contract';
import { saveFile, type SavingBridge } from '../../renderer/src/bridge/saveFile';
import { createWebBridge } from '../../renderer/src/bridge/webBridge';
import { desktopHarness, fakeWindow } from '../support/ipcHarness';

/**
 * Saves in pieces, as the renderer makes them (renderer/src/bridge/saveFile.ts) and as main
 * writes them (electron/main/fileSaves.ts), in real folders: what arrives, what is left behind
 * when a save stops, and who may touch a save.
 */

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'fixline-saves-'));
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** Main's handlers, whose save dialog answers `saveAs` (null: the user closes it). */
function desktop(saveAs: string | null, options: { saveIdleTimeoutMs?: number } = {}) {
  const dialogs: { defaultPath: string; filters: unknown }[] = [];
  const labelPrinters = createLabelPrinters(join(workspace, 'label-printers.json'));
  const harness = desktopHarness({
    saveFolder: join(workspace, 'Documents'),
    labelPrinters,
    printing: createPrintService({ labelPrinters }),
    showSaveDialog: async (dialogOptions) => {
      dialogs.push(dialogOptions);
      return saveAs === null ? { canceled: true } : { canceled: false, filePath: saveAs };
    },
    ...options,
  });
  return { ...harness, dialogs };
}

/** A bridge whose save calls go to main through the harness, answers checked by the contract. */
function bridgeTo(invoke: ReturnType<typeof desktop>['invoke']) {
  const pieces: number[] = [];
  const bridge: SavingBridge = {
    files: {
      beginSave: async (input) =>
        resultSchema(ipcContract['fixline:files:beginSave'].output).parse(
          await invoke('fixline:files:beginSave', input),
        ),
      writeChunk: async (input) => {
        pieces.push(input.bytes.byteLength);
        return resultSchema(ipcContract['fixline:files:writeChunk'].output).parse(
          await invoke('fixline:files:writeChunk', input),
        );
      },
      finishSave: async (input) =>
        resultSchema(ipcContract['fixline:files:finishSave'].output).parse(
          await invoke('fixline:files:finishSave', input),
        ),
      abortSave: async (input) =>
        resultSchema(ipcContract['fixline:files:abortSave'].output).parse(
          await invoke('fixline:files:abortSave', input),
        ),
    },
  };
  return { bridge, pieces };
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Begins a save into `target` from the main window and answers its id. */
async function begin(app: ReturnType<typeof desktop>): Promise<string> {
  const answer = resultSchema(ipcContract['fixline:files:beginSave'].output).parse(
    await app.invoke('fixline:files:beginSave', {
      documentType: 'backup',
      suggestedName: 'fixline-backup',
    }),
  );
  if (!answer.ok || answer.value.kind !== 'started')
    throw new Error(`the save did not start: ${JSON.stringify(answer)}`);
  return answer.value.saveId;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('a save in pieces, on the desktop', () => {
  it('saves 300 MB byte for byte, in pieces of at most 8 MiB', async () => {
    const target = join(workspace, 'fixline-backup.zip');
    const app = desktop(target);
    const { bridge, pieces } = bridgeTo(app.invoke);
    // Random bytes, and a size that is not a whole number of pieces.
    const content = randomBytes(300 * 1024 * 1024 + 12_345);
    const expected = createHash('sha256').update(content).digest('hex');

    const saved = await saveFile(bridge, {
      documentType: 'backup',
      suggestedName: 'fixline-backup',
      content: new Blob([content]),
    });

    expect(saved).toEqual({ ok: true, value: { outcome: 'saved', path: target } });
    expect(await sha256OfFile(target)).toBe(expected);
    expect(pieces).toHaveLength(Math.ceil(content.byteLength / maxSaveChunkBytes));
    expect(Math.max(...pieces)).toBe(maxSaveChunkBytes);
    expect(await readdir(workspace)).toEqual(['fixline-backup.zip']);
  }, 120_000);

  it('gives the file the extension and dialog filter of its type, whatever the page names it', async () => {
    const app = desktop(join(workspace, 'typed-by-user.exe'));
    const { bridge } = bridgeTo(app.invoke);
    const saved = await saveFile(bridge, {
      documentType: 'csv',
      suggestedName: 'fixline-parts.library-ms',
      content: new Blob(['sku,name\n']),
    });
    expect(saved).toEqual({
      ok: true,
      value: { outcome: 'saved', path: join(workspace, 'typed-by-user.exe.csv') },
    });
    expect(app.dialogs).toEqual([
      {
        defaultPath: join(workspace, 'Documents', 'fixline-parts.library-ms.csv'),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
    ]);
  });

  it('answers cancelled and writes nothing when the user closes the dialog', async () => {
    const app = desktop(null);
    expect(
      await app.invoke('fixline:files:beginSave', { documentType: 'pdf', suggestedName: 'RMA-7' }),
    ).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(await readdir(workspace)).toEqual([]);
  });

  it('saves an empty file', async () => {
    const target = join(workspace, 'empty.csv');
    const { bridge } = bridgeTo(desktop(target).invoke);
    expect(
      await saveFile(bridge, { documentType: 'csv', suggestedName: 'empty', content: new Blob() }),
    ).toEqual({ ok: true, value: { outcome: 'saved', path: target } });
    expect(await readFile(target, 'utf8')).toBe('');
  });

  it('keeps the old file whole until the save finishes, then replaces it in one step', async () => {
    const target = join(workspace, 'fixline-backup.zip');
    await writeFile(target, 'last week');
    const app = desktop(target);
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 0, bytes: bytesOf('this ') });
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 5, bytes: bytesOf('week') });

    expect(await readFile(target, 'utf8')).toBe('last week');
    const files = await readdir(workspace);
    expect(files).toHaveLength(2);
    expect(files.find((name) => name !== 'fixline-backup.zip')).toMatch(
      /^\.fixline-backup\.zip\.[0-9a-f]{8}\.fixline-partial$/,
    );

    expect(await app.invoke('fixline:files:finishSave', { saveId, byteLength: 9 })).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('this week');
    expect(await readdir(workspace)).toEqual(['fixline-backup.zip']);
  });

  it('leaves no file behind when a save is aborted, and the target as it was', async () => {
    const target = join(workspace, 'fixline-backup.zip');
    await writeFile(target, 'last week');
    const app = desktop(target);
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 0, bytes: bytesOf('half') });

    expect(await app.invoke('fixline:files:abortSave', { saveId })).toEqual({
      ok: true,
      value: null,
    });
    expect(await readdir(workspace)).toEqual(['fixline-backup.zip']);
    expect(await readFile(target, 'utf8')).toBe('last week');
    expect(
      await app.invoke('fixline:files:writeChunk', { saveId, offset: 4, bytes: bytesOf('x') }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a piece out of order or sent twice, and takes the right one after', async () => {
    const target = join(workspace, 'out-of-order.zip');
    const app = desktop(target);
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 0, bytes: bytesOf('first,') });

    for (const offset of [12, 0, 5])
      expect(
        await app.invoke('fixline:files:writeChunk', { saveId, offset, bytes: bytesOf('x') }),
      ).toEqual({
        ok: false,
        error: {
          code: 'not-allowed',
          message: `save ${saveId} holds 6 bytes, so the next piece starts at byte 6, not ${offset}`,
        },
      });

    expect(
      await app.invoke('fixline:files:writeChunk', { saveId, offset: 6, bytes: bytesOf('second') }),
    ).toEqual({ ok: true, value: { bytesWritten: 12 } });
    await app.invoke('fixline:files:finishSave', { saveId, byteLength: 12 });
    expect(await readFile(target, 'utf8')).toBe('first,second');
  });

  it("refuses another window's save as if it did not exist, and the save goes on", async () => {
    const target = join(workspace, 'mine.zip');
    const app = desktop(target);
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 0, bytes: bytesOf('mine') });
    const other = fakeWindow();

    const notFound = {
      ok: false,
      error: {
        code: 'not-found',
        message: `no save ${saveId} is open in this window: it was finished, aborted or never begun here`,
      },
    };
    expect(
      await app.invokeFrom(other, 'fixline:files:writeChunk', {
        saveId,
        offset: 4,
        bytes: bytesOf('theirs'),
      }),
    ).toEqual(notFound);
    expect(
      await app.invokeFrom(other, 'fixline:files:finishSave', { saveId, byteLength: 4 }),
    ).toEqual(notFound);
    expect(await app.invokeFrom(other, 'fixline:files:abortSave', { saveId })).toEqual(notFound);

    expect(await app.invoke('fixline:files:finishSave', { saveId, byteLength: 4 })).toMatchObject({
      ok: true,
    });
    expect(await readFile(target, 'utf8')).toBe('mine');
  });

  it('refuses to finish a save that lacks bytes, and writes no target', async () => {
    const target = join(workspace, 'short.zip');
    const app = desktop(target);
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', {
      saveId,
      offset: 0,
      bytes: bytesOf('0123456789'),
    });

    expect(await app.invoke('fixline:files:finishSave', { saveId, byteLength: 20 })).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: `save ${saveId} holds 10 of 20 bytes: send the rest, or abort it`,
      },
    });
    expect(await readdir(workspace)).not.toContain('short.zip');
  });

  it('drops the saves of a window when it closes', async () => {
    const app = desktop(join(workspace, 'closed.zip'));
    const saveId = await begin(app);
    await app.invoke('fixline:files:writeChunk', { saveId, offset: 0, bytes: bytesOf('half') });
    expect(await readdir(workspace)).toHaveLength(1);

    app.mainWindow.close();
    await vi.waitFor(async () => expect(await readdir(workspace)).toEqual([]));
    expect(
      await app.invoke('fixline:files:writeChunk', { saveId, offset: 4, bytes: bytesOf('x') }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('drops a save that receives nothing for too long (its page was reloaded)', async () => {
    const app = desktop(join(workspace, 'idle.zip'), { saveIdleTimeoutMs: 50 });
    const saveId = await begin(app);
    await vi.waitFor(async () => expect(await readdir(workspace)).toEqual([]));
    expect(await app.invoke('fixline:files:finishSave', { saveId, byteLength: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('removes the hidden files of saves a crash stopped over an hour ago, and keeps the rest', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    const stale = join(workspace, '.fixline-backup.zip.0a1b2c3d.fixline-partial');
    const young = join(workspace, '.RMA-7.pdf.4e5f6a7b.fixline-partial');
    const someoneElses = join(workspace, '.hidden-notes');
    for (const path of [stale, young, someoneElses]) await writeFile(path, 'half');
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await utimes(someoneElses, twoHoursAgo, twoHoursAgo);
    const app = desktop(join(workspace, 'RMA-8.pdf'));
    await begin(app);
    const left = await readdir(workspace);
    expect(left).not.toContain('.fixline-backup.zip.0a1b2c3d.fixline-partial');
    expect(left).toEqual(
      expect.arrayContaining(['.RMA-7.pdf.4e5f6a7b.fixline-partial', '.hidden-notes']),
    );
  });

  it('refuses a fifth open save before showing the dialog', async () => {
    const app = desktop(join(workspace, 'many.zip'));
    for (let save = 0; save < 4; save += 1) await begin(app);
    expect(
      await app.invoke('fixline:files:beginSave', { documentType: 'pdf', suggestedName: 'RMA-7' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: '4 saves are already open: let one finish, then save again',
      },
    });
    expect(app.dialogs).toHaveLength(4);
  });

  it('refuses a piece over 8 MiB, and an empty one', async () => {
    const app = desktop(join(workspace, 'big.zip'));
    const saveId = await begin(app);
    for (const size of [maxSaveChunkBytes + 1, 0])
      expect(
        await app.invoke('fixline:files:writeChunk', {
          saveId,
          offset: 0,
          bytes: new Uint8Array(size),
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('aborts the save when a piece is refused, leaving no file behind', async () => {
    const target = join(workspace, 'refused.zip');
    const app = desktop(target);
    const { bridge } = bridgeTo(app.invoke);
    const aborted: string[] = [];
    const failing: SavingBridge = {
      files: {
        ...bridge.files,
        // The second piece fails as a full disk would.
        writeChunk: async (input) =>
          input.offset === 0
            ? bridge.files.writeChunk(input)
            : { ok: false, error: { code: 'failed', message: 'ENOSPC: no space left on device' } },
        abortSave: async (input) => {
          aborted.push(input.saveId);
          return bridge.files.abortSave(input);
        },
      },
    };
    const saved = await saveFile(failing, {
      documentType: 'backup',
      suggestedName: 'refused',
      content: new Blob([new Uint8Array(maxSaveChunkBytes + 1)]),
    });
    expect(saved).toEqual({
      ok: false,
      error: { code: 'failed', message: 'ENOSPC: no space left on device' },
    });
    expect(aborted).toHaveLength(1);
    expect(await readdir(workspace)).toEqual([]);
  });
});

describe('a save in pieces, in a browser', () => {
  /** The web bridge, recording its downloads. */
  function web() {
    const downloads: { blob: Blob; fileName: string }[] = [];
    const bridge = createWebBridge({
      version: '0.1.0',
      userAgent: '',
      userAgentData: undefined,
      download: (blob, fileName) => downloads.push({ blob, fileName }),
      report: () => {},
      renderDocuments: () => Promise.reject(new Error('not in this test')),
      openForPrinting: () => {},
      openInNewTab: () => {},
    });
    return { bridge, downloads };
  }

  it('downloads the pieces as one file, byte for byte, named with its type', async () => {
    const { bridge, downloads } = web();
    const content = randomBytes(2 * maxSaveChunkBytes + 7);
    expect(
      await saveFile(bridge, {
        documentType: 'backup',
        suggestedName: 'fixline-backup',
        content: new Blob([content]),
      }),
    ).toEqual({ ok: true, value: { outcome: 'saved', path: 'fixline-backup.zip' } });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.fileName).toBe('fixline-backup.zip');
    expect(
      Buffer.from(await (downloads[0]?.blob ?? new Blob()).arrayBuffer()).equals(content),
    ).toBe(true);
  });

  it('refuses a piece out of order and a short finish as the desktop does, and downloads nothing after an abort', async () => {
    const { bridge, downloads } = web();
    const begun = await bridge.files.beginSave({ documentType: 'csv', suggestedName: 'parts' });
    if (!begun.ok || begun.value.kind !== 'started') throw new Error('the save did not start');
    const { saveId } = begun.value;
    await bridge.files.writeChunk({ saveId, offset: 0, bytes: bytesOf('sku') });
    expect(await bridge.files.writeChunk({ saveId, offset: 0, bytes: bytesOf('sku') })).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: `save ${saveId} holds 3 bytes, so the next piece starts at byte 3, not 0`,
      },
    });
    expect(await bridge.files.finishSave({ saveId, byteLength: 4 })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await bridge.files.abortSave({ saveId })).toEqual({ ok: true, value: null });
    expect(await bridge.files.finishSave({ saveId, byteLength: 3 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(downloads).toEqual([]);
  });
});
