import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabelPrinters } from '../../electron/printing/labelPrinters';
import type { DocumentRequest } from '#shared/documents';
import { printProgressSchema, type PrintTarget } from '#shared/ipc/contract';
import { createEventSender } from '#shared/ipc/events';
import type { PrintService } from '../../electron/printing/printService';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { desktopHarness } from '../support/ipcHarness';

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

/** A printer stand-in: records what it prints; a job whose RMA is in `failing` fails. */
function fakePrinting(failing: ReadonlySet<string> = new Set()) {
  const printed: { request: DocumentRequest; target: PrintTarget }[] = [];
  const printing: PrintService = {
    render: async () => Buffer.from('%PDF-1.7\n'),
    listPrinters: async () => [{ name: 'Office', isDefault: true, status: 'accepting' }],
    print: async (request, target) => {
      if (failing.has(request.data.claim.rmaNumber))
        throw new Error(`paper jam on ${request.data.claim.rmaNumber}`);
      printed.push({ request, target });
      return { jobId: `Office-${printed.length}` };
    },
  };
  return { printing, printed };
}

/** The desktop handlers behind a stand-in ipcMain, with the dialog and shell replaced. */
function desktop(options: { saveAs: string | null; printing?: PrintService }) {
  const opened: string[] = [];
  const dialogs: { defaultPath: string }[] = [];
  const events: { event: string; payload: unknown }[] = [];
  let batches = 0;
  const harness = desktopHarness({
    dataFolder,
    saveFolder: documents,
    openFolder: join(workspace, 'open'),
    labelPrinters: createLabelPrinters(join(workspace, 'label-printers.json')),
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
    printing: options.printing ?? fakePrinting().printing,
    sendEvent: createEventSender(
      (event, payload) => events.push({ event, payload }),
      () => {},
    ),
    newId: () => `batch-${(batches += 1)}`,
    progressIntervalMs: 0,
  });
  return {
    opened,
    dialogs,
    events,
    progress: () =>
      events
        .filter((entry) => entry.event === 'fixline:printing:progress')
        .map((entry) => printProgressSchema.parse(entry.payload)),
    channels: harness.channels(),
    invoke: harness.invoke,
  };
}

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract', () => {
    expect(desktop({ saveAs: null }).channels.sort()).toEqual([
      'fixline:app:info',
      'fixline:documents:render',
      'fixline:files:abortSave',
      'fixline:files:beginSave',
      'fixline:files:finishSave',
      'fixline:files:openDocument',
      'fixline:files:writeChunk',
      'fixline:printers:addLabelPrinter',
      'fixline:printers:listLabelPrinters',
      'fixline:printers:removeLabelPrinter',
      'fixline:printing:cancelBatch',
      'fixline:printing:listPrinters',
      'fixline:printing:print',
      'fixline:printing:printBatch',
      'fixline:station:dataFolder',
      'fixline:sync:blobChunk',
      'fixline:sync:blobHead',
      'fixline:sync:blobRange',
      'fixline:sync:blobStanding',
      'fixline:sync:blobTicket',
      'fixline:sync:closeEvents',
      'fixline:sync:openEvents',
      'fixline:sync:request',
    ]);
  });

  it.each([
    ['csv', 'fixline-parts.library-ms', 'fixline-parts.library-ms.csv', 'csv'],
    ['pdf', 'RMA-7.chm', 'RMA-7.chm.pdf', 'pdf'],
    ['backup', 'fixline-backup-2026-12-03', 'fixline-backup-2026-12-03.zip', 'zip'],
  ] as const)(
    'proposes a %s in the documents folder with the extension and dialog filter of its type, whatever the page names it',
    async (documentType, suggestedName, proposed, extension) => {
      const app = desktop({ saveAs: null });
      await app.invoke('fixline:files:beginSave', { documentType, suggestedName });
      expect(app.dialogs[0]).toMatchObject({
        defaultPath: join(documents, proposed),
        filters: [{ extensions: [extension] }],
      });
    },
  );

  it('refuses a file type the contract does not know, before any dialog', async () => {
    const app = desktop({ saveAs: join(workspace, 'x.exe') });
    const answer = await app.invoke('fixline:files:beginSave', {
      documentType: 'exe',
      suggestedName: 'x.exe',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(app.dialogs).toEqual([]);
  });

  it('opens a PDF by writing it to a .pdf file of its own and handing that to the system', async () => {
    const app = desktop({ saveAs: null });
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    expect(
      await app.invoke('fixline:files:openDocument', { name: 'invoice', type: 'pdf', bytes: pdf }),
    ).toEqual({ ok: true, value: null });
    const [opened] = app.opened;
    expect(opened).toMatch(/invoice\.pdf$/);
    expect(opened?.startsWith(join(workspace, 'open'))).toBe(true);
    expect(await readFile(opened ?? '', 'utf8')).toBe('%PDF-1.7\n');
  });

  it('never opens a program named as a document, nor bytes that are not of their type', async () => {
    const app = desktop({ saveAs: null });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    expect(
      await app.invoke('fixline:files:openDocument', {
        name: 'setup.exe',
        type: 'jpeg',
        bytes: jpeg,
      }),
    ).toEqual({ ok: true, value: null });
    expect(app.opened[0]).toMatch(/setup\.exe\.jpg$/);

    const program = new TextEncoder().encode('MZ\x90\x00 a Windows program');
    expect(
      await app.invoke('fixline:files:openDocument', {
        name: 'r.pdf',
        type: 'pdf',
        bytes: program,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(
      await app.invoke('fixline:files:openDocument', {
        name: 'r.hta',
        type: 'hta',
        bytes: program,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(app.opened).toHaveLength(1);
  });

  it('answers the data folder', async () => {
    expect(await desktop({ saveAs: null }).invoke('fixline:station:dataFolder')).toEqual({
      ok: true,
      value: { path: dataFolder },
    });
  });
});

/** Device tags for `count` claims, RMA-JKT1-000001 and on. */
function deviceTags(count: number) {
  const sample = sampleDocuments()['device-tag'];
  return Array.from({ length: count }, (_, index) => ({
    kind: 'device-tag' as const,
    data: {
      ...sample,
      claim: { ...sample.claim, rmaNumber: `RMA-JKT1-${String(index + 1).padStart(6, '0')}` },
    },
  }));
}

describe('printing handlers', () => {
  const office = { type: 'system', printer: 'Office' } as const satisfies PrintTarget;

  it('prints one document on the target and answers the job id', async () => {
    const { printing, printed } = fakePrinting();
    const app = desktop({ saveAs: null, printing });
    const [tag] = deviceTags(1);
    expect(await app.invoke('fixline:printing:print', { ...tag, target: office })).toEqual({
      ok: true,
      value: { jobId: 'Office-1' },
    });
    expect(printed[0]?.target).toEqual(office);
    expect(printed[0]?.request.options).toEqual({});
  });

  it('answers a print failure as a failed result with its reason', async () => {
    const { printing } = fakePrinting(new Set(['RMA-JKT1-000001']));
    const [tag] = deviceTags(1);
    expect(
      await desktop({ saveAs: null, printing }).invoke('fixline:printing:print', {
        ...tag,
        target: office,
      }),
    ).toEqual({ ok: false, error: { code: 'failed', message: 'paper jam on RMA-JKT1-000001' } });
  });

  it('prints a batch of 5 where one fails: 4 done, 1 failed with its reason, then finished', async () => {
    const { printing, printed } = fakePrinting(new Set(['RMA-JKT1-000003']));
    const app = desktop({ saveAs: null, printing });
    expect(
      await app.invoke('fixline:printing:printBatch', { jobs: deviceTags(5), target: office }),
    ).toEqual({ ok: true, value: { batchId: 'batch-1' } });
    await vi.waitFor(() => expect(app.progress().at(-1)?.finished).toBe(true));

    expect(printed.map((job) => job.request.data.claim.rmaNumber)).toEqual([
      'RMA-JKT1-000001',
      'RMA-JKT1-000002',
      'RMA-JKT1-000004',
      'RMA-JKT1-000005',
    ]);
    expect(app.progress().at(-1)).toEqual({
      batchId: 'batch-1',
      done: 4,
      total: 5,
      failed: [{ index: 2, reason: 'paper jam on RMA-JKT1-000003' }],
      finished: true,
      cancelled: false,
    });
    // Every event before the last says the batch is still going.
    expect(
      app
        .progress()
        .slice(0, -1)
        .every((progress) => !progress.finished),
    ).toBe(true);
  });

  it('cancels a batch before its next document and reports it cancelled', async () => {
    let release: (() => void) | undefined;
    const { printing, printed } = fakePrinting();
    const slowPrinting: PrintService = {
      ...printing,
      print: async (request, target) => {
        // The second job waits until the test has asked to cancel.
        if (printed.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return printing.print(request, target);
      },
    };
    const app = desktop({ saveAs: null, printing: slowPrinting });
    await app.invoke('fixline:printing:printBatch', { jobs: deviceTags(5), target: office });
    await vi.waitFor(() => expect(release).toBeDefined());
    expect(await app.invoke('fixline:printing:cancelBatch', { batchId: 'batch-1' })).toEqual({
      ok: true,
      value: null,
    });
    release?.();
    await vi.waitFor(() => expect(app.progress().at(-1)?.finished).toBe(true));

    expect(printed).toHaveLength(2);
    expect(app.progress().at(-1)).toMatchObject({
      done: 2,
      total: 5,
      finished: true,
      cancelled: true,
    });
  });

  it('refuses a batch while 20 are waiting, with a message that says what to do', async () => {
    const { printing } = fakePrinting();
    const stuck: PrintService = { ...printing, print: () => new Promise(() => {}) };
    const app = desktop({ saveAs: null, printing: stuck });
    const [tag] = deviceTags(1);
    for (let batch = 1; batch <= 20; batch += 1)
      expect(
        await app.invoke('fixline:printing:printBatch', { jobs: [tag], target: office }),
      ).toEqual({ ok: true, value: { batchId: `batch-${batch}` } });

    expect(
      await app.invoke('fixline:printing:printBatch', { jobs: [tag], target: office }),
    ).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: expect.stringContaining('20 print batches') },
    });
  });

  it('says when there is no such batch to cancel', async () => {
    expect(
      await desktop({ saveAs: null }).invoke('fixline:printing:cancelBatch', {
        batchId: 'batch-9',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a batch of office documents for a label printer, naming the job', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const answer = await desktop({ saveAs: null }).invoke('fixline:printing:printBatch', {
      jobs: [...deviceTags(1), { kind: 'rma-slip', data: slip }],
      target: { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' },
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^jobs\.1\.kind: a label printer prints only/),
      },
    });
  });

  it('refuses a batch of more than 1000 documents', async () => {
    const [tag] = deviceTags(1);
    const answer = await desktop({ saveAs: null }).invoke('fixline:printing:printBatch', {
      jobs: Array.from({ length: 1001 }, () => tag),
      target: office,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('lists the printers', async () => {
    expect(await desktop({ saveAs: null }).invoke('fixline:printing:listPrinters')).toEqual({
      ok: true,
      value: [{ name: 'Office', isDefault: true, status: 'accepting' }],
    });
  });
});
