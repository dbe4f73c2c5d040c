import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { createPrintService } from '../../electron/printing/printService';
import {
  createWindowsPrinting,
  sumatraPath,
  windowsPaperFor,
  type WindowsPrinterLibrary,
} from '../../electron/printing/windowsPrinting';
import { pageSizes } from '#shared/documents';
import { IpcRefusal } from '#shared/ipc/answer';

/**
 * The Windows print path with pdf-to-printer replaced at the process edge (SumatraPDF and
 * PowerShell do not run here): which printer, paper and options it is asked for, and what a
 * clerk is told when it fails. It has not run against a real Windows spooler.
 */

const office = { deviceId: 'HP1', name: 'HP LaserJet Office', paperSizes: ['Letter', 'A4'] };
const zebra = {
  deviceId: 'ZDesigner',
  name: 'ZDesigner GK420d',
  paperSizes: ['2.25" x 1.25"', '4.00" x 6.00"', 'User defined'],
};

type PrintCall = { file: string; bytes: Buffer; options: unknown };

/** A pdf-to-printer stand-in: lists two printers, records each print with the file it was given. */
function fakeLibrary(overrides: Partial<WindowsPrinterLibrary> = {}) {
  const calls: PrintCall[] = [];
  const library: WindowsPrinterLibrary = {
    getPrinters: async () => [office, zebra],
    getDefaultPrinter: async () => office,
    print: async (file, options) => {
      calls.push({ file, bytes: await readFile(file), options });
    },
    ...overrides,
  };
  return { library, calls };
}

const sumatra = 'C:\\Program Files\\Fixline\\resources\\app.asar.unpacked\\SumatraPDF.exe';
const pdf = new TextEncoder().encode('%PDF-1.7 test');

describe('windowsPaperFor', () => {
  it('names office paper as SumatraPDF does', () => {
    expect(windowsPaperFor(pageSizes.A4, [])).toBe('A4');
    expect(windowsPaperFor(pageSizes.Letter, [])).toBe('letter');
  });

  it.each([
    ['4.00" x 6.00"', 'label-4x6in'],
    ['4x6in', 'label-4x6in'],
    ['101.6 x 152.4 mm', 'label-4x6in'],
    ['2.25" x 1.25"', 'tag-2.25x1.25in'],
    ['57 x 32 mm', 'tag-2.25x1.25in'],
  ] as const)('finds the label form %s for %s', (form, size) => {
    expect(windowsPaperFor(pageSizes[size], ['Letter', form, 'User defined'])).toBe(form);
  });

  it("leaves a label to the driver's default when the printer lists no such form", () => {
    expect(windowsPaperFor(pageSizes['label-4x6in'], ['Letter', 'A4', '40x60mm'])).toBeUndefined();
  });
});

describe('sumatraPath', () => {
  it('points outside app.asar, where Windows can run the executable', () => {
    expect(
      sumatraPath(
        'C:\\Fixline\\resources\\app.asar\\node_modules\\pdf-to-printer\\dist\\bundle.js',
      ),
    ).toMatch(
      /app\.asar\.unpacked[\\/]node_modules[\\/]pdf-to-printer[\\/]dist[\\/]SumatraPDF-3\.4\.6-32\.exe$/,
    );
    expect(sumatraPath('/dev/node_modules/pdf-to-printer/dist/bundle.js')).toBe(
      '/dev/node_modules/pdf-to-printer/dist/SumatraPDF-3.4.6-32.exe',
    );
  });
});

