import type { ClaimDocumentKind, DocumentRequestInput } from '#shared/documents';
import type { FixlineBridge } from '#shared/ipc/bridge';
import { maxBatchJobs, type PrintProgress } from '#shared/ipc/contract';
import type { IpcError, Result } from '#shared/ipc/result';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { claimDocumentKinds } from '#shared/documents';
import { lookUpRmaNumber, readClaimBundle, type ClaimBundle } from '../claimBundle';
import { claimDocumentsFor } from '../claimDocumentRecords';
import { stationPrinting, type StationSettingsRow } from '../model';
import type { StationQueries } from '../stationCore';
import { pagesToRetry, pdfBatchJobs, planBatch, type PageRef } from './printBatch';
import { markPrintedToday, printedToday } from './printedToday';
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
  type AddProblem,
  type PrintQueueEvent,
  type PrintQueueState,
  type PrintRun,
  type QueueEntry,
} from './printQueueModel';

/**
 * The warehouse print queue as the desk uses it: `printQueueModel`'s state machine, fed by what
 * the station's records and the bridge answer. Plain TypeScript with its parts handed in, so a
 * test drives it over a real database, and React only subscribes to it (`usePrintQueue`).
 */

/** A note after "add the authorized claims". */
export type AddAllOutcome = { readonly kind: 'added' | 'none'; readonly count: number };

/** Why the batch PDF was not made: the documents were refused, or the save failed. */
export type BatchPdfFailure =
  | { readonly kind: 'document'; readonly invalid: boolean; readonly detail: string }
  | { readonly kind: 'bridge'; readonly error: IpcError };

/** What the last PDF of the batch came to, in the browser build. */
export type BatchPdfOutcome =
  | { readonly kind: 'working'; readonly action: 'open' | 'download' }
  | { readonly kind: 'opened'; readonly count: number }
  | { readonly kind: 'downloaded'; readonly fileName: string; readonly count: number }
  | { readonly kind: 'refused'; readonly failure: BatchPdfFailure };

/** The bridge's printing, as the queue uses it. */
export type QueuePrinting = {
  /** False in a browser: it cannot print silently, so the batch button is off there. */
  readonly canPrintSilently: boolean;
  readonly printBatch: FixlineBridge['printing']['printBatch'];
  readonly cancelBatch: FixlineBridge['printing']['cancelBatch'];
  /** Listens to the batches' progress; answers the function that stops listening. */
  readonly onProgress: (listener: (progress: PrintProgress) => void) => () => void;
};

/** The bridge's printing calls and progress events, for the queue. */
export function bridgePrinting(bridge: FixlineBridge): QueuePrinting {
  return {
    canPrintSilently: bridge.kind === 'desktop',
    printBatch: (request) => bridge.printing.printBatch(request),
    cancelBatch: (request) => bridge.printing.cancelBatch(request),
    onProgress: (listener) => bridge.on('fixline:printing:progress', listener),
  };
}

/** The browser build's batch: one PDF of every page, opened in the print dialog or saved. */
export type BatchPdfMaker = {
  readonly render: (
    jobs: readonly DocumentRequestInput[],
  ) => Promise<
    | { readonly ok: true; readonly pdf: Uint8Array<ArrayBuffer> }
    | { readonly ok: false; readonly invalid: boolean; readonly message: string }
  >;
  readonly open: (pdf: Uint8Array<ArrayBuffer>, title: string) => void;
  /** Saves (downloads) the PDF; `canceled` when the person said no. */
  readonly save: (
    suggestedName: string,
    pdf: Uint8Array<ArrayBuffer>,
  ) => Promise<Result<{ outcome: 'saved'; path: string } | { outcome: 'canceled' }>>;
};

export type PrintQueueParts = {
  readonly queries: Pick<
    StationQueries,
    'claimsByStatus' | 'claimsByRmaNumber' | 'claimDetails' | 'claimEvents'
  >;
  /** The station as it is when the queue is made; later versions come through `setStation`. */
  readonly station: StationSettingsRow;
  readonly printing: QueuePrinting;
  readonly pdf: BatchPdfMaker;
  /** Where the claims printed today are kept: the browser's local storage. */
  readonly storage: Storage;
  readonly now: () => number;
};

/** What the desk shows: the queue, the run, and the notes of the last actions. */
export type PrintQueueSnapshot = {
  readonly canPrintSilently: boolean;
  /** The RMA number field. */
  readonly input: string;
  readonly problem: AddProblem | undefined;
  readonly addAllOutcome: AddAllOutcome | undefined;
  readonly pdfOutcome: BatchPdfOutcome | undefined;
  readonly entries: readonly QueueEntry[];
  readonly pages: readonly PageRef[];
  readonly kindsWithoutPrinter: readonly ClaimDocumentKind[];
  readonly run: PrintRun | undefined;
  readonly running: boolean;
};

