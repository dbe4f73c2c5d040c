import { pageSizes, type DocumentRequest, type PageSize } from '#shared/documents';
import { IpcRefusal } from '#shared/ipc/answer';
import type { PrinterInfo, PrintTarget } from '#shared/ipc/contract';
import type { Result } from '#shared/domain/result';
import {
  DocumentRenderError,
  layoutForPrinting,
  renderDocument,
} from '../documents/renderDocument';
import {
  listPrinters as listCupsPrinters,
  mediaFor,
  printPdf,
  type Printer,
  type PrintError,
} from './cups';
import {
  loadWindowsPrinting,
  type WindowsPrintError,
  type WindowsPrinting,
} from './windowsPrinting';
import { layoutToZpl, sendZpl, type ZplSendError } from './zpl';
import {
  localAddressOf,
  unknownLabelPrinter,
  resolveWithSystem,
  type LabelPrinters,
  type ResolveHost,
} from './labelPrinters';

/**
 * What the printing channels do in main: render a request to PDF, print it on a system printer
 * through CUPS or as ZPL on a label printer, list the printers. Failures are thrown as
 * IpcRefusal (or Error) with a message a person at the bench can act on; the IPC layer turns
 * them into results.
 */

/** The printer calls, injected so tests can replace the network or the system. */
export type PrintServiceDependencies = {
  /** CUPS queues (`lpstat`); a `cups-missing` error means this system has no CUPS. */
  readonly listCupsPrinters?: () => Promise<Result<Printer[], PrintError>>;
  /** Electron's `webContents.getPrintersAsync()`, for systems without CUPS. */
  readonly getSystemPrinters?: () => Promise<
    readonly { name: string; displayName?: string; description?: string }[]
  >;
  readonly printPdf?: typeof printPdf;
  readonly sendZpl?: typeof sendZpl;
  /** The station's label printers, which ZPL jobs name by id; none by default. */
  readonly labelPrinters?: Pick<LabelPrinters, 'find'>;
  /** Resolves a label printer's host name before each job; the system's resolver by default. */
  readonly resolveHost?: ResolveHost;
  /** The operating system (`process.platform`): `win32` prints through SumatraPDF, not CUPS. */
  readonly platform?: NodeJS.Platform;
  /** Printing on Windows; pdf-to-printer with its bundled SumatraPDF by default. */
  readonly windowsPrinting?: () => WindowsPrinting;
};

/** The printing work behind the IPC channels. */
export type PrintService = {
  render(request: DocumentRequest): Promise<Buffer>;
  print(request: DocumentRequest, target: PrintTarget): Promise<{ jobId?: string }>;
  listPrinters(): Promise<PrinterInfo[]>;
};

/** The page size a request prints on, without laying it out: labels and tags have their own. */
function pageSizeOf(request: DocumentRequest): PageSize {
  switch (request.kind) {
    case 'return-label':
      return pageSizes['label-4x6in'];
    case 'device-tag':
      return pageSizes['tag-2.25x1.25in'];
    default:
      return pageSizes[request.options.paper ?? 'A4'];
  }
}

/** Runs `work`, turning a document the data cannot make into an `invalid-input` refusal. */
async function forDocument<Value>(work: () => Value | Promise<Value>): Promise<Value> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DocumentRenderError) throw new IpcRefusal('invalid-input', error.message);
    throw error;
  }
}

function refusalForPrintError(error: PrintError): IpcRefusal {
  switch (error.code) {
    case 'unknown-printer':
      return new IpcRefusal('not-found', error.message);
    case 'invalid-printer-name':
      return new IpcRefusal('invalid-input', error.message);
    case 'cups-missing':
      // Silent printing goes through CUPS here (Windows has its own path, below).
      return new IpcRefusal('not-supported', error.message);
    default:
      return new IpcRefusal('failed', error.message);
  }
}

function refusalForWindowsError(error: WindowsPrintError): IpcRefusal {
  switch (error.code) {
    case 'unknown-printer':
      return new IpcRefusal('not-found', error.message);
    case 'sumatra-missing':
    case 'failed':
      return new IpcRefusal('failed', error.message);
  }
}

function refusalForZplError(error: ZplSendError): IpcRefusal {
  return new IpcRefusal('failed', error.message);
}

/** Creates the print service over CUPS, raw ZPL and Electron's printer list. */
export function createPrintService(dependencies: PrintServiceDependencies = {}): PrintService {
  const {
    labelPrinters = { find: (id) => Promise.reject(unknownLabelPrinter(id)) },
    resolveHost = resolveWithSystem,
    listCupsPrinters: listCups = () => listCupsPrinters(),
    getSystemPrinters,
    printPdf: printOnCups = printPdf,
    sendZpl: sendToLabelPrinter = sendZpl,
    platform = process.platform,
    windowsPrinting: loadWindows = loadWindowsPrinting,
  } = dependencies;
  let windows: WindowsPrinting | undefined;
  /** Windows printing, or undefined on every other system. */
  const onWindows = (): WindowsPrinting | undefined =>
    platform === 'win32' ? (windows ??= loadWindows()) : undefined;

  function render(request: DocumentRequest): Promise<Buffer> {
    return forDocument(() => renderDocument(request.kind, request.data, request.options));
  }

  return {
    render,

    async print(request, target) {
      if (target.type === 'zpl') {
        const zpl = await forDocument(() =>
          layoutToZpl(layoutForPrinting(request.kind, request.data, request.options)),
        );
        const printer = await labelPrinters.find(target.printerId);
        // Resolved again for every job: a name that now points off the network is refused.
        const address = await localAddressOf(printer.host, resolveHost);
        const sent = await sendToLabelPrinter(address, printer.port, zpl);
        if (!sent.ok) throw refusalForZplError(sent.error);
        return {};
      }
      const pdf = await render(request);
      const windowsPrinter = onWindows();
      if (windowsPrinter !== undefined) {
        const printed = await windowsPrinter.printPdf(target.printer, pdf, {
          size: pageSizeOf(request),
          ...(target.media === undefined ? {} : { paper: target.media }),
          title: `${request.kind} ${request.data.claim.rmaNumber}`,
        });
        if (!printed.ok) throw refusalForWindowsError(printed.error);
        return {};
      }
      const printed = await printOnCups(target.printer, pdf, {
        media: target.media ?? mediaFor(pageSizeOf(request)),
        // The queue shows it, and PDF printers name the file after it.
        title: `${request.kind} ${request.data.claim.rmaNumber}`,
      });
      if (!printed.ok) throw refusalForPrintError(printed.error);
      return { jobId: printed.value.jobId };
    },

    async listPrinters() {
      const windowsPrinter = onWindows();
      if (windowsPrinter !== undefined) {
        const listed = await windowsPrinter.listPrinters();
        if (!listed.ok) throw refusalForWindowsError(listed.error);
        return listed.value;
      }
      const queues = await listCups();
      if (queues.ok) {
        return queues.value.map((queue) => ({
          name: queue.name,
          isDefault: queue.isDefault,
          status: queue.accepting ? 'accepting' : 'not-accepting',
        }));
      }
      // Without CUPS (and not Windows), the system's own list; printing there needs CUPS.
      if (queues.error.code === 'cups-missing' && getSystemPrinters !== undefined) {
        const printers = await getSystemPrinters();
        return printers.map((printer) => ({
          name: printer.name,
          // Electron no longer says which printer is the default.
          isDefault: false,
          description: printer.description || printer.displayName || undefined,
        }));
      }
      throw refusalForPrintError(queues.error);
    },
  };
}
