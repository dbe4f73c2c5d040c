import { z } from 'zod';
import { documentRequestSchema, type DocumentKind } from '../documents';
import { sha256Schema } from '../domain/primitives';
import {
  blobAddressSchema,
  blobChunkAnswerSchema,
  blobChunkRequestSchema,
  blobHeadAnswerSchema,
  blobRangeAnswerSchema,
  blobRangeRequestSchema,
  blobStandingAnswerSchema,
  blobStandingQuerySchema,
  blobTicketAnswerSchema,
} from '../sync/blobHttp';
import { deviceTokenSchema, syncRequestRouteSchema, syncServerUrlSchema } from '../sync/syncHttp';
import type { IpcEventName } from './eventNames';
import { openedFileTypeSchema, savedFileTypeSchema } from './fileTypes';

export { failure, resultSchema, success } from './result';
export type { IpcError, IpcErrorCode, Result } from './result';
export type { OpenedFileType, SavedFileType } from './fileTypes';
import type { Result } from './result';

/**
 * The IPC contract: every channel between the renderer and the main process, with the schema of
 * what goes in and what comes back. Main parses both sides against it; the preload and the web
 * bridge take their types from it. Names are `fixline:<area>:<verb>`; the bridge exposes each
 * channel as `window.fixline.<area>.<verb>(input)`.
 */

/**
 * Largest document `fixline:files:openDocument` takes in one message, in bytes: a receipt or a
 * PDF for the system's viewer. Saves have no such limit; they cross in pieces.
 */
const maxOpenedDocumentBytes = 100 * 1024 * 1024;

/** A file name without folders: what the save dialog proposes, or what an opened file is called. */
const fileNameSchema = z
  .string({ error: 'expected a file name' })
  .min(1, { error: 'expected a file name, got an empty string' })
  .max(200, { error: 'file name is longer than 200 characters' })
  .refine(
    (name) =>
      !name.includes('/') &&
      !name.includes('\\') &&
      // A NUL byte ends the name early in the system calls that receive it.
      !name.includes('\0') &&
      name !== '.' &&
      name !== '..',
    { error: 'expected a file name without folders (no "/", "\\" or NUL)' },
  );

/** A document to open, at most {@link maxOpenedDocumentBytes}. */
const openedDocumentBytesSchema = z
  .instanceof(Uint8Array, { error: 'expected the file content as a Uint8Array' })
  .refine((bytes) => bytes.byteLength <= maxOpenedDocumentBytes, {
    error: `file is larger than ${maxOpenedDocumentBytes} bytes`,
  });

/**
 * Largest piece of a file one `fixline:files:writeChunk` call carries, in bytes (8 MiB): a file
 * of any size crosses to main in pieces, so neither process holds it whole.
 */
export const maxSaveChunkBytes = 8 * 1024 * 1024;

/** Most saves open at once; one more is refused until one finishes or is aborted. */
export const maxOpenSaves = 4;

/** The id main gives a save it started: random, and good only for the window that asked. */
const saveIdSchema = z.uuid({ error: 'expected the id fixline:files:beginSave answered' });

/** One piece of a file being saved: 1 byte to {@link maxSaveChunkBytes}. */
const saveChunkSchema = z
  .instanceof(Uint8Array, { error: 'expected the piece of the file as a Uint8Array' })
  .refine((bytes) => bytes.byteLength > 0, { error: 'expected at least one byte' })
  .refine((bytes) => bytes.byteLength <= maxSaveChunkBytes, {
    error: `a piece of a file is at most ${maxSaveChunkBytes} bytes`,
  });

/** A count of bytes, or where in a file a piece starts. */
const byteCountSchema = z.int({ error: 'expected a whole number of bytes' }).min(0, {
  error: 'expected a number of bytes, 0 or more',
});

/** Channels whose call takes no argument use this input schema. */
const noInput = z.undefined({ error: 'this call takes no argument' });

