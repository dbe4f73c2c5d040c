import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentRequestSchema, layoutDocument, type DocumentLayout } from '#shared/documents';
import { renderLayoutsToPdf } from '#shared/documents/pdf';
import type { PrintProgress } from '#shared/ipc/contract';
import { success } from '#shared/ipc/result';
import type { RecordId } from '#shared/domain/primitives';
import {
  createNodePdfDocument,
  documentFonts,
  measureText,
} from '../../../electron/documents/fonts';
import {
  createPrintQueue,
  createStationCore,
  type BatchPdfMaker,
  type PrintQueue,
  type QueuePrinting,
  type StationSettingsRow,
} from '../../../renderer/src/core';
import { createRepositories, type Repositories } from '../../../renderer/src/db/repositories';
import { makeClaimDraft } from '../../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  openTestDatabase,
} from '../../db/testDatabase';

/** 10:00 in Jakarta on 2026-05-04: the day printed-today is kept under. */
const nowMs = Date.UTC(2026, 4, 4, 3, 0);
const today = '2026-05-04';

const laser = { type: 'system', printer: 'Office_Laser' } as const;
const zebra = { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-00000000b001' } as const;

/** Web Storage in memory: Node 20 has no localStorage. */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

/**
 * The bridge's printing as main answers it: a batch id at once, progress when the test says the
 * printer moved. `holdNextBatch` keeps the next printBatch unanswered until released, for a
 * cancel made while a group is being handed over.
 */
class FakePrinting implements QueuePrinting {
  readonly canPrintSilently = true;
  readonly sent: { batchId: string; kinds: string[]; target: unknown }[] = [];
  readonly cancelled: string[] = [];
  readonly #listeners = new Set<(progress: PrintProgress) => void>();
  #held: { reached: () => void; release: Promise<void> } | undefined;

  get listening(): number {
    return this.#listeners.size;
  }

  /** Holds the next batch; answers when it reaches the printer, and the release. */
  holdNextBatch(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.#held = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
    return { reached: reachedPromise, release };
  }

  readonly printBatch: QueuePrinting['printBatch'] = async ({ jobs, target }) => {
    const batchId = `batch-${this.sent.length + 1}`;
    this.sent.push({ batchId, kinds: jobs.map((job) => job.kind), target });
    const held = this.#held;
    this.#held = undefined;
    if (held !== undefined) {
      held.reached();
      await held.release;
    }
    return success({ batchId });
  };

  readonly cancelBatch: QueuePrinting['cancelBatch'] = async ({ batchId }) => {
    this.cancelled.push(batchId);
    return success(null);
  };

  readonly onProgress: QueuePrinting['onProgress'] = (listener) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The printer's last word on a batch: `done` pages printed, `failed` ones with a reason. */
  finish(batchId: string, progress: Partial<PrintProgress> = {}): void {
    const { done = 0, failed = [] } = progress;
    const event = {
      batchId,
      done,
      failed,
      finished: true,
      cancelled: false,
      total: 0,
      ...progress,
    };
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/** The browser build's PDF, drawn by the shared renderer in Node; opening and saving recorded. */
function nodeBatchPdf() {
  const made: { action: 'open' | 'save'; title: string; pages: number }[] = [];
  const pageCount = (pdf: Uint8Array) =>
    (new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const maker: BatchPdfMaker = {
    async render(jobs) {
      const requests = z.array(documentRequestSchema).parse(jobs);
      const layouts = requests.map((request): DocumentLayout => {
        const layout = layoutDocument(request.kind, request.data, {
          measureText,
          ...request.options,
        });
        if (!layout.ok) throw new Error(layout.error.message);
        return layout.value;
      });
      const pdf = await renderLayoutsToPdf(layouts, {
        createDocument: createNodePdfDocument,
        fonts: documentFonts(),
        measureText,
        yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      });
      return { ok: true, pdf };
    },
    open(pdf, title) {
      made.push({ action: 'open', title, pages: pageCount(pdf) });
    },
    async save(suggestedName, pdf) {
      made.push({ action: 'save', title: suggestedName, pages: pageCount(pdf) });
      return success({ outcome: 'saved', path: suggestedName });
    },
  };
  return { maker, made };
}

/** A station whose documents can be drawn (its center has an address, a phone, a currency). */
async function openStation() {
  const { db } = await openTestDatabase(null);
  expectOk(
    await createRepositories(db, { now: () => firstWriteMs }).station.setUp({
      stationCode: 'JKT1',
      center: {
        name: 'Fixline Service Center Jakarta',
        address: { lines: ['Jl. Gatot Subroto 12'], city: 'Jakarta', countryCode: 'ID' },
        phone: '+62 21 555 0100',
      },
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
    }),
  );
  const core = createStationCore(db, { now: () => nowMs });
  const repositories = core.commands;
  // Slips on the laser, labels and tags on the label printer: two groups.
  expectOk(
    await repositories.station.savePrinting({
      'rma-slip': { ...laser, paper: 'A4' },
      'return-label': zebra,
      'device-tag': zebra,
    }),
  );
  return { core, repositories };
}

/** A claim in `status` (authorized by default), with its customer and device. */
async function claimIn(
  repositories: Repositories,
  serial: string,
  status: 'intake' | 'authorized' = 'authorized',
): Promise<{ id: RecordId; rmaNumber: string }> {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories, { serial });
  const claim = expectOk(
    await repositories.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
  );
  if (status === 'authorized') {
    for (const step of ['awaiting-authorization', 'authorized'] as const) {
      expectOk(await repositories.claims.transition(claim.id, step, asTechnician));
    }
  }
  return { id: claim.id, rmaNumber: claim.rmaNumber };
}

async function openDesk() {
  const { core, repositories } = await openStation();
  const station: StationSettingsRow | undefined = await core.queries.station();
  if (station === undefined) throw new Error('the station is not set up');
  const printing = new FakePrinting();
  const storage = new MemoryStorage();
  const pdf = nodeBatchPdf();
  const queue = createPrintQueue({
    queries: core.queries,
    station,
    printing,
    pdf: pdf.maker,
    storage,
    now: () => nowMs,
  });
  return { queue, repositories, printing, storage, pdf };
}

const pageStates = (queue: PrintQueue) =>
  queue
    .getSnapshot()
    .run?.ledger.map((page) => `${page.ref.rmaNumber} ${page.ref.document} ${page.state.kind}`);

describe('the print queue', () => {
  it('adds a scanned RMA number with its documents, and says why an unknown or odd code is not added', async () => {
    const { queue, repositories } = await openDesk();
    const claim = await claimIn(repositories, 'SN-0001');
    let changes = 0;
    queue.subscribe(() => (changes += 1));

    await queue.actions.add('RMA-JKT1-999999');
    expect(queue.getSnapshot()).toMatchObject({
      problem: { kind: 'not-found', rmaNumber: 'RMA-JKT1-999999' },
      input: 'RMA-JKT1-999999',
      entries: [],
    });
    await queue.actions.add('hello');
    expect(queue.getSnapshot().problem).toEqual({ kind: 'not-an-rma-number', code: 'hello' });

    await queue.actions.add(` ${claim.rmaNumber.toLowerCase()} `);
    const snapshot = queue.getSnapshot();
    expect(snapshot.problem).toBeUndefined();
    expect(snapshot.input).toBe('');
    expect(snapshot.entries.map((entry) => entry.claim.id)).toEqual([claim.id]);
    expect(snapshot.entries[0]?.documents.ok).toBe(true);
    expect(snapshot.pages.map((page) => page.document)).toEqual([
      'rma-slip',
      'return-label',
      'device-tag',
    ]);
    expect(snapshot.kindsWithoutPrinter).toEqual([]);
    expect(changes).toBeGreaterThan(0);
    // Nothing changed, nothing new to draw.
    expect(queue.getSnapshot()).toBe(snapshot);

    await queue.actions.add(claim.rmaNumber);
    expect(queue.getSnapshot().problem).toEqual({
      kind: 'already-queued',
      rmaNumber: claim.rmaNumber,
    });
    expect(queue.getSnapshot().entries).toHaveLength(1);
  });

  it('adds every authorized claim not queued yet, then says none is left', async () => {
    const { queue, repositories } = await openDesk();
    const first = await claimIn(repositories, 'SN-0001');
    const second = await claimIn(repositories, 'SN-0002');
    const third = await claimIn(repositories, 'SN-0003');
    await claimIn(repositories, 'SN-0004', 'intake');
    await queue.actions.add(second.rmaNumber);

    await queue.actions.addAuthorizedNotPrintedToday();
    expect(queue.getSnapshot().addAllOutcome).toEqual({ kind: 'added', count: 2 });
    expect(
      queue
        .getSnapshot()
        .entries.map((entry) => entry.claim.id)
        .sort(),
    ).toEqual([first.id, second.id, third.id].sort());

    await queue.actions.addAuthorizedNotPrintedToday();
    expect(queue.getSnapshot().addAllOutcome).toEqual({ kind: 'none', count: 0 });
    expect(queue.getSnapshot().entries).toHaveLength(3);
  });

  it('sees a cancel made while a group is handed over at once: the next group is never sent', async () => {
    const { queue, repositories, printing } = await openDesk();
    const claim = await claimIn(repositories, 'SN-0001');
    await queue.actions.add(claim.rmaNumber);

    const held = printing.holdNextBatch();
    const printed = queue.actions.printQueue();
    await held.reached;
    expect(queue.getSnapshot().running).toBe(true);
    await queue.actions.cancel();
    held.release();
    await printed;

    // The slip's batch went and was stopped; the labels' batch never went.
    expect(printing.sent.map((batch) => batch.kinds)).toEqual([['rma-slip']]);
    expect(printing.cancelled).toEqual(['batch-1']);
    expect(pageStates(queue)).toEqual([
      `${claim.rmaNumber} rma-slip waiting`,
      `${claim.rmaNumber} return-label cancelled`,
      `${claim.rmaNumber} device-tag cancelled`,
    ]);

    printing.finish('batch-1', { cancelled: true });
    expect(pageStates(queue)?.[0]).toBe(`${claim.rmaNumber} rma-slip cancelled`);
    expect(queue.getSnapshot().running).toBe(false);
    expect(printing.listening).toBe(0);
  });

  it('cancels every batch already sent, and one answered after the cancel', async () => {
    const { queue, repositories, printing } = await openDesk();
    const claim = await claimIn(repositories, 'SN-0001');
    await queue.actions.add(claim.rmaNumber);

    // The slip's group is answered at once; the labels' group, sent after it, is held.
    const printed = queue.actions.printQueue();
    const held = printing.holdNextBatch();
    await held.reached;
    await queue.actions.cancel();
    held.release();
    await printed;

    expect(printing.sent.map((batch) => batch.batchId)).toEqual(['batch-1', 'batch-2']);
    expect(printing.cancelled).toEqual(['batch-1', 'batch-2']);
  });

  it('prints again only the pages that failed', async () => {
    const { queue, repositories, printing } = await openDesk();
    const claim = await claimIn(repositories, 'SN-0001');
    await queue.actions.add(claim.rmaNumber);

    await queue.actions.printQueue();
    expect(printing.sent.map((batch) => batch.kinds)).toEqual([
      ['rma-slip'],
      ['return-label', 'device-tag'],
    ]);
    printing.finish('batch-1', { done: 1, total: 1 });
    printing.finish('batch-2', { done: 1, total: 2, failed: [{ index: 1, reason: 'Ribbon out' }] });
    expect(pageStates(queue)).toEqual([
      `${claim.rmaNumber} rma-slip printed`,
      `${claim.rmaNumber} return-label printed`,
      `${claim.rmaNumber} device-tag failed`,
    ]);
    expect(printing.listening).toBe(0);

    await queue.actions.retry();
    expect(printing.sent[2]).toEqual({ batchId: 'batch-3', kinds: ['device-tag'], target: zebra });
    expect(pageStates(queue)).toEqual([`${claim.rmaNumber} device-tag waiting`]);
    printing.finish('batch-3', { done: 1, total: 1 });
    expect(pageStates(queue)).toEqual([`${claim.rmaNumber} device-tag printed`]);
  });

  it('marks a claim printed today only when every page of it printed, and leaves it out of the next "add all"', async () => {
    const { queue, repositories, printing, storage } = await openDesk();
    const whole = await claimIn(repositories, 'SN-0001');
    const torn = await claimIn(repositories, 'SN-0002');
    await queue.actions.add(whole.rmaNumber);
    await queue.actions.add(torn.rmaNumber);

    await queue.actions.printQueue();
    printing.finish('batch-1', { done: 2, total: 2 });
    // Labels and tags: whole's two, then torn's two; torn's tag jams.
    printing.finish('batch-2', { done: 3, total: 4, failed: [{ index: 3, reason: 'Jammed' }] });

    expect(JSON.parse(storage.getItem(`fixline:warehouse:printed:JKT1:${today}`) ?? '[]')).toEqual([
      whole.id,
    ]);
    queue.actions.clear();
    await queue.actions.addAuthorizedNotPrintedToday();
    expect(queue.getSnapshot().entries.map((entry) => entry.claim.id)).toEqual([torn.id]);
  });

  it('makes one PDF of the queue in the browser build, downloaded under the day and the count', async () => {
    const { queue, repositories, pdf } = await openDesk();
    const claim = await claimIn(repositories, 'SN-0001');
    await queue.actions.add(claim.rmaNumber);
    queue.actions.toggleDocument(claim.id, 'return-label', false);

    await queue.actions.downloadBatchPdf();
    expect(pdf.made).toEqual([
      { action: 'save', title: `print-queue ${today} 2 documents.pdf`, pages: 2 },
    ]);
    expect(queue.getSnapshot().pdfOutcome).toEqual({
      kind: 'downloaded',
      fileName: `print-queue ${today} 2 documents.pdf`,
      count: 2,
    });
  });
});
