import { describe, expect, it } from 'vitest';
import type { PrintProgress } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/result';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { sampleDocuments } from '../../../electron/documents/sampleDocuments';
import type { StoredClaim } from '../../../renderer/src/core/model';
import {
  addProblemFor,
  batchesToCancel,
  batchPdfTitle,
  claimsLeftToPrint,
  claimsPrintedInFull,
  documentsOf,
  emptyPrintQueue,
  isRunning,
  kindsWithoutPrinter,
  printQueueReducer,
  queuedPages,
  type PrintQueueEvent,
  type PrintQueueState,
  type QueueEntry,
} from '../../../renderer/src/core/printQueue/printQueueModel';
import { makeClaim } from '../../factories/domain';

const sample = sampleDocuments();
const drawn = {
  'rma-slip': sample['rma-slip'],
  'return-label': sample['return-label'],
  'device-tag': sample['device-tag'],
};

function storedClaim(rmaNumber: string, status: ClaimStatus = 'authorized'): StoredClaim {
  return {
    ...makeClaim({ rmaNumber, status }),
    stamps: {},
    updatedBy: '01890000-0000-7000-8000-000000000001',
    station: 'JKT1',
  };
}

function entry(rmaNumber: string, options: { drawn?: boolean } = {}): QueueEntry {
  return {
    claim: storedClaim(rmaNumber),
    documents:
      options.drawn === false ? { ok: false, missing: 'customer' } : { ok: true, value: drawn },
    chosen: ['rma-slip', 'return-label', 'device-tag'],
  };
}

const progress = (overrides: Partial<PrintProgress>): PrintProgress => ({
  batchId: 'batch-1',
  done: 0,
  total: 2,
  failed: [],
  finished: false,
  cancelled: false,
  ...overrides,
});

const notFound: IpcError = { code: 'not-found', message: 'no batch batch-1' };

/** The queue after each of `events` in turn, from empty. */
const after = (...events: PrintQueueEvent[]): PrintQueueState =>
  events.reduce(printQueueReducer, emptyPrintQueue);

const states = (state: PrintQueueState) => state.run?.ledger.map((page) => page.state.kind);

describe('the queue of claims', () => {
  const first = entry('RMA-JKT1-000001');
  const second = entry('RMA-JKT1-000002');

  it('queues the pages of each claim in the order of the buttons', () => {
    const state = after({ kind: 'entries-added', entries: [first, second] });
    expect(queuedPages(state.entries).map((page) => [page.rmaNumber, page.document])).toEqual([
      ['RMA-JKT1-000001', 'rma-slip'],
      ['RMA-JKT1-000001', 'return-label'],
      ['RMA-JKT1-000001', 'device-tag'],
      ['RMA-JKT1-000002', 'rma-slip'],
      ['RMA-JKT1-000002', 'return-label'],
      ['RMA-JKT1-000002', 'device-tag'],
    ]);
  });

  it('keeps the chosen documents in the order of the buttons whatever order they are ticked in', () => {
    const state = after(
      { kind: 'entries-added', entries: [first] },
      { kind: 'document-toggled', claimId: first.claim.id, document: 'rma-slip', on: false },
      { kind: 'document-toggled', claimId: first.claim.id, document: 'device-tag', on: false },
      { kind: 'document-toggled', claimId: first.claim.id, document: 'rma-slip', on: true },
    );
    expect(state.entries[0]?.chosen).toEqual(['rma-slip', 'return-label']);
  });

  it('prints nothing for a claim whose documents could not be drawn', () => {
    const state = after({
      kind: 'entries-added',
      entries: [entry('RMA-JKT1-000003', { drawn: false }), first],
    });
    expect(new Set(queuedPages(state.entries).map((page) => page.rmaNumber))).toEqual(
      new Set(['RMA-JKT1-000001']),
    );
  });

  it('refuses a claim already queued, and a closed or cancelled one', () => {
    const state = after({ kind: 'entries-added', entries: [first] });
    expect(addProblemFor(state, first.claim)).toEqual({
      kind: 'already-queued',
      rmaNumber: 'RMA-JKT1-000001',
    });
    expect(addProblemFor(state, storedClaim('RMA-JKT1-000009', 'closed'))).toEqual({
      kind: 'not-printable',
      rmaNumber: 'RMA-JKT1-000009',
      status: 'closed',
    });
    expect(addProblemFor(state, storedClaim('RMA-JKT1-000010', 'cancelled'))?.kind).toBe(
      'not-printable',
    );
    expect(addProblemFor(state, second.claim)).toBeUndefined();
  });

  it('offers the authorized claims neither printed today nor queued', () => {
    const state = after({ kind: 'entries-added', entries: [first] });
    const third = storedClaim('RMA-JKT1-000003');
    const left = claimsLeftToPrint(state, [first.claim, second.claim, third], new Set([third.id]));
    expect(left.map((claim) => claim.rmaNumber)).toEqual(['RMA-JKT1-000002']);
  });

  it('removes one claim, and clearing empties the queue and forgets the last run', () => {
    const removed = after(
      { kind: 'entries-added', entries: [first, second] },
      { kind: 'entry-removed', claimId: first.claim.id },
    );
    expect(removed.entries.map((queued) => queued.claim.rmaNumber)).toEqual(['RMA-JKT1-000002']);
    const cleared = printQueueReducer(
      printQueueReducer(removed, { kind: 'run-started', pages: queuedPages(removed.entries) }),
      { kind: 'cleared' },
    );
    expect(cleared).toEqual(emptyPrintQueue);
  });

  it('names the document kinds that have no printer', () => {
    const pages = queuedPages([first]);
    const laser = { type: 'system', printer: 'Office_Laser', paper: 'A4' } as const;
    expect(kindsWithoutPrinter(pages, { 'rma-slip': laser })).toEqual([
      'return-label',
      'device-tag',
    ]);
  });

  it('hands out the drawn documents of a queued claim and throws for any other', () => {
    const state = after({ kind: 'entries-added', entries: [first] });
    expect(documentsOf(state, first.claim.id)).toBe(drawn);
    expect(() => documentsOf(state, second.claim.id)).toThrow(/without documents/);
  });

  it('titles the batch PDF with the day and the number of documents', () => {
    expect(batchPdfTitle('2026-12-03', 12)).toBe('print-queue 2026-12-03 12 documents');
  });
});