const appInfoSchema = z.object({
  /** Product name, e.g. "Fixline". */
  name: z.string(),
  /** The app's semantic version, e.g. "0.1.0". */
  version: z.string(),
  /** The operating system as Node names it (`win32`, `darwin`, `linux`), or `web` in a browser. */
  platform: z.string(),
  /** Electron's version; null in a browser. */
  electronVersion: z.string().nullable(),
  /** Chromium's version; null when the browser does not say. */
  chromeVersion: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Most documents one batch may print: a day's return labels, not an unbounded list. */
export const maxBatchJobs = 1000;

/** Most batches waiting to print at once; one more is refused until one finishes. */
export const maxQueuedBatches = 20;

/** The kinds a label printer takes as raw ZPL; office documents need a system printer. */
export const zplDocumentKinds = ['return-label', 'device-tag'] as const satisfies DocumentKind[];

function isZplKind(kind: DocumentKind): boolean {
  return zplDocumentKinds.some((zplKind) => zplKind === kind);
}

const zplKindMessage =
  'a label printer prints only return labels and device tags as ZPL: choose a system printer for this document';

/** A print queue name as the system lists it; main checks it further before handing it to `lp`. */
const printerNameSchema = z
  .string({ error: 'expected a printer name' })
  .min(1, { error: 'expected a printer name, got an empty string' })
  .max(127, { error: 'printer name is longer than 127 characters' });

/** A host name or IPv4 address (letters, digits, dots, dashes) or an IPv6 address. */
const hostSchema = z
  .string({ error: "expected the label printer's address" })
  .trim()
  .max(253, { error: 'host name is longer than 253 characters' })
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9_.-]{1,32})?)$/,
    { error: 'expected a host name or IP address such as "192.168.1.50"' },
  );

/** The raw port label printers listen on ("JetDirect"). */
export const defaultLabelPrinterPort = 9100;

/** The id main gives a label printer when it is added. */
const labelPrinterIdSchema = z.uuid({ error: 'expected the id of a label printer' });

/**
 * A network label printer as the station adds it: a name for people, and its address on the
 * local network (main refuses any other) with its raw port.
 */
export const labelPrinterInputSchema = z.object({
  name: z
    .string({ error: 'expected a name for the label printer' })
    .trim()
    .min(1, { error: 'expected a name for the label printer' })
    .max(100, { error: 'name is longer than 100 characters' }),
  host: hostSchema,
  port: z
    .int({ error: 'expected a TCP port number' })
    .min(1, { error: 'expected a TCP port from 1 to 65535' })
    .max(65535, { error: 'expected a TCP port from 1 to 65535' })
    .default(defaultLabelPrinterPort),
});

/** A label printer main keeps in its own settings, under the id print jobs name it by. */
export const labelPrinterSchema = labelPrinterInputSchema.extend({ id: labelPrinterIdSchema });
export type LabelPrinter = z.output<typeof labelPrinterSchema>;

/**
 * Where a document is printed: a system printer (a CUPS queue, silently, with `media` to override
 * the size the document asks for), or a network label printer main knows, by its id.
 */
export const printTargetSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('system'),
      printer: printerNameSchema,
      media: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, {
          error: 'expected a media name such as "A4" or "w288h432"',
        })
        .optional(),
    }),
    z.object({ type: z.literal('zpl'), printerId: labelPrinterIdSchema }),
  ],
  { error: 'expected a print target of type "system" or "zpl"' },
);
export type PrintTarget = z.output<typeof printTargetSchema>;

/** A printer the station may choose per document kind. */
const printerInfoSchema = z.object({
  /** The name to print to (the CUPS queue). */
  name: z.string(),
  isDefault: z.boolean(),
  /** What the system calls it for people, when it says. */
  description: z.string().optional(),
  /** Whether the queue takes jobs now, when the system says. */
  status: z.enum(['accepting', 'not-accepting']).optional(),
});
export type PrinterInfo = z.infer<typeof printerInfoSchema>;