export type PrintQueueActions = {
  readonly setInput: (input: string) => void;
  /** Adds the claim of a scanned or typed RMA number, or says why not. */
  readonly add: (code: string) => Promise<void>;
  readonly addAuthorizedNotPrintedToday: () => Promise<void>;
  readonly toggleDocument: (claimId: string, document: ClaimDocumentKind, on: boolean) => void;
  readonly remove: (claimId: string) => void;
  readonly clear: () => void;
  readonly printQueue: () => Promise<void>;
  /** Prints again the pages of the last run that failed or were cancelled. */
  readonly retry: () => Promise<void>;
  readonly cancel: () => Promise<void>;
  readonly openBatchPdf: () => Promise<void>;
  readonly downloadBatchPdf: () => Promise<void>;
};

export type PrintQueue = {
  /** For React's useSyncExternalStore: the snapshot changes identity only when it changes. */
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => PrintQueueSnapshot;
  readonly actions: PrintQueueActions;
  /** The station's settings changed (its printers, say): the queue is kept. */
  readonly setStation: (station: StationSettingsRow) => void;
  /** Stops listening to the bridge: the desk closed. */
  readonly dispose: () => void;
};

type DeskNotes = Pick<PrintQueueSnapshot, 'input' | 'problem' | 'addAllOutcome' | 'pdfOutcome'>;

