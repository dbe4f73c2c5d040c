import type { PrintProgress } from '#shared/ipc/contract';

/**
 * Runs print batches: one job after another, batches in the order they were queued, so a label
 * printer's raw port is never asked to take two jobs at once. A job that fails is recorded (its
 * index and why) and the batch goes on; a cancelled batch stops before its next job. Progress
 * goes to `onProgress`, at most every `progressIntervalMs` while jobs complete, and always once
 * at the end with `finished` set.
 */

/** Prints one job; rejects with an Error whose message says why the job failed. */
export type PrintJob<Job> = (job: Job, index: number) => Promise<unknown>;

/** What a print queue needs; the printer function and the clock are injected for tests. */
export type PrintQueueOptions<Job> = {
  readonly printJob: PrintJob<Job>;
  readonly onProgress: (progress: PrintProgress) => void;
  /** Makes batch ids; crypto.randomUUID in the app. */
  readonly newId: () => string;
  /** Milliseconds, for spacing progress events; Date.now by default. */
  readonly now?: () => number;
  /** Least time between two progress events while a batch runs; 0 sends one per job. */
  readonly progressIntervalMs?: number;
  /** Most batches waiting or printing at once; {@link PrintQueue.start} refuses one more. */
  readonly maxPendingBatches: number;
};

/** The batch runner. */
export type PrintQueue<Job> = {
  /**
   * Queues `jobs` and answers the batch's id at once; the batch runs after those before it.
   * Answers undefined, queueing nothing, while `maxPendingBatches` batches are pending.
   */
  start(jobs: readonly Job[]): string | undefined;
  /** Stops a queued or running batch before its next job; false when no such batch is pending. */
  cancel(batchId: string): boolean;
  /** Resolves when every batch queued so far has finished (for tests and shutdown). */
  idle(): Promise<void>;
};

/** Creates a print queue; see the module comment. */
export function createPrintQueue<Job>(options: PrintQueueOptions<Job>): PrintQueue<Job> {
  const {
    printJob,
    onProgress,
    newId,
    now = Date.now,
    progressIntervalMs = 250,
    maxPendingBatches,
  } = options;
  const cancelled = new Set<string>();
  const pending = new Set<string>();
  let tail: Promise<void> = Promise.resolve();

  async function run(batchId: string, jobs: readonly Job[]): Promise<void> {
    const progress: PrintProgress = {
      batchId,
      done: 0,
      total: jobs.length,
      failed: [],
      finished: false,
      cancelled: false,
    };
    const report = (): void => {
      try {
        // A copy per event: a listener may keep it while the batch goes on.
        onProgress({ ...progress, failed: [...progress.failed] });
      } catch {
        // A closed window cannot hear progress; the printing still goes on.
      }
    };
    report();
    let lastReport = now();
    for (const [index, job] of jobs.entries()) {
      if (cancelled.has(batchId)) {
        progress.cancelled = true;
        break;
      }
      try {
        await printJob(job, index);
        progress.done += 1;
      } catch (error) {
        progress.failed.push({
          index,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      if (now() - lastReport >= progressIntervalMs && index < jobs.length - 1) {
        report();
        lastReport = now();
      }
    }
    progress.finished = true;
    pending.delete(batchId);
    cancelled.delete(batchId);
    report();
  }

  return {
    start(jobs) {
      if (pending.size >= maxPendingBatches) return undefined;
      const batchId = newId();
      pending.add(batchId);
      // run() never rejects (each job's failure is caught), so the chain never breaks.
      tail = tail.then(() => run(batchId, jobs));
      return batchId;
    },
    cancel(batchId) {
      if (!pending.has(batchId)) return false;
      cancelled.add(batchId);
      return true;
    },
    idle: () => tail,
  };
}