/**
 * Progress of a print batch, sent after jobs complete and once more at the end. `done` counts
 * the jobs printed, `failed` the ones that were not (by index in the batch, with the reason);
 * `finished` is set on the last event of the batch, with `cancelled` when it was stopped early.
 */
export const printProgressSchema = z.object({
  batchId: z.string().min(1),
  done: z.int().min(0),
  total: z.int().min(0),
  failed: z.array(z.object({ index: z.int().min(0), reason: z.string() })),
  finished: z.boolean(),
  cancelled: z.boolean(),
});
export type PrintProgress = z.infer<typeof printProgressSchema>;

/** The id the page gives a poke stream it opens, so its events can be told apart from the start. */
const syncStreamIdSchema = z.uuid({ error: 'expected the id of a sync event stream' });

/** What came of one sync request: the server's answer (any status, its JSON), or none. */
const syncAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answered'),
    status: z.int().min(100).max(599),
    /** Parsed JSON, checked by the engine with the protocol's schemas (undefined if none). */
    body: z.unknown().optional(),
  }),
  z.object({ kind: z.literal('unreachable'), reason: z.string() }),
]);

/**
 * What a poke stream reports: the server reached `version`, an attachment's bytes arrived on it,
 * or the stream opened or dropped (main reconnects it by itself until it is closed).
 */
export const syncStreamEventSchema = z.discriminatedUnion('kind', [
  z.object({ streamId: syncStreamIdSchema, kind: z.literal('poke'), version: z.int().min(0) }),
  z.object({ streamId: syncStreamIdSchema, kind: z.literal('blob'), sha256: sha256Schema }),
  z.object({ streamId: syncStreamIdSchema, kind: z.literal('connected'), connected: z.boolean() }),
]);
export type SyncStreamEvent = z.infer<typeof syncStreamEventSchema>;

/** Every event main sends to the renderer, with the schema main checks its payload against. */
export const ipcEvents = {
  'fixline:printing:progress': printProgressSchema,
  'fixline:sync:event': syncStreamEventSchema,
} as const satisfies Record<IpcEventName, z.ZodType>;

/** The payload of `Event`, as the renderer's listener receives it. */
export type IpcEventPayload<Event extends IpcEventName> = z.output<(typeof ipcEvents)[Event]>;

/** What every channel declares: the schema of its argument and of its successful value. */
type ChannelSchemas = { readonly input: z.ZodType; readonly output: z.ZodType };

