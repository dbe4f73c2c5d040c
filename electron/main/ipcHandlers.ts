import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentRequest } from '#shared/documents';
import {
  maxOpenSaves,
  maxQueuedBatches,
  type AppInfo,
  type PrintTarget,
  type SavedFileType,
} from '#shared/ipc/contract';
import type { IpcEventSender } from '#shared/ipc/events';
import { looksLike, openedFileTypes, savedFileTypes, withExtension } from '#shared/ipc/fileTypes';
import type { LabelPrinters } from '../printing/labelPrinters';
import { createPrintQueue } from '../printing/printQueue';
import type { PrintService } from '../printing/printService';
import { createFileSaves } from './fileSaves';
import { IpcRefusal, type IpcRegistry, type IpcSender } from './ipc';
import { registerSyncHandlers, type SyncChannelOptions } from './syncChannel';

/** The Electron calls the handlers make, injected so they run under Node in tests. */
export type DesktopServices = {
  appInfo: AppInfo;
  /** Where the station keeps its files; created before the handlers are registered. */
  dataFolder: string;
  /** Where the save dialog starts (the user's documents). */
  saveFolder: string;
  /**
   * Where main writes the documents it opens for the renderer (a folder of the system's
   * temporary folder, emptied when the app starts).
   */
  openFolder: string;
  /** shell.openPath: resolves to '' on success, or to the system's error message. */
  openPath: (file: string) => Promise<string>;
  /** dialog.showSaveDialog on the main window. */
  showSaveDialog: (options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }) => Promise<{ canceled: boolean; filePath?: string }>;
  /** Renders and prints documents (CUPS, raw ZPL) and lists the printers. */
  printing: PrintService;
  /** The station's network label printers, kept by main. */
  labelPrinters: LabelPrinters;
  /** Sends an event to the app's window, checked against the contract. */
  sendEvent: IpcEventSender;
  /** Makes print batch ids; crypto.randomUUID by default. */
  newId?: () => string;
  /** Least time between two progress events of a batch; 250 ms by default. */
  progressIntervalMs?: number;
  /** A save that receives nothing for this long is dropped; 10 minutes by default. */
  saveIdleTimeoutMs?: number;
  /**
   * The sync channel's proxy lookup (session.resolveProxy in the app), network, timeouts and
   * reconnect timing; the defaults unless set.
   */
  sync?: Pick<SyncChannelOptions, 'resolveProxy' | 'eventStreamTiming' | 'timeouts' | 'fetchSync'>;
};

/** A save dropped after this long without a piece: its page was reloaded or crashed. */
const defaultSaveIdleTimeoutMs = 10 * 60 * 1000;

