import { v4 as uuidv4 } from 'uuid';
import { z } from 'zod';
import { answerCall, IpcRefusal, type IpcCallHandler } from '#shared/ipc/answer';
import type { BridgeMethod, FixlineBridge } from '#shared/ipc/bridge';
import type { DocumentRequest } from '#shared/documents';
import {
  maxOpenSaves,
  type IpcChannel,
  type IpcEventPayload,
  type PrintProgress,
} from '#shared/ipc/contract';
import type { IpcEventName } from '#shared/ipc/eventNames';
import { openedFileTypes, savedFileTypes, withExtension } from '#shared/ipc/fileTypes';
import { blobRequestsOver } from '#shared/sync/blobHttp';
import {
  followEventStream,
  sendSyncRequest,
  type EventStreamTiming,
  type SyncFetch,
  type SyncTimeouts,
} from '#shared/sync/syncHttp';
import { openPdfForPrinting } from '../documents/openPdfForPrinting';
import { renderInWorker, type WorkerRenderResult } from '../documents/renderInWorker';
import { webSchedule, webSyncFetch } from './webSyncFetch';

// Replaced by the build (`define` in the Vite config); absent under a bare test runner.
declare const __FIXLINE_VERSION__: string | undefined;

/** The app's version as the build stamped it, or "unknown" when the build did not. */
export const builtVersion =
  typeof __FIXLINE_VERSION__ === 'string' ? __FIXLINE_VERSION__ : 'unknown';

/** What the web bridge needs from the browser; tests pass their own. */
export type WebEnvironment = {
  /** The app's version, e.g. "0.1.0". */
  readonly version: string;
  /** `navigator.userAgent`. */
  readonly userAgent: string;
  /** `navigator.userAgentData` where the browser has it (Chromium), else undefined. */
  readonly userAgentData: unknown;
  /** Hands `blob` to the browser as a download named `fileName`. */
  readonly download: (blob: Blob, fileName: string) => void;
  /** Where failures are reported for the console. */
  readonly report: (message: string) => void;
  /** Draws documents into one PDF, off the page's thread (a Web Worker in a browser). */
  readonly renderDocuments: (requests: readonly DocumentRequest[]) => Promise<WorkerRenderResult>;
  /** Opens a PDF in the browser's print dialog, where the person chooses the printer. */
  readonly openForPrinting: (pdf: Uint8Array, title: string) => void;
  /** Shows `blob` (a PDF, a picture) in a new tab. */
  readonly openInNewTab: (blob: Blob) => void;
  /** The network for sync: the page's fetch unless a test passes another. */
  readonly fetchSync?: SyncFetch;
  /** How the poke stream reconnects; the defaults unless a test wants it faster. */
  readonly syncEventStreamTiming?: EventStreamTiming;
  /** How long a sync request may take; the defaults unless a test wants it shorter. */
  readonly syncTimeouts?: SyncTimeouts;
};

const userAgentDataSchema = z.object({
  brands: z.array(z.object({ brand: z.string(), version: z.string() })),
});

/**
 * Chromium's version: from User-Agent Client Hints when the browser offers them (major version
 * only, e.g. "140"), else from the user-agent string ("140.0.0.0"), else null (Firefox, Safari).
 */
export function chromeVersionFrom(userAgentData: unknown, userAgent: string): string | null {
  const hints = userAgentDataSchema.safeParse(userAgentData);
  const chromium = hints.success
    ? hints.data.brands.find((entry) => entry.brand === 'Chromium')
    : undefined;
  if (chromium !== undefined) return chromium.version;
  return /\b(?:Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1] ?? null;
}