describe('a print run', () => {
  const queued = entry('RMA-JKT1-000001');
  const [slip, label] = queuedPages([queued]);
  if (slip === undefined || label === undefined) throw new Error('the sample claim has no pages');
  const started: PrintQueueEvent = { kind: 'run-started', pages: [slip, label] };
  const sent: PrintQueueEvent = { kind: 'group-sent', pages: [slip, label], batchId: 'batch-1' };

  it('waits until the bridge reports the pages printed', () => {
    const sending = after(started, sent);
    expect(isRunning(sending.run)).toBe(true);
    const done = printQueueReducer(sending, {
      kind: 'progress-received',
      progress: progress({ done: 2, finished: true }),
    });
    expect(states(done)).toEqual(['printed', 'printed']);
    expect(isRunning(done.run)).toBe(false);
    expect(claimsPrintedInFull(done.run?.ledger ?? [])).toEqual([queued.claim.id]);
  });

  it('lands a progress event that came before the batch id once the id comes', () => {
    const state = after(
      started,
      { kind: 'progress-received', progress: progress({ done: 1 }) },
      sent,
    );
    expect(states(state)).toEqual(['printed', 'waiting']);
  });

  it('fails the pages of a group the bridge refused, and keeps the refusal', () => {
    const refusal: IpcError = { code: 'invalid-input', message: 'no such printer' };
    const state = after(started, { kind: 'group-refused', pages: [slip, label], error: refusal });
    expect(states(state)).toEqual(['failed', 'failed']);
    expect(state.run?.refusal).toEqual(refusal);
    expect(isRunning(state.run)).toBe(false);
    expect(claimsPrintedInFull(state.run?.ledger ?? [])).toEqual([]);
  });

  it('does not count a claim printed when one of its pages failed at the printer', () => {
    const state = after(started, sent, {
      kind: 'progress-received',
      progress: progress({
        done: 1,
        failed: [{ index: 1, reason: 'out of paper' }],
        finished: true,
      }),
    });
    expect(states(state)).toEqual(['printed', 'failed']);
    expect(claimsPrintedInFull(state.run?.ledger ?? [])).toEqual([]);
  });

  it('cancels on cancel the pages never sent, and leaves sent ones to their batch', () => {
    const state = after(
      started,
      { kind: 'group-sent', pages: [slip], batchId: 'batch-1' },
      { kind: 'cancel-requested' },
      { kind: 'unsent-cancelled' },
    );
    expect(state.run?.cancelling).toBe(true);
    expect(states(state)).toEqual(['waiting', 'cancelled']);
  });

  it('asks to cancel only the sent batches that have not finished', () => {
    const state = after(
      started,
      { kind: 'group-sent', pages: [slip], batchId: 'batch-1' },
      { kind: 'group-sent', pages: [label], batchId: 'batch-2' },
      {
        kind: 'progress-received',
        progress: progress({ batchId: 'batch-1', done: 1, total: 1, finished: true }),
      },
    );
    expect(batchesToCancel(state.run)).toEqual(['batch-2']);
    expect(batchesToCancel(undefined)).toEqual([]);
  });

  it('fails the waiting pages of a batch main has lost, with its answer', () => {
    const state = after(started, sent, {
      kind: 'batches-lost',
      lost: [{ batchId: 'batch-1', error: notFound }],
    });
    expect(state.run?.ledger.map((page) => page.state)).toEqual([
      { kind: 'failed', cause: { kind: 'bridge', error: notFound } },
      { kind: 'failed', cause: { kind: 'bridge', error: notFound } },
    ]);
  });

  it('starts each run afresh: no cancel and no progress carried over', () => {
    const state = after(
      started,
      sent,
      { kind: 'cancel-requested' },
      { kind: 'progress-received', progress: progress({ done: 2, finished: true }) },
      started,
    );
    expect(state.run?.cancelling).toBe(false);
    expect(state.run?.sentBatches).toEqual([]);
    expect(states(after(started, sent, started, sent))).toEqual(['waiting', 'waiting']);
  });

  it('ignores the bridge when no run is shown', () => {
    const state = after({ kind: 'progress-received', progress: progress({ done: 1 }) });
    expect(state).toBe(emptyPrintQueue);
  });
});
