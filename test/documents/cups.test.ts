import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaFor, listPrinters, printPdf } from '../../electron/printing/cups';
import { layoutForPrinting, renderDocument } from '../../electron/documents/renderDocument';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { addCupsPdfQueue, type CupsPdfQueue } from './cupsQueue';
import { normalizeSpace, pdfText } from './pdfTools';

/**
 * End to end through CUPS with a cups-pdf queue of this file's own (see ./cupsQueue.ts): the
 * slip goes through `lp`, the scheduler and its filters, and comes out as a PDF file that is
 * read back. Nothing is skipped: without CUPS the test fails and says what to install.
 */

const queue = 'FixlineTestPDF';
let printer: CupsPdfQueue | undefined;

beforeAll(async () => {
  printer = await addCupsPdfQueue(queue);
}, 60_000);

afterAll(async () => {
  await printer?.remove();
}, 30_000);

describe('printing through CUPS', () => {
  it('lists the virtual PDF printer as accepting jobs', async () => {
    const printers = await listPrinters();
    expect(printers.ok).toBe(true);
    if (printers.ok)
      expect(printers.value).toContainEqual(
        expect.objectContaining({ name: queue, accepting: true }),
      );
  });

  it('prints the RMA slip on the named printer, and the printed file carries its RMA number', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const pdf = await renderDocument('rma-slip', slip);
    const printed = await printPdf(queue, pdf, {
      media: mediaFor(layoutForPrinting('rma-slip', slip).size),
      title: 'fixline-test-rma-slip',
    });
    expect(printed).toEqual({
      ok: true,
      value: { jobId: expect.stringMatching(new RegExp(`^${queue}-\\d+$`)) },
    });

    if (printer === undefined) throw new Error('the queue was not set up');
    const output = await printer.printedPdf();
    const text = normalizeSpace(await pdfText(output));
    expect(text).toContain(slip.claim.rmaNumber);
    expect(text).toContain('Otorisasi pengembalian barang (RMA)');
  }, 60_000);

  it('says which printer does not exist', async () => {
    const result = await printPdf('NoSuchFixlinePrinter', Buffer.from('%PDF-1.7\n'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-printer',
        message: expect.stringContaining('no printer "NoSuchFixlinePrinter"'),
      },
    });
  });

  it('refuses a printer name that lp would read as an option', async () => {
    const result = await printPdf('-o', Buffer.from('%PDF-1.7\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-printer-name');
  });
});