/** Every channel, by name, with its input and output schemas. */
export const ipcContract = {
  /** Name, version and platform, for the about box and for bug reports. */
  'fixline:app:info': { input: noInput, output: appInfoSchema },
  /** The folder where this station keeps its files (or "browser storage" on the web). */
  'fixline:station:dataFolder': { input: noInput, output: z.object({ path: z.string() }) },
  /**
   * Asks the user where to save a file of `documentType` (proposing `suggestedName`, given the
   * type's extension whatever it says: `backup` is a `.zip`), and opens a save there: main writes the pieces to a
   * hidden file beside the target, which becomes the target only on `finishSave`. Refused
   * (`not-allowed`) while {@link maxOpenSaves} saves are open.
   */
  'fixline:files:beginSave': {
    input: z.object({ documentType: savedFileTypeSchema, suggestedName: fileNameSchema }),
    output: z.discriminatedUnion('kind', [
      /** The user closed the dialog; nothing was opened. */
      z.object({ kind: z.literal('cancelled') }),
      z.object({ kind: z.literal('started'), saveId: saveIdSchema }),
    ]),
  },
  /**
   * Appends `bytes` to the save `saveId`. `offset` is where they start in the file, so a piece
   * sent twice or out of order is refused (`not-allowed`) rather than written in the wrong place.
   * Answers how many bytes the save holds now.
   */
  'fixline:files:writeChunk': {
    input: z.object({ saveId: saveIdSchema, offset: byteCountSchema, bytes: saveChunkSchema }),
    output: z.object({ bytesWritten: byteCountSchema }),
  },
  /**
   * Ends the save `saveId`: refused (`not-allowed`) unless it holds `byteLength` bytes; else the
   * file is flushed to disk and renamed onto the target in one step, so the target is never
   * half written. Answers where it was saved.
   */
  'fixline:files:finishSave': {
    input: z.object({ saveId: saveIdSchema, byteLength: byteCountSchema }),
    output: z.object({ path: z.string().min(1) }),
  },
  /** Drops the save `saveId` and its hidden file; the target stays as it was. */
  'fixline:files:abortSave': {
    input: z.object({ saveId: saveIdSchema }),
    output: z.null(),
  },
  /**
   * Shows a document (a PDF, a photo of a receipt) in the system's viewer: main writes `bytes`
   * to a file of its own with the extension of `type`, after checking that they are one, and
   * opens that file. Nothing else can be opened.
   */
  'fixline:files:openDocument': {
    input: z.object({
      name: fileNameSchema,
      type: openedFileTypeSchema,
      bytes: openedDocumentBytesSchema,
    }),
    output: z.null(),
  },
  /** Renders a document to PDF in main (pdfkit, never on the UI thread). */
  'fixline:documents:render': {
    input: documentRequestSchema,
    output: z.object({
      pdf: z.instanceof(Uint8Array, { error: 'expected the PDF as a Uint8Array' }),
    }),
  },
  /** The printers the station may print to: CUPS queues, or what the system lists without CUPS. */
  'fixline:printing:listPrinters': { input: noInput, output: z.array(printerInfoSchema) },
  /**
   * Prints one document silently, straight to `target`: the printer and paper per document kind
   * are the station's setting, passed in. Answers the CUPS job id when there is one.
   */
  'fixline:printing:print': {
    input: z
      .intersection(documentRequestSchema, z.object({ target: printTargetSchema }))
      .superRefine((request, context) => {
        if (request.target.type === 'zpl' && !isZplKind(request.kind))
          context.addIssue({
            code: 'custom',
            path: ['kind'],
            input: request.kind,
            message: zplKindMessage,
          });
      }),
    output: z.object({ jobId: z.string().optional() }),
  },
  /**
   * Queues up to {@link maxBatchJobs} documents for `target` and answers at once with the batch's
   * id; `fixline:printing:progress` events report how it goes. Refused (`not-allowed`) while
   * {@link maxQueuedBatches} batches are waiting or printing.
   */
  'fixline:printing:printBatch': {
    input: z
      .object({
        jobs: z
          .array(documentRequestSchema)
          .min(1, { error: 'expected at least one document to print' })
          .max(maxBatchJobs, { error: `a batch prints at most ${maxBatchJobs} documents` }),
        target: printTargetSchema,
      })
      .superRefine((batch, context) => {
        if (batch.target.type !== 'zpl') return;
        batch.jobs.forEach((job, index) => {
          if (!isZplKind(job.kind))
            context.addIssue({
              code: 'custom',
              path: ['jobs', index, 'kind'],
              input: job.kind,
              message: zplKindMessage,
            });
        });
      }),
    output: z.object({ batchId: z.string().min(1) }),
  },
  /** The network label printers added to this station (kept by main, not by the page). */
  'fixline:printers:listLabelPrinters': { input: noInput, output: z.array(labelPrinterSchema) },
  /**
   * Adds a network label printer. Main refuses an address outside the local network (a private
   * or link-local IPv6 range, or this computer), a host name that resolves outside it, and a port
   * outside 1–65535; the port is 9100 unless given.
   */
  'fixline:printers:addLabelPrinter': {
    input: labelPrinterInputSchema,
    output: labelPrinterSchema,
  },
  /** Removes a label printer; documents set to print on it then ask for another. */
  'fixline:printers:removeLabelPrinter': {
    input: z.object({ id: labelPrinterIdSchema }),
    output: z.null(),
  },
  /** Stops a batch before its next document; its last progress event says `cancelled`. */
  'fixline:printing:cancelBatch': {
    input: z.object({ batchId: z.string().min(1).max(100) }),
    output: z.null(),
  },
  /**
   * One request of the sync protocol to the server at `serverUrl` (http or https only): main
   * builds the URL from the route (the page never names a path), adds the protocol header and
   * the device token, and answers the status and JSON, or `unreachable` when nothing answered in
   * time. The body is JSON the server checks; main only serializes it.
   */
  'fixline:sync:request': {
    input: z.object({
      serverUrl: syncServerUrlSchema,
      route: syncRequestRouteSchema,
      body: z.unknown().optional(),
      deviceToken: deviceTokenSchema.optional(),
    }),
    output: syncAnswerSchema,
  },
  /**
   * Opens the server's poke stream under the page's `streamId`; `fixline:sync:event` reports its
   * pokes and whether it is connected. Main reconnects it until `closeEvents` or the window
   * closes. Refused (`not-allowed`) for an id already open.
   */
  'fixline:sync:openEvents': {
    input: z.object({
      streamId: syncStreamIdSchema,
      serverUrl: syncServerUrlSchema,
      deviceToken: deviceTokenSchema,
    }),
    output: z.null(),
  },
  /** Closes a poke stream; closing one that is not open does nothing. */
  'fixline:sync:closeEvents': {
    input: z.object({ streamId: syncStreamIdSchema }),
    output: z.null(),
  },
  /**
   * What the server holds of an attachment's bytes (`HEAD` of the blob route): all of them, part
   * of an upload (resume there), or nothing; `unreachable` when nothing answered.
   */
  'fixline:sync:blobHead': { input: blobAddressSchema, output: blobHeadAnswerSchema },
  /** The same of many blobs in one request (up to 500): the attachment queue asks before sending. */
  'fixline:sync:blobStanding': { input: blobStandingQuerySchema, output: blobStandingAnswerSchema },
  /**
   * Sends one chunk of an upload (at most 8 MiB, within the declared length): the server's new
   * offset, the offset it stands at instead, or a whole file whose SHA-256 is not its name.
   */
  'fixline:sync:blobChunk': { input: blobChunkRequestSchema, output: blobChunkAnswerSchema },
  /** Reads one range of a stored blob (at most 8 MiB), with the blob's whole size. */
  'fixline:sync:blobRange': { input: blobRangeRequestSchema, output: blobRangeAnswerSchema },
  /**
   * A URL a `<video>` plays a stored blob from before it is on this station (a viewing ticket,
   * valid minutes): the server's own in a browser, a `fixline-media:` URL main forwards in the
   * desktop app (the page's requests do not reach the server itself).
   */
  'fixline:sync:blobTicket': { input: blobAddressSchema, output: blobTicketAnswerSchema },
} as const satisfies Record<`fixline:${string}:${string}`, ChannelSchemas>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;

/** What the caller passes on `Channel` (before defaults are applied). */
export type IpcInput<Channel extends IpcChannel> = z.input<IpcContract[Channel]['input']>;
/** What the implementation of `Channel` receives, after parsing. */
export type IpcParsedInput<Channel extends IpcChannel> = z.output<IpcContract[Channel]['input']>;
/** The value a successful call on `Channel` answers. */
export type IpcValue<Channel extends IpcChannel> = z.output<IpcContract[Channel]['output']>;
/** The whole answer of a call on `Channel`. */
export type IpcResult<Channel extends IpcChannel> = Result<IpcValue<Channel>>;

/** Narrows an arbitrary string to a channel of the contract. */
export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(ipcContract, name);
}