export function createPrintQueue(parts: PrintQueueParts): PrintQueue {
  const { queries, printing, pdf, storage, now } = parts;
  let station = parts.station;
  // The queue as it is now: an action that awaits the bridge between steps sees a cancel made
  // meanwhile at once (a cancel between two groups stops the second).
  let state: PrintQueueState = emptyPrintQueue;
  let notes: DeskNotes = {
    input: '',
    problem: undefined,
    addAllOutcome: undefined,
    pdfOutcome: undefined,
  };
  let snapshot = snapshotOf();
  const listeners = new Set<() => void>();
  let stopListening: (() => void) | undefined;

  function snapshotOf(previous?: PrintQueueSnapshot): PrintQueueSnapshot {
    const pages = previous?.entries === state.entries ? previous.pages : queuedPages(state.entries);
    return {
      canPrintSilently: printing.canPrintSilently,
      ...notes,
      entries: state.entries,
      pages,
      kindsWithoutPrinter: kindsWithoutPrinter(pages, stationPrinting(station)),
      run: state.run,
      running: isRunning(state.run),
    };
  }

  function publish(): void {
    snapshot = snapshotOf(snapshot);
    for (const listener of listeners) listener();
  }

  function note(changes: Partial<DeskNotes>): void {
    notes = { ...notes, ...changes };
    publish();
  }

  const today = () => calendarDayIn(stationTimeZone(station.timeZone), now());

  function dispatch(event: PrintQueueEvent): void {
    const before = state.run;
    state = printQueueReducer(state, event);
    const { run } = state;
    if (!isRunning(run)) {
      // No page waits any more: nothing left to listen for.
      stopListening?.();
      stopListening = undefined;
      // A claim whose every page printed is done for today on this station.
      if (run !== undefined && run !== before) {
        markPrintedToday(storage, station.stationCode, today(), claimsPrintedInFull(run.ledger));
      }
    }
    publish();
  }

  const entryOf = (bundle: ClaimBundle): QueueEntry => ({
    claim: bundle.claim,
    documents: claimDocumentsFor({ station, ...bundle }, bundle.authorizedOn),
    chosen: claimDocumentKinds,
  });

  const documentsNow = (claimId: string) => documentsOf(state, claimId);
  // A function, not a test of `state` in place: the state changes while an action awaits.
  const cancelling = () => state.run?.cancelling === true;

  async function add(code: string): Promise<void> {
    note({ input: code.trim(), addAllOutcome: undefined });
    const found = await lookUpRmaNumber(queries, station, code);
    if (found.kind !== 'found') {
      note({ problem: found });
      return;
    }
    const refused = addProblemFor(state, found.bundle.claim);
    if (refused !== undefined) {
      note({ problem: refused });
      return;
    }
    notes = { ...notes, problem: undefined, input: '' };
    dispatch({ kind: 'entries-added', entries: [entryOf(found.bundle)] });
  }

  async function addAuthorizedNotPrintedToday(): Promise<void> {
    note({ problem: undefined });
    const authorized = await queries.claimsByStatus('authorized', { limit: maxBatchJobs });
    const printed = printedToday(storage, station.stationCode, today());
    const claims = claimsLeftToPrint(state, authorized, printed);
    const bundles = await Promise.all(
      claims.map((claim) => readClaimBundle(queries, station, claim)),
    );
    notes = {
      ...notes,
      addAllOutcome: { kind: bundles.length > 0 ? 'added' : 'none', count: bundles.length },
    };
    dispatch({ kind: 'entries-added', entries: bundles.map(entryOf) });
  }

  /** Tells the bridge to stop `batchIds`; a batch it no longer knows while pages wait is lost. */
  async function cancelBatches(batchIds: readonly string[]): Promise<void> {
    // A batch that finished meanwhile answers not-found: only one whose pages still wait is lost.
    const answers = await Promise.all(
      batchIds.map(async (batchId) => ({
        batchId,
        answer: await printing.cancelBatch({ batchId }),
      })),
    );
    const lost = answers.flatMap(({ batchId, answer }) =>
      answer.ok ? [] : [{ batchId, error: answer.error }],
    );
    if (lost.length > 0) dispatch({ kind: 'batches-lost', lost });
  }

  async function printPages(refs: readonly PageRef[]): Promise<void> {
    if (refs.length === 0 || isRunning(state.run)) return;
    const plan = planBatch(refs, documentsNow, stationPrinting(station));
    if (plan.kindsWithoutPrinter.length > 0) return;
    dispatch({ kind: 'run-started', pages: plan.groups.flatMap((group) => group.refs) });
    // Listening starts before the first batch is sent, so no progress event is missed.
    stopListening?.();
    stopListening = printing.onProgress((progress) => {
      dispatch({ kind: 'progress-received', progress });
    });
    for (const group of plan.groups) {
      if (cancelling()) break;
      const answer = await printing.printBatch({ jobs: [...group.jobs], target: group.target });
      dispatch(
        answer.ok
          ? { kind: 'group-sent', pages: group.refs, batchId: answer.value.batchId }
          : { kind: 'group-refused', pages: group.refs, error: answer.error },
      );
      // The clerk cancelled while this group was being handed over: it stops too.
      if (answer.ok && cancelling()) {
        await cancelBatches([answer.value.batchId]);
      }
    }
    if (cancelling()) dispatch({ kind: 'unsent-cancelled' });
  }

  /**
   * The browser build's batch: every page in ONE PDF, drawn in the document worker, opened in
   * the print dialog (where the person chooses the printer) or downloaded.
   */
  async function batchPdf(action: 'open' | 'download'): Promise<void> {
    const refs = snapshot.pages;
    if (refs.length === 0) return;
    note({ pdfOutcome: { kind: 'working', action } });
    const rendered = await pdf.render(pdfBatchJobs(refs, documentsNow, stationPrinting(station)));
    if (!rendered.ok) {
      const failure: BatchPdfFailure = {
        kind: 'document',
        invalid: rendered.invalid,
        detail: rendered.message,
      };
      note({ pdfOutcome: { kind: 'refused', failure } });
      return;
    }
    const title = batchPdfTitle(today(), refs.length);
    if (action === 'open') {
      pdf.open(rendered.pdf, title);
      note({ pdfOutcome: { kind: 'opened', count: refs.length } });
      return;
    }
    const saved = await pdf.save(`${title}.pdf`, rendered.pdf);
    note({
      pdfOutcome: !saved.ok
        ? { kind: 'refused', failure: { kind: 'bridge', error: saved.error } }
        : saved.value.outcome === 'saved'
          ? { kind: 'downloaded', fileName: saved.value.path, count: refs.length }
          : undefined,
    });
  }

  async function cancel(): Promise<void> {
    dispatch({ kind: 'cancel-requested' });
    await cancelBatches(batchesToCancel(state.run));
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setStation(next) {
      if (next === station) return;
      station = next;
      publish();
    },
    dispose() {
      stopListening?.();
      stopListening = undefined;
    },
    actions: {
      setInput: (input) => note({ input }),
      add,
      addAuthorizedNotPrintedToday,
      toggleDocument: (claimId, document, on) =>
        dispatch({ kind: 'document-toggled', claimId, document, on }),
      remove: (claimId) => dispatch({ kind: 'entry-removed', claimId }),
      clear: () => dispatch({ kind: 'cleared' }),
      printQueue: () => printPages(snapshot.pages),
      retry: () =>
        state.run === undefined ? Promise.resolve() : printPages(pagesToRetry(state.run.ledger)),
      cancel,
      openBatchPdf: () => batchPdf('open'),
      downloadBatchPdf: () => batchPdf('download'),
    },
  };
}