/** Downloads through a hidden `<a download>`, the one way a page can write a file. */
export function downloadWithAnchor(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later rather than now: some browsers fetch the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens `blob` in a new tab, which the browser shows with its own viewer. */
export function openBlobInNewTab(blob: Blob): void {
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  // The new tab has read the blob by then; free it without holding it for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The environment of the page the renderer runs in. */
export function browserEnvironment(): WebEnvironment {
  return {
    version: builtVersion,
    userAgent: navigator.userAgent,
    userAgentData: 'userAgentData' in navigator ? navigator.userAgentData : undefined,
    download: downloadWithAnchor,
    report: console.warn,
    renderDocuments: renderInWorker,
    openForPrinting: openPdfForPrinting,
    openInNewTab: openBlobInNewTab,
  };
}

/**
 * The bridge for a browser: the same contract as the desktop, answered in the page. Inputs and
 * outputs go through the contract like they do in main, so a call the desktop would refuse is
 * refused here too, with the same message.
 */
export function createWebBridge(environment: WebEnvironment = browserEnvironment()): FixlineBridge {
  function method<Channel extends IpcChannel>(
    channel: Channel,
    handler: IpcCallHandler<Channel>,
  ): BridgeMethod<Channel> {
    return (...input) => answerCall(channel, input, handler, environment.report);
  }

  /** Renders in the worker; data that cannot make the document is refused like main refuses it. */
  async function renderPdf(requests: readonly DocumentRequest[]): Promise<Uint8Array<ArrayBuffer>> {
    const rendered = await environment.renderDocuments(requests);
    if (rendered.ok) return rendered.pdf;
    throw new IpcRefusal(rendered.invalid ? 'invalid-input' : 'failed', rendered.message);
  }

  /**
   * Saves in progress, by id: the pieces as Blobs, which the browser may keep on disk, so a
   * large backup is not held in the page's memory while it arrives.
   */
  const saves = new Map<string, { fileName: string; parts: Blob[]; received: number }>();

  function openSave(saveId: string) {
    const save = saves.get(saveId);
    if (save === undefined)
      throw new IpcRefusal(
        'not-found',
        `no save ${saveId} is open in this window: it was finished, aborted or never begun here`,
      );
    return save;
  }

  /** The listeners of each event the page itself sends (main sends them on the desktop). */
  const eventListeners: {
    readonly [Event in IpcEventName]: Set<(payload: IpcEventPayload<Event>) => void>;
  } = { 'fixline:printing:progress': new Set(), 'fixline:sync:event': new Set() };
  function emit<Event extends IpcEventName>(event: Event, payload: IpcEventPayload<Event>): void {
    for (const listener of eventListeners[event]) listener(payload);
  }
  let batchCount = 0;

  const fetchSync = environment.fetchSync ?? webSyncFetch;
  const syncStreams = new Map<string, { readonly close: () => void }>();
  const blobRequests = blobRequestsOver(fetchSync);

  /** A print job's title, which the print dialog shows: `RMA-JKT1-000042 rma-slip`. */
  const titleOf = (request: DocumentRequest) => `${request.data.claim.rmaNumber} ${request.kind}`;

  return {
    kind: 'web',
    // A batch's progress and the poke streams' events, which the browser build sends itself.
    on: (event, listener) => {
      const listeners = eventListeners[event];
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    app: {
      info: method('fixline:app:info', () => ({
        name: 'Fixline',
        version: environment.version,
        platform: 'web',
        electronVersion: null,
        chromeVersion: chromeVersionFrom(environment.userAgentData, environment.userAgent),
      })),
    },
    station: {
      // Records and attachments live in IndexedDB: there is no folder to show.
      dataFolder: method('fixline:station:dataFolder', () => ({ path: 'browser storage' })),
    },
    files: {
      // The browser has no save dialog: the download names the file, the browser picks the folder.
      beginSave: method('fixline:files:beginSave', ({ documentType, suggestedName }) => {
        if (saves.size >= maxOpenSaves)
          throw new IpcRefusal(
            'not-allowed',
            `${maxOpenSaves} saves are already open: let one finish, then save again`,
          );
        const saveId = uuidv4();
        const fileName = withExtension(suggestedName, savedFileTypes[documentType].extension);
        saves.set(saveId, { fileName, parts: [], received: 0 });
        return { kind: 'started', saveId };
      }),
      writeChunk: method('fixline:files:writeChunk', ({ saveId, offset, bytes }) => {
        const save = openSave(saveId);
        if (offset !== save.received)
          throw new IpcRefusal(
            'not-allowed',
            `save ${saveId} holds ${save.received} bytes, so the next piece starts at byte ${save.received}, not ${offset}`,
          );
        // A copy, so the Blob holds its own ArrayBuffer (the input may view a shared one).
        save.parts.push(new Blob([bytes.slice()]));
        save.received += bytes.byteLength;
        return { bytesWritten: save.received };
      }),
      finishSave: method('fixline:files:finishSave', ({ saveId, byteLength }) => {
        const save = openSave(saveId);
        if (byteLength !== save.received)
          throw new IpcRefusal(
            'not-allowed',
            `save ${saveId} holds ${save.received} of ${byteLength} bytes: send the rest, or abort it`,
          );
        saves.delete(saveId);
        environment.download(new Blob(save.parts), save.fileName);
        // The browser decides the folder (and may rename on a clash); the name is all we know.
        return { path: save.fileName };
      }),
      abortSave: method('fixline:files:abortSave', ({ saveId }) => {
        openSave(saveId);
        saves.delete(saveId);
        return null;
      }),
      openDocument: method('fixline:files:openDocument', ({ type, bytes }) => {
        environment.openInNewTab(
          new Blob([bytes.slice()], { type: openedFileTypes[type].mediaType }),
        );
        return null;
      }),
    },
    documents: {
      render: method('fixline:documents:render', async (request) => ({
        pdf: await renderPdf([request]),
      })),
    },
    printing: {
      // No printer is reachable from a page; `kind === 'web'` tells the screen why the list is empty.
      listPrinters: method('fixline:printing:listPrinters', () => []),
      // A page cannot print silently: the PDF opens in the browser's print dialog, where the
      // person chooses the printer (the target's printer means nothing to the browser).
      print: method('fixline:printing:print', async ({ target: _target, ...request }) => {
        environment.openForPrinting(await renderPdf([request]), titleOf(request));
        return {};
      }),
      // A batch becomes one PDF and one print dialog; its progress is reported as the desktop's
      // is, with every document done at once (the dialog prints them or none).
      printBatch: method('fixline:printing:printBatch', async ({ jobs }) => {
        const first = jobs[0];
        const batchId = `web-${++batchCount}`;
        const pdf = await renderPdf(jobs);
        environment.openForPrinting(
          pdf,
          first === undefined ? batchId : `${titleOf(first)} +${jobs.length - 1}`,
        );
        const progress: PrintProgress = {
          batchId,
          done: jobs.length,
          total: jobs.length,
          failed: [],
          finished: true,
          cancelled: false,
        };
        // After the answer, as the desktop's events come after its answer.
        setTimeout(() => emit('fixline:printing:progress', progress), 0);
        return { batchId };
      }),
      cancelBatch: method('fixline:printing:cancelBatch', ({ batchId }) => {
        throw new IpcRefusal(
          'not-found',
          `no print batch ${batchId} is waiting: in a browser a batch goes to the print dialog at once`,
        );
      }),
    },
    printers: {
      // A page reaches no network printer: the list stays empty and adding one is refused.
      listLabelPrinters: method('fixline:printers:listLabelPrinters', () => []),
      addLabelPrinter: method('fixline:printers:addLabelPrinter', () => {
        throw new IpcRefusal(
          'not-supported',
          'a browser cannot reach network label printers: add them in the Fixline desktop app',
        );
      }),
      removeLabelPrinter: method('fixline:printers:removeLabelPrinter', ({ id }) => {
        throw new IpcRefusal('not-found', `no label printer ${id}: a browser keeps none`);
      }),
    },
    // The page fetches the sync server itself: the server that served it, in the browser build.
    sync: {
      request: method('fixline:sync:request', (request) =>
        sendSyncRequest(fetchSync, request, environment.syncTimeouts),
      ),
      openEvents: method('fixline:sync:openEvents', ({ streamId, serverUrl, deviceToken }) => {
        if (syncStreams.has(streamId))
          throw new IpcRefusal('not-allowed', `sync event stream ${streamId} is already open`);
        const stream = followEventStream({
          fetchSync,
          serverUrl,
          deviceToken,
          schedule: webSchedule,
          ...(environment.syncEventStreamTiming === undefined
            ? {}
            : { timing: environment.syncEventStreamTiming }),
          onPoke: (version) => emit('fixline:sync:event', { streamId, kind: 'poke', version }),
          onBlob: (sha256) => emit('fixline:sync:event', { streamId, kind: 'blob', sha256 }),
          onConnected: (connected) =>
            emit('fixline:sync:event', { streamId, kind: 'connected', connected }),
        });
        syncStreams.set(streamId, stream);
        return null;
      }),
      closeEvents: method('fixline:sync:closeEvents', ({ streamId }) => {
        syncStreams.get(streamId)?.close();
        syncStreams.delete(streamId);
        return null;
      }),
      blobHead: method('fixline:sync:blobHead', (address) => blobRequests.head(address)),
      blobStanding: method('fixline:sync:blobStanding', (query) => blobRequests.standing(query)),
      blobChunk: method('fixline:sync:blobChunk', (chunk) => blobRequests.sendChunk(chunk)),
      blobRange: method('fixline:sync:blobRange', (range) => blobRequests.readRange(range)),
      // The server served this page: its view URL is same-origin, so the player uses it as is.
      blobTicket: method('fixline:sync:blobTicket', (address) => blobRequests.viewTicket(address)),
    },
  } satisfies FixlineBridge;
}