/** Registers the desktop implementation of every channel of the contract. */
export function registerIpcHandlers(registry: IpcRegistry, services: DesktopServices): void {
  const { printing } = services;
  const printQueue = createPrintQueue<{ request: DocumentRequest; target: PrintTarget }>({
    printJob: ({ request, target }) => printing.print(request, target),
    onProgress: (progress) => services.sendEvent('fixline:printing:progress', progress),
    newId: services.newId ?? randomUUID,
    maxPendingBatches: maxQueuedBatches,
    ...(services.progressIntervalMs === undefined
      ? {}
      : { progressIntervalMs: services.progressIntervalMs }),
  });

  const fileSaves = createFileSaves({
    maxOpen: maxOpenSaves,
    idleTimeoutMs: services.saveIdleTimeoutMs ?? defaultSaveIdleTimeoutMs,
  });
  /** Windows whose closing already drops their saves. */
  const watchedSenders = new Set<number>();
  function dropSavesWhenClosed(sender: IpcSender): void {
    if (watchedSenders.has(sender.id)) return;
    watchedSenders.add(sender.id);
    sender.once('destroyed', () => {
      watchedSenders.delete(sender.id);
      void fileSaves.abortAllOf(sender.id);
    });
  }

  /**
   * Asks where to save a file of `type`, proposing `suggestedName` in the documents folder;
   * answers the file with the type's extension, or null when the user closed the dialog.
   */
  async function chooseTarget(type: SavedFileType, suggestedName: string) {
    const { extension, filterName } = savedFileTypes[type];
    const choice = await services.showSaveDialog({
      defaultPath: join(services.saveFolder, withExtension(suggestedName, extension)),
      filters: [{ name: filterName, extensions: [extension] }],
    });
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
    // A name typed with another extension still gets the type's own.
    return withExtension(choice.filePath, extension);
  }

  registry.handle('fixline:app:info', () => services.appInfo);

  registry.handle('fixline:station:dataFolder', () => ({ path: services.dataFolder }));

  registry.handle(
    'fixline:files:beginSave',
    async ({ documentType, suggestedName }, { sender }) => {
      // Refused before the dialog: the user is not asked for a file that cannot be saved.
      if (fileSaves.isFull())
        throw new IpcRefusal(
          'not-allowed',
          `${maxOpenSaves} saves are already open: let one finish, then save again`,
        );
      const target = await chooseTarget(documentType, suggestedName);
      if (target === null) return { kind: 'cancelled' };
      dropSavesWhenClosed(sender);
      return { kind: 'started', saveId: await fileSaves.begin(target, sender.id) };
    },
  );

  registry.handle('fixline:files:writeChunk', async ({ saveId, offset, bytes }, { sender }) => ({
    bytesWritten: await fileSaves.write(saveId, sender.id, offset, bytes),
  }));

  registry.handle('fixline:files:finishSave', async ({ saveId, byteLength }, { sender }) => ({
    path: await fileSaves.finish(saveId, sender.id, byteLength),
  }));

  registry.handle('fixline:files:abortSave', async ({ saveId }, { sender }) => {
    await fileSaves.abort(saveId, sender.id);
    return null;
  });

  registry.handle('fixline:files:openDocument', async ({ name, type, bytes }) => {
    if (!looksLike(type, bytes))
      throw new IpcRefusal('invalid-input', `bytes: the file is not a ${type.toUpperCase()}`);
    // A folder per document, so two with the same name never overwrite each other.
    const folder = join(services.openFolder, randomUUID());
    await mkdir(folder, { recursive: true });
    const file = join(folder, withExtension(name, openedFileTypes[type].extension));
    await writeFile(file, bytes);
    const errorMessage = await services.openPath(file);
    if (errorMessage !== '') throw new Error(errorMessage);
    return null;
  });

  registry.handle('fixline:documents:render', async (request) => {
    // A plain Uint8Array of its own: what the renderer receives, whatever Buffer pool held it.
    return { pdf: new Uint8Array(await printing.render(request)) };
  });

  registry.handle('fixline:printing:listPrinters', () => printing.listPrinters());

  registry.handle('fixline:printing:print', ({ target, ...request }) =>
    printing.print(request, target),
  );

  registry.handle('fixline:printing:printBatch', ({ jobs, target }) => {
    const batchId = printQueue.start(jobs.map((request) => ({ request, target })));
    if (batchId === undefined)
      throw new IpcRefusal(
        'not-allowed',
        `${maxQueuedBatches} print batches are already waiting: let one finish, or cancel one, then print again`,
      );
    return { batchId };
  });

  registry.handle('fixline:printers:listLabelPrinters', () => services.labelPrinters.list());

  registry.handle('fixline:printers:addLabelPrinter', (input) => services.labelPrinters.add(input));

  registry.handle('fixline:printers:removeLabelPrinter', async ({ id }) => {
    await services.labelPrinters.remove(id);
    return null;
  });

  registerSyncHandlers(registry, { ...services.sync, sendEvent: services.sendEvent });

  registry.handle('fixline:printing:cancelBatch', ({ batchId }) => {
    if (!printQueue.cancel(batchId))
      throw new IpcRefusal(
        'not-found',
        `no print batch ${batchId} is waiting or printing: it has finished or never started`,
      );
    return null;
  });
}
