import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  PrintOptions as SumatraPrintOptions,
  Printer as WindowsPrinter,
} from 'pdf-to-printer';
import type { PageSize } from '#shared/documents';
import { fail, ok, type Result } from '#shared/domain/result';
import type { PrinterInfo } from '#shared/ipc/contract';

/**
 * Silent printing on Windows, where there is no CUPS: pdf-to-printer runs the SumatraPDF that
 * it bundles (`-print-to PRINTER -silent -print-settings paper=…`) and lists printers through
 * PowerShell's Win32_Printer. The mapping here (paper names, errors to messages) is unit-tested
 * with the library injected; it has NOT been run on a real Windows machine from this project's
 * CI, which is Linux: check a first install by printing a slip and a label.
 */

/** The calls of pdf-to-printer that Fixline uses; tests pass their own. */
export type WindowsPrinterLibrary = {
  print(pdfPath: string, options?: SumatraPrintOptions): Promise<void>;
  getPrinters(): Promise<WindowsPrinter[]>;
  getDefaultPrinter(): Promise<WindowsPrinter | null>;
};

/** Why printing on Windows failed, with a message a person at the bench can act on. */
export type WindowsPrintError = {
  readonly code: 'unknown-printer' | 'sumatra-missing' | 'failed';
  readonly message: string;
};

/** The executable pdf-to-printer ships next to its bundle. */
export const sumatraExecutable = 'SumatraPDF-3.4.6-32.exe';

/**
 * Where SumatraPDF is: next to pdf-to-printer's code, but outside app.asar, because Windows
 * cannot run an executable from inside an archive (electron-builder.yml unpacks it). The
 * library's own check for this relies on `process.mainModule`, which an ES-module main lacks.
 */
export function sumatraPath(libraryEntry: string): string {
  // The bundle's file name replaced, whichever separator the path uses.
  return libraryEntry
    .replace(/[^\\/]+$/, sumatraExecutable)
    .replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** Patterns of the form names Windows label drivers give 4×6 in and 2.25×1.25 in stock. */
const labelFormPatterns: Partial<Record<PageSize['name'], RegExp>> = {
  'label-4x6in':
    /^(4(\.0+)?\s*(in|")?\s*x\s*6(\.0+)?\s*(in|")?|101\.6\s*x\s*152\.4\s*mm|102\s*x\s*152\s*mm)\b/i,
  'tag-2.25x1.25in': /^(2\.25\s*(in|")?\s*x\s*1\.25\s*(in|")?|57(\.2)?\s*x\s*3[12](\.8)?\s*mm)\b/i,
};

/**
 * The paper to ask SumatraPDF for: A4 and Letter by the names it knows; a label by the form
 * name the printer's driver lists for that stock (`4.00x6.00in`, `101.6 x 152.4 mm`), or none,
 * leaving the driver's default, which on a label printer is the stock it is loaded with.
 */
export function windowsPaperFor(
  size: PageSize,
  printerPaperSizes: readonly string[],
): string | undefined {
  switch (size.name) {
    case 'A4':
      return 'A4';
    case 'Letter':
      return 'letter';
    case 'label-4x6in':
    case 'tag-2.25x1.25in': {
      const pattern = labelFormPatterns[size.name];
      return printerPaperSizes.find((paper) => pattern?.test(paper.trim()));
    }
  }
}

/** Options of one print job. */
export type WindowsPrintOptions = {
  /** The page size the document was laid out for. */
  readonly size: PageSize;
  /** A paper name that overrides the one derived from `size` (the print target's `media`). */
  readonly paper?: string;
  /** The job's title, shown in the print queue (it is the temporary file's name). */
  readonly title: string;
};

/** The error of a failed pdf-to-printer call, which throws strings as well as Errors. */
function reasonOf(error: unknown): { message: string; code?: unknown } {
  if (typeof error === 'string') return { message: error };
  if (error instanceof Error) return { message: error.message, code: Reflect.get(error, 'code') };
  return { message: String(error) };
}

/** A file name without the characters Windows refuses in one. */
function safeFileName(title: string): string {
  return title.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').slice(0, 100) || 'document';
}

/** Printing on Windows through an injected pdf-to-printer. */
export function createWindowsPrinting(library: WindowsPrinterLibrary, sumatraPdfPath: string) {
  async function printers(): Promise<Result<WindowsPrinter[], WindowsPrintError>> {
    try {
      return ok(await library.getPrinters());
    } catch (error) {
      return fail({
        code: 'failed',
        message: `Windows did not list its printers: ${reasonOf(error).message}. Check that the Print Spooler service is running.`,
      });
    }
  }

  return {
    /** The system's printers, the default one marked. */
    async listPrinters(): Promise<Result<PrinterInfo[], WindowsPrintError>> {
      const listed = await printers();
      if (!listed.ok) return listed;
      const defaultPrinter = await library.getDefaultPrinter().catch(() => null);
      return ok(
        listed.value.map((printer) => ({
          name: printer.name,
          isDefault: printer.name === defaultPrinter?.name,
        })),
      );
    },

    /**
     * Prints `pdf` silently on `printerName`, at the document's own size (no scaling, so
     * barcodes keep their module widths). The PDF goes through a temporary file, which
     * SumatraPDF needs, removed afterwards.
     */
    async printPdf(
      printerName: string,
      pdf: Uint8Array,
      options: WindowsPrintOptions,
    ): Promise<Result<null, WindowsPrintError>> {
      const listed = await printers();
      if (!listed.ok) return listed;
      const printer = listed.value.find((candidate) => candidate.name === printerName);
      if (printer === undefined) {
        return fail({
          code: 'unknown-printer',
          message: `Windows has no printer "${printerName}": choose another one in Settings → Printers, or add it in Windows' Printers & scanners.`,
        });
      }
      const folder = await mkdtemp(join(tmpdir(), 'fixline-print-'));
      const file = join(folder, `${safeFileName(options.title)}.pdf`);
      try {
        await writeFile(file, pdf);
        const paper = options.paper ?? windowsPaperFor(options.size, printer.paperSizes);
        await library.print(file, {
          printer: printer.name,
          silent: true,
          scale: 'noscale',
          sumatraPdfPath,
          ...(paper === undefined ? {} : { paperSize: paper }),
        });
        return ok(null);
      } catch (error) {
        const reason = reasonOf(error);
        if (reason.code === 'ENOENT') {
          return fail({
            code: 'sumatra-missing',
            message: `SumatraPDF, which Fixline prints with on Windows, is missing (${sumatraPdfPath}): reinstall Fixline.`,
          });
        }
        return fail({
          code: 'failed',
          message: `The print job for "${printer.name}" failed: ${reason.message}. Check that the printer is on and has paper, then print again.`,
        });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

export type WindowsPrinting = ReturnType<typeof createWindowsPrinting>;

/** Windows printing with the real pdf-to-printer, loaded on first use (it runs on Windows only). */
export function loadWindowsPrinting(): WindowsPrinting {
  const require = createRequire(import.meta.url);
  // A CommonJS bundle whose exports Node's ES-module loader cannot see by name; its own types
  // (index.d.ts) describe exactly these three functions.
  const library = require('pdf-to-printer') as WindowsPrinterLibrary;
  return createWindowsPrinting(library, sumatraPath(require.resolve('pdf-to-printer')));
}
