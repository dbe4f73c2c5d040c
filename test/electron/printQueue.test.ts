import { describe, expect, it } from 'vitest';
import {
  createPrintQueue,
  type PrintJob,
  type PrintQueue,
} from '../../electron/printing/printQueue';
import type { PrintProgress } from '#shared/ipc/contract';

/** A queue over `printJob` that records its progress; the clock advances 10 ms per reading. */
function queue(printJob: PrintJob<string>, progressIntervalMs = 0, maxPendingBatches = 20) {
  const events: PrintProgress[] = [];
  let time = 0;
  let ids = 0;
  const printQueue = createPrintQueue<string>({
    printJob,
    onProgress: (progress) => events.push(progress),
    newId: () => `batch-${(ids += 1)}`,
    now: () => (time += 10),
    progressIntervalMs,
    maxPendingBatches,
  });
  return { printQueue, events, last: () => events.at(-1) };
}

/** Queues `jobs`, failing the test if the queue refuses the batch. */
function startBatch(printQueue: PrintQueue<string>, jobs: readonly string[]): string {
  const batchId = printQueue.start(jobs);
  if (batchId === undefined) throw new Error('the queue refused the batch');
  return batchId;
}

/** A job whose promise the test settles, to stop a batch between two jobs. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open: () => open(), opened };
}

describe('createPrintQueue', () => {
  it('prints every job in order, records a failure with its reason, and goes on', async () => {
    const printed: string[] = [];
    const { printQueue, events, last } = queue(async (job) => {
      if (job === 'c') throw new Error('the printer is out of labels');
      printed.push(job);
    });
    const batchId = startBatch(printQueue, ['a', 'b', 'c', 'd', 'e']);
    await printQueue.idle();

    expect(printed).toEqual(['a', 'b', 'd', 'e']);
    expect(last()).toEqual({
      batchId,
      done: 4,
      total: 5,
      failed: [{ index: 2, reason: 'the printer is out of labels' }],
      finished: true,
      cancelled: false,
    });
    expect(events[0]).toMatchObject({ done: 0, total: 5, finished: false });
    expect(events.filter((progress) => progress.finished)).toHaveLength(1);
  });

  it('stops a cancelled batch before its next job', async () => {
    const second = gate();
    const started: string[] = [];
    const { printQueue, last } = queue(async (job) => {
      started.push(job);
      if (job === 'b') await second.opened;
    });
    const batchId = startBatch(printQueue, ['a', 'b', 'c', 'd', 'e']);
    await expect.poll(() => started).toEqual(['a', 'b']);
    expect(printQueue.cancel(batchId)).toBe(true);
    second.open();
    await printQueue.idle();

    // The job already printing ends; none after it starts.
    expect(started).toEqual(['a', 'b']);
    expect(last()).toMatchObject({ done: 2, total: 5, finished: true, cancelled: true });
    expect(printQueue.cancel(batchId)).toBe(false);
  });

  it('runs batches one after another, and cancels a waiting one before it starts', async () => {
    const first = gate();
    const started: string[] = [];
    const { printQueue, events } = queue(async (job) => {
      started.push(job);
      if (job === 'a1') await first.opened;
    });
    const one = startBatch(printQueue, ['a1', 'a2']);
    const two = startBatch(printQueue, ['b1']);
    const three = startBatch(printQueue, ['c1']);
    await expect.poll(() => started).toEqual(['a1']);
    expect(printQueue.cancel(two)).toBe(true);
    first.open();
    await printQueue.idle();

    expect(started).toEqual(['a1', 'a2', 'c1']);
    const finals = events.filter((progress) => progress.finished);
    expect(finals.map(({ batchId, done, cancelled }) => ({ batchId, done, cancelled }))).toEqual([
      { batchId: one, done: 2, cancelled: false },
      { batchId: two, done: 0, cancelled: true },
      { batchId: three, done: 1, cancelled: false },
    ]);
  });

  it('spaces progress events by the clock, and always sends the last', async () => {
    // The clock moves 10 ms per reading; 25 ms between events skips some jobs' events.
    const { printQueue, events } = queue(async () => undefined, 25);
    printQueue.start(Array.from({ length: 20 }, (_, index) => `job-${index}`));
    await printQueue.idle();

    expect(events.length).toBeGreaterThan(2);
    expect(events.length).toBeLessThan(21);
    expect(events.at(-1)).toMatchObject({ done: 20, finished: true });
  });

  it('keeps printing when progress cannot be delivered', async () => {
    const printed: string[] = [];
    const printQueue = createPrintQueue<string>({
      printJob: async (job) => printed.push(job),
      onProgress: () => {
        throw new Error('the window was closed');
      },
      newId: () => 'batch-1',
      maxPendingBatches: 1,
    });
    printQueue.start(['a', 'b']);
    await printQueue.idle();
    expect(printed).toEqual(['a', 'b']);
  });

  it('refuses a batch while the most it holds are pending, and takes one again once one ends', async () => {
    const first = gate();
    const { printQueue } = queue(
      async (job) => {
        if (job === 'first') await first.opened;
      },
      0,
      3,
    );
    startBatch(printQueue, ['first']);
    startBatch(printQueue, ['second']);
    startBatch(printQueue, ['third']);

    expect(printQueue.start(['fourth'])).toBeUndefined();
    first.open();
    await printQueue.idle();
    expect(printQueue.start(['fourth'])).toBeTypeOf('string');
  });
});