describe('createWindowsPrinting', () => {
  it('prints silently to the named printer, at the label form it lists, without scaling', async () => {
    const { library, calls } = fakeLibrary();
    const printing = createWindowsPrinting(library, sumatra);
    const printed = await printing.printPdf('ZDesigner GK420d', pdf, {
      size: pageSizes['label-4x6in'],
      title: 'return-label RMA-JKT1-000042',
    });
    expect(printed).toEqual({ ok: true, value: null });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toEqual({
      printer: 'ZDesigner GK420d',
      silent: true,
      scale: 'noscale',
      sumatraPdfPath: sumatra,
      paperSize: '4.00" x 6.00"',
    });
    // The queue shows the file's name; the file held the PDF and is gone afterwards.
    expect(basename(calls[0]?.file ?? '')).toBe('return-label RMA-JKT1-000042.pdf');
    expect(calls[0]?.bytes.toString('latin1')).toBe('%PDF-1.7 test');
    await expect(stat(calls[0]?.file ?? '')).rejects.toThrow(/ENOENT/);
  });

  it('uses the paper the print target names over the one of the page size', async () => {
    const { library, calls } = fakeLibrary();
    await createWindowsPrinting(library, sumatra).printPdf('HP LaserJet Office', pdf, {
      size: pageSizes.A4,
      paper: 'Legal',
      title: 'rma-slip RMA-JKT1-000042',
    });
    expect(calls[0]?.options).toMatchObject({ paperSize: 'Legal' });
  });

  it('refuses a printer Windows does not list, saying where to choose another', async () => {
    const { library, calls } = fakeLibrary();
    const printed = await createWindowsPrinting(library, sumatra).printPdf('Old_Laser', pdf, {
      size: pageSizes.A4,
      title: 'rma-slip RMA-JKT1-000042',
    });
    expect(printed).toEqual({
      ok: false,
      error: {
        code: 'unknown-printer',
        message: expect.stringContaining(
          'no printer "Old_Laser": choose another one in Settings → Printers',
        ),
      },
    });
    expect(calls).toEqual([]);
  });

  it('says to reinstall when SumatraPDF is missing', async () => {
    const missing = Object.assign(new Error('spawn SumatraPDF.exe ENOENT'), { code: 'ENOENT' });
    const { library } = fakeLibrary({ print: () => Promise.reject(missing) });
    const printed = await createWindowsPrinting(library, sumatra).printPdf(office.name, pdf, {
      size: pageSizes.A4,
      title: 'rma-slip RMA-JKT1-000042',
    });
    expect(printed).toEqual({
      ok: false,
      error: { code: 'sumatra-missing', message: expect.stringContaining('reinstall Fixline') },
    });
  });

  it('reports a failed job with the reason and what to check, for errors thrown as strings too', async () => {
    const { library } = fakeLibrary({
      print: () => Promise.reject('Operating System not supported'),
    });
    const printed = await createWindowsPrinting(library, sumatra).printPdf(office.name, pdf, {
      size: pageSizes.A4,
      title: 'rma-slip RMA-JKT1-000042',
    });
    expect(printed).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message:
          'The print job for "HP LaserJet Office" failed: Operating System not supported. Check that the printer is on and has paper, then print again.',
      },
    });
  });

  it('lists the printers with the default marked, and says when Windows cannot list them', async () => {
    const { library } = fakeLibrary();
    expect(await createWindowsPrinting(library, sumatra).listPrinters()).toEqual({
      ok: true,
      value: [
        { name: 'HP LaserJet Office', isDefault: true },
        { name: 'ZDesigner GK420d', isDefault: false },
      ],
    });
    const broken = fakeLibrary({ getPrinters: () => Promise.reject(new Error('spooler stopped')) });
    expect(await createWindowsPrinting(broken.library, sumatra).listPrinters()).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('Print Spooler service') },
    });
  });
});

describe('the print service on Windows', () => {
  function windowsService() {
    const { library, calls } = fakeLibrary();
    const service = createPrintService({
      platform: 'win32',
      windowsPrinting: () => createWindowsPrinting(library, sumatra),
      printPdf: () => {
        throw new Error('CUPS is not asked on Windows');
      },
      listCupsPrinters: () => {
        throw new Error('CUPS is not asked on Windows');
      },
    });
    return { service, calls };
  }

  it('prints a slip on Letter through SumatraPDF, not CUPS', async () => {
    const { service, calls } = windowsService();
    const samples = sampleDocuments();
    expect(
      await service.print(
        { kind: 'rma-slip', data: samples['rma-slip'], options: { paper: 'Letter' } },
        { type: 'system', printer: 'HP LaserJet Office' },
      ),
    ).toEqual({});
    expect(calls[0]?.options).toMatchObject({ printer: 'HP LaserJet Office', paperSize: 'letter' });
    expect(calls[0]?.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it("lists Windows' printers", async () => {
    expect(await windowsService().service.listPrinters()).toEqual([
      { name: 'HP LaserJet Office', isDefault: true },
      { name: 'ZDesigner GK420d', isDefault: false },
    ]);
  });

  it('refuses an unknown printer as not found, with the message for the clerk', async () => {
    const samples = sampleDocuments();
    const printing = windowsService().service.print(
      { kind: 'device-tag', data: samples['device-tag'], options: {} },
      { type: 'system', printer: 'Gone' },
    );
    await expect(printing).rejects.toBeInstanceOf(IpcRefusal);
    await expect(printing).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('Settings → Printers'),
    });
  });
});
