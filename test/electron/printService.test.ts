import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import type { printPdf } from '../../electron/printing/cups';
import { createPrintService } from '../../electron/printing/printService';
import { fail, ok } from '#shared/domain/result';

/** A CUPS `lp` stand-in that records each call and gives job ids in turn. */
function recordingLp() {
  const calls: { printer: string; media: string | undefined; title: string | undefined }[] = [];
  const print: typeof printPdf = async (printer, _pdf, options = {}) => {
    calls.push({ printer, media: options.media, title: options.title });
    return ok({ jobId: `${printer}-${calls.length}` });
  };
  return { calls, print };
}

describe('createPrintService', () => {
  it('asks CUPS for the media of the document kind and paper, unless the target names one', async () => {
    const lp = recordingLp();
    const service = createPrintService({ printPdf: lp.print });
    const samples = sampleDocuments();
    await service.print(
      { kind: 'device-tag', data: samples['device-tag'], options: {} },
      { type: 'system', printer: 'Labels' },
    );
    await service.print(
      { kind: 'rma-slip', data: samples['rma-slip'], options: { paper: 'Letter' } },
      { type: 'system', printer: 'Office' },
    );
    await service.print(
      { kind: 'return-label', data: samples['return-label'], options: {} },
      { type: 'system', printer: 'Labels', media: 'Custom.4x6in' },
    );
    expect(lp.calls).toEqual([
      { printer: 'Labels', media: 'w162h90', title: 'device-tag RMA-JKT1-000042' },
      { printer: 'Office', media: 'Letter', title: 'rma-slip RMA-JKT1-000042' },
      { printer: 'Labels', media: 'Custom.4x6in', title: 'return-label RMA-JKT1-000042' },
    ]);
  });

  it('lists CUPS queues with their state', async () => {
    const service = createPrintService({
      listCupsPrinters: async () =>
        ok([
          { name: 'Office', accepting: true, isDefault: true },
          { name: 'Labels', accepting: false, isDefault: false },
        ]),
      getSystemPrinters: async () => {
        throw new Error('not asked while CUPS answers');
      },
    });
    expect(await service.listPrinters()).toEqual([
      { name: 'Office', isDefault: true, status: 'accepting' },
      { name: 'Labels', isDefault: false, status: 'not-accepting' },
    ]);
  });

  it("falls back to the system's list where there is no CUPS", async () => {
    const service = createPrintService({
      listCupsPrinters: async () => fail({ code: 'cups-missing', message: 'lpstat was not found' }),
      getSystemPrinters: async () => [
        { name: 'HP_LaserJet', displayName: 'HP LaserJet', description: 'Front desk' },
        { name: 'ZDesigner', displayName: 'ZDesigner GK420d', description: '' },
      ],
    });
    expect(await service.listPrinters()).toEqual([
      { name: 'HP_LaserJet', isDefault: false, description: 'Front desk' },
      { name: 'ZDesigner', isDefault: false, description: 'ZDesigner GK420d' },
    ]);
  });

  it('refuses when the CUPS scheduler is down, saying how to start it', async () => {
    const service = createPrintService({
      listCupsPrinters: async () =>
        fail({ code: 'scheduler-down', message: 'The CUPS scheduler is not running: start it' }),
    });
    await expect(service.listPrinters()).rejects.toMatchObject({
      code: 'failed',
      message: 'The CUPS scheduler is not running: start it',
    });
  });
});
