import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { createLabelPrinters } from '../../electron/printing/labelPrinters';
import { createPrintService } from '../../electron/printing/printService';
import { ipcContract, resultSchema } from '#shared/ipc/contract';
import { desktopHarness } from '../support/ipcHarness';
import { addCupsPdfQueue, type CupsPdfQueue } from './cupsQueue';
import { normalizeSpace, pdfText, savePdf, scratchFolder } from './pdfTools';

/**
 * The documents and printing channels as the renderer calls them: through the contract and the
 * real handlers, rendering with pdfkit, printing through CUPS to a cups-pdf queue of this file's
 * own and as ZPL to a label printer stand-in on 127.0.0.1.
 */

/** Main's own list of label printers, for this file's run. */
const labelPrintersFile = join(tmpdir(), `fixline-label-printers-${randomUUID()}.json`);

/** The desktop handlers with the real print service, behind a stand-in ipcMain. */
function desktop() {
  const labelPrinters = createLabelPrinters(labelPrintersFile);
  return desktopHarness({ printing: createPrintService({ labelPrinters }), labelPrinters }).invoke;
}

const invoke = desktop();
const queueName = 'FixlineTestPrintIpc';
let queue: CupsPdfQueue | undefined;
let scratch: Awaited<ReturnType<typeof scratchFolder>>;

beforeAll(async () => {
  scratch = await scratchFolder('printing-channels');
  queue = await addCupsPdfQueue(queueName);
}, 60_000);

afterAll(async () => {
  await queue?.remove();
  await scratch.remove();
  await rm(labelPrintersFile, { force: true });
}, 30_000);

describe('fixline:documents:render', () => {
  it('answers a PDF that carries the RMA number', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const answer = resultSchema(ipcContract['fixline:documents:render'].output).parse(
      await invoke('fixline:documents:render', {
        kind: 'rma-slip',
        data: slip,
        options: { paper: 'Letter', language: 'en' },
      }),
    );
    if (!answer.ok) throw new Error(`render failed: ${answer.error.message}`);
    const { pdf } = answer.value;
    expect(pdf.subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
    const text = normalizeSpace(
      await pdfText(await savePdf(scratch.path, 'slip.pdf', Buffer.from(pdf))),
    );
    expect(text).toContain(slip.claim.rmaNumber);
    expect(text).toContain('Return authorization (RMA)');
  });

  it('refuses bad document data, naming the field', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const answer = await invoke('fixline:documents:render', {
      kind: 'rma-slip',
      data: { ...slip, claim: { ...slip.claim, rmaNumber: 'RMA-42' } },
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'data.claim.rmaNumber: expected an RMA number such as "RMA-JKT1-000042"',
      },
    });
  });

  it('refuses an unknown kind and bad options, naming them', async () => {
    const slip = sampleDocuments()['rma-slip'];
    expect(await invoke('fixline:documents:render', { kind: 'invoice', data: slip })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^kind: expected a document kind/),
      },
    });
    expect(
      await invoke('fixline:documents:render', {
        kind: 'rma-slip',
        data: slip,
        options: { paper: 'A3' },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'options.paper: expected the paper "A4" or "Letter"',
      },
    });
  });

  it('says what to fix when the data cannot make the document', async () => {
    const label = sampleDocuments()['return-label'];
    const { address: _address, ...withoutAddress } = label.customer;
    const answer = await invoke('fixline:documents:render', {
      kind: 'return-label',
      data: { ...label, direction: 'outbound', customer: withoutAddress },
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('has no address on file: add one before printing'),
      },
    });
  });
});

describe('fixline:printing on a system printer (CUPS)', () => {
  it('lists the test queue', async () => {
    expect(await invoke('fixline:printing:listPrinters')).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        expect.objectContaining({ name: queueName, status: 'accepting' }),
      ]),
    });
  });

  it('prints the RMA slip silently on the queue, and the printed file carries its RMA number', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const answer = await invoke('fixline:printing:print', {
      kind: 'rma-slip',
      data: slip,
      options: { paper: 'A4' },
      target: { type: 'system', printer: queueName },
    });
    expect(answer).toEqual({
      ok: true,
      value: { jobId: expect.stringMatching(new RegExp(`^${queueName}-\\d+$`)) },
    });
    if (queue === undefined) throw new Error('the queue was not set up');
    const text = normalizeSpace(await pdfText(await queue.printedPdf()));
    expect(text).toContain(slip.claim.rmaNumber);
  }, 60_000);

  it('says which printer does not exist', async () => {
    const answer = await invoke('fixline:printing:print', {
      kind: 'device-tag',
      data: sampleDocuments()['device-tag'],
      target: { type: 'system', printer: 'NoSuchFixlinePrinter' },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('"NoSuchFixlinePrinter"') },
    });
  });
});

/** Adds a label printer on this computer's `port` through main, answering its id. */
async function labelPrinterOn(port: number): Promise<string> {
  const added = await invoke('fixline:printers:addLabelPrinter', {
    name: 'Stand-in Zebra',
    host: '127.0.0.1',
    port,
  });
  const value = (added as { value?: { id?: unknown } }).value;
  if (typeof value?.id !== 'string') throw new Error(`not added: ${JSON.stringify(added)}`);
  return value.id;
}

describe('fixline:printing on a ZPL label printer', () => {
  it('sends the return label as ZPL to the printer’s raw port', async () => {
    const received: Buffer[] = [];
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk: Buffer) => received.push(chunk));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const label = sampleDocuments()['return-label'];
      const answer = await invoke('fixline:printing:print', {
        kind: 'return-label',
        data: label,
        target: { type: 'zpl', printerId: await labelPrinterOn(address.port) },
      });
      expect(answer).toEqual({ ok: true, value: {} });
      const zpl = Buffer.concat(received).toString('utf8');
      expect(zpl.startsWith('^XA')).toBe(true);
      expect(zpl).toContain(`^FD${label.claim.rmaNumber}^FS`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses an office document for a label printer', async () => {
    const answer = await invoke('fixline:printing:print', {
      kind: 'quote',
      data: sampleDocuments().quote,
      target: { type: 'zpl', printerId: await labelPrinterOn(9100) },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^kind: a label printer/) },
    });
  });

  it('says when the label printer refuses the connection', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const answer = await invoke('fixline:printing:print', {
      kind: 'device-tag',
      data: sampleDocuments()['device-tag'],
      target: { type: 'zpl', printerId: await labelPrinterOn(address.port) },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('refused the connection') },
    });
  });
});
