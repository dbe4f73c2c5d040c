import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../../electron/documents/sampleDocuments';
import type { PrintProgress } from '#shared/ipc/contract';
import {
  applyProgress,
  cancelWaiting,
  failPages,
  ledgerTotals,
  markSent,
  newLedger,
  pagesToRetry,
  planBatch,
  type PageRef,
} from '../../../renderer/src/core/printQueue/printBatch';

const documents = sampleDocuments();
const documentsOf = () => ({
  'rma-slip': documents['rma-slip'],
  'return-label': documents['return-label'],
  'device-tag': documents['device-tag'],
});

const page = (rmaNumber: string, document: PageRef['document']): PageRef => ({
  claimId: `claim-${rmaNumber}`,
  rmaNumber,
  document,
});

const progress = (overrides: Partial<PrintProgress>): PrintProgress => ({
  batchId: 'batch-1',
  done: 0,
  total: 3,
  failed: [],
  finished: false,
  cancelled: false,
  ...overrides,
});

describe('planBatch', () => {
  const laser = { type: 'system', printer: 'Office_Laser', paper: 'Letter' } as const;
  const zebra = { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' } as const;

  it('groups the pages by the printer chosen for their kind, keeping their order', () => {
    const pages = [
      page('RMA-JKT1-000001', 'rma-slip'),
      page('RMA-JKT1-000001', 'return-label'),
      page('RMA-JKT1-000002', 'rma-slip'),
      page('RMA-JKT1-000002', 'device-tag'),
    ];
    const plan = planBatch(pages, documentsOf, {
      'rma-slip': laser,
      'return-label': zebra,
      'device-tag': zebra,
    });
    expect(plan.kindsWithoutPrinter).toEqual([]);
    expect(plan.groups.map((group) => group.target)).toEqual([
      { type: 'system', printer: 'Office_Laser' },
      zebra,
    ]);
    expect(plan.groups.map((group) => group.refs)).toEqual([
      [pages[0], pages[2]],
      [pages[1], pages[3]],
    ]);
    expect(plan.groups[0]?.jobs.map((job) => [job.kind, job.options])).toEqual([
      ['rma-slip', { paper: 'Letter' }],
      ['rma-slip', { paper: 'Letter' }],
    ]);
    expect(plan.groups[1]?.jobs.map((job) => job.kind)).toEqual(['return-label', 'device-tag']);
  });

  it('splits a printer’s pages into batches the bridge takes, losing none', () => {
    const pages = Array.from({ length: 5 }, (_, index) =>
      page(`RMA-JKT1-00000${index + 1}`, 'return-label'),
    );
    const plan = planBatch(pages, documentsOf, { 'return-label': zebra }, 2);
    expect(plan.groups.map((group) => group.refs.length)).toEqual([2, 2, 1]);
    expect(plan.groups.flatMap((group) => group.refs)).toEqual(pages);
    expect(plan.groups.every((group) => group.jobs.length === group.refs.length)).toBe(true);
  });

  it('names the kinds that have no printer instead of dropping their pages', () => {
    const plan = planBatch(
      [page('RMA-JKT1-000001', 'rma-slip'), page('RMA-JKT1-000001', 'device-tag')],
      documentsOf,
      { 'rma-slip': laser },
    );
    expect(plan.kindsWithoutPrinter).toEqual(['device-tag']);
    expect(plan.groups.flatMap((group) => group.refs).map((ref) => ref.document)).toEqual([
      'rma-slip',
    ]);
  });
});

describe('the batch ledger', () => {
  const refs: [PageRef, PageRef, PageRef] = [
    page('RMA-JKT1-000001', 'rma-slip'),
    page('RMA-JKT1-000002', 'rma-slip'),
    page('RMA-JKT1-000003', 'rma-slip'),
  ];
  const sent = () => markSent(newLedger(refs), refs, 'batch-1');

  it('lands progress on the pages in order, the failed one with the printer’s reason', () => {
    const ledger = applyProgress(
      sent(),
      progress({ done: 1, failed: [{ index: 1, reason: 'Office_Laser: out of paper' }] }),
    );
    expect(ledger.map((entry) => entry.state)).toEqual([
      { kind: 'printed' },
      { kind: 'failed', cause: { kind: 'printer', said: 'Office_Laser: out of paper' } },
      { kind: 'waiting' },
    ]);
    expect(ledgerTotals(ledger)).toEqual({
      total: 3,
      printed: 1,
      failed: 1,
      cancelled: 0,
      waiting: 1,
    });
  });

  it('leaves the pages of another batch as they are', () => {
    const ledger = applyProgress(sent(), progress({ batchId: 'batch-2', done: 3, finished: true }));
    expect(ledgerTotals(ledger).waiting).toBe(3);
  });

  it('cancels the pages a cancelled batch never reached, and offers them for a retry', () => {
    const ledger = applyProgress(sent(), progress({ done: 1, finished: true, cancelled: true }));
    expect(ledger.map((entry) => entry.state.kind)).toEqual(['printed', 'cancelled', 'cancelled']);
    expect(pagesToRetry(ledger)).toEqual([refs[1], refs[2]]);
  });

  it('offers for a retry every failed or cancelled page and none that printed', () => {
    let ledger = applyProgress(
      sent(),
      progress({ done: 2, failed: [{ index: 0, reason: 'jammed' }], finished: true }),
    );
    expect(pagesToRetry(ledger)).toEqual([refs[0]]);
    ledger = failPages(ledger, [refs[2]], { code: 'failed', message: 'printer offline' });
    expect(pagesToRetry(ledger)).toEqual([refs[0], refs[2]]);
  });

  it('marks the pages never sent as cancelled when the clerk stops the batch', () => {
    const ledger = cancelWaiting(markSent(newLedger(refs), [refs[0]], 'batch-1'));
    expect(ledger.map((entry) => entry.state.kind)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('marks a whole group failed when the bridge refuses it', () => {
    const ledger = failPages(newLedger(refs), refs.slice(0, 2), {
      code: 'not-supported',
      message: 'the browser cannot print silently',
    });
    expect(ledgerTotals(ledger)).toMatchObject({ failed: 2, waiting: 1 });
  });
});
