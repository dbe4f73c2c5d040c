import { claimDocumentKinds, type ClaimDocumentKind, type ClaimDocuments } from '#shared/documents';
import type { PrintProgress } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/result';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { ClaimDocumentsResult } from '../claimDocumentRecords';
import type { PrintingSettings, StoredClaim } from '../model';
import {
  applyProgress,
  failPages,
  ledgerTotals,
  markSent,
  newLedger,
  type LedgerPage,
  type PageRef,
} from './printBatch';

/**
 * The warehouse print queue as a state machine over plain data: the claims queued with the
 * documents chosen for each, and the batch being printed, moved on by the events the desk and
 * the bridge send. No React and no bridge here, so every step (a progress event that arrives
 * before its batch's id, a cancel between two groups, a batch main has lost) is tested as data;
 * `usePrintQueue` only talks to the bridge and feeds the answers in.
 */

/** A claim in the queue, its documents drawn, and which of them to print. */
export type QueueEntry = {
  readonly claim: StoredClaim;
  readonly documents: ClaimDocumentsResult;
  readonly chosen: readonly ClaimDocumentKind[];
};

/** What the last attempt to add a claim came to, for the message under the field. */
export type AddProblem =
  | { readonly kind: 'not-an-rma-number'; readonly code: string }
  | { readonly kind: 'not-found'; readonly rmaNumber: string }
  | { readonly kind: 'already-queued'; readonly rmaNumber: string }
  | { readonly kind: 'not-printable'; readonly rmaNumber: string; readonly status: ClaimStatus };

/** A batch being printed or just printed. */
export type PrintRun = {
  readonly ledger: readonly LedgerPage[];
  /** The clerk asked to stop: no further group is sent. */
  readonly cancelling: boolean;
  /** The bridge refused to take a group; its pages are marked failed. */
  readonly refusal?: IpcError;
  /**
   * The latest progress of each bridge batch (events are cumulative), kept for an event that
   * arrives before printBatch has answered the batch's id, and to know which batches finished.
   */
  readonly progressByBatch: ReadonlyMap<string, PrintProgress>;
  /** The bridge batches sent so far, in order: those a cancel must reach. */
  readonly sentBatches: readonly string[];
};

export type PrintQueueState = {
  readonly entries: readonly QueueEntry[];
  readonly run: PrintRun | undefined;
};

/** What moves the queue on: the clerk's actions and the bridge's answers and events. */
export type PrintQueueEvent =
  | { readonly kind: 'entries-added'; readonly entries: readonly QueueEntry[] }
  | {
      readonly kind: 'document-toggled';
      readonly claimId: string;
      readonly document: ClaimDocumentKind;
      readonly on: boolean;
    }
  | { readonly kind: 'entry-removed'; readonly claimId: string }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'run-started'; readonly pages: readonly PageRef[] }
  | { readonly kind: 'progress-received'; readonly progress: PrintProgress }
  | { readonly kind: 'group-sent'; readonly pages: readonly PageRef[]; readonly batchId: string }
  | { readonly kind: 'group-refused'; readonly pages: readonly PageRef[]; readonly error: IpcError }
  | { readonly kind: 'cancel-requested' }
  | { readonly kind: 'unsent-cancelled' }
  | {
      readonly kind: 'batches-lost';
      readonly lost: readonly { readonly batchId: string; readonly error: IpcError }[];
    };

export const emptyPrintQueue: PrintQueueState = { entries: [], run: undefined };

/** Claims that have nothing left to print: their parcel went back or never will come. */
const finishedStatuses: readonly ClaimStatus[] = ['closed', 'cancelled'];

/** Why `claim` cannot join the queue as it stands, or undefined when it can. */
export function addProblemFor(
  state: PrintQueueState,
  claim: Pick<StoredClaim, 'id' | 'rmaNumber' | 'status'>,
): AddProblem | undefined {
  if (state.entries.some((entry) => entry.claim.id === claim.id)) {
    return { kind: 'already-queued', rmaNumber: claim.rmaNumber };
  }
  if (finishedStatuses.includes(claim.status)) {
    return { kind: 'not-printable', rmaNumber: claim.rmaNumber, status: claim.status };
  }
  return undefined;
}

/** Of `claims`, those neither printed today (`printed`) nor already queued. */
export function claimsLeftToPrint<Claim extends Pick<StoredClaim, 'id'>>(
  state: PrintQueueState,
  claims: readonly Claim[],
  printed: ReadonlySet<string>,
): Claim[] {
  const queued = new Set(state.entries.map((entry) => entry.claim.id));
  return claims.filter((claim) => !printed.has(claim.id) && !queued.has(claim.id));
}

/** Every page the queue would print now, claim by claim, in the order of the buttons. */
export function queuedPages(entries: readonly QueueEntry[]): PageRef[] {
  return entries.flatMap((entry) =>
    entry.documents.ok
      ? entry.chosen.map((document) => ({
          claimId: entry.claim.id,
          rmaNumber: entry.claim.rmaNumber,
          document,
        }))
      : [],
  );
}

/** The document kinds among `pages` the station has chosen no printer for. */
export function kindsWithoutPrinter(
  pages: readonly PageRef[],
  printing: PrintingSettings,
): ClaimDocumentKind[] {
  return [...new Set(pages.map((page) => page.document))].filter((kind) => !printing[kind]);
}

/**
 * The drawn documents of a queued claim. Only pages of claims whose documents were drawn are
 * ever planned (see {@link queuedPages}), so any other claim is a bug and throws.
 */
export function documentsOf(state: PrintQueueState, claimId: string): ClaimDocuments {
  const entry = state.entries.find((candidate) => candidate.claim.id === claimId);
  if (entry?.documents.ok !== true) {
    throw new Error('a page of a claim without documents was planned');
  }
  return entry.documents.value;
}

/** True while some page of the run is still waiting for the printer. */
export function isRunning(run: PrintRun | undefined): boolean {
  return run !== undefined && ledgerTotals(run.ledger).waiting > 0;
}

/** The claims of `ledger` whose every page printed: done for today on this station. */
export function claimsPrintedInFull(ledger: readonly LedgerPage[]): string[] {
  const byClaim = new Map<string, boolean>();
  for (const page of ledger) {
    const printedSoFar = byClaim.get(page.ref.claimId) ?? true;
    byClaim.set(page.ref.claimId, printedSoFar && page.state.kind === 'printed');
  }
  return [...byClaim].filter(([, printed]) => printed).map(([claimId]) => claimId);
}

/** The sent batches a cancel must still reach: those whose last progress was not final. */
export function batchesToCancel(run: PrintRun | undefined): string[] {
  if (run === undefined) return [];
  return run.sentBatches.filter((batchId) => run.progressByBatch.get(batchId)?.finished !== true);
}

/** The batch PDF's title and file name: `print-queue 2026-12-03 12 documents`. */
export function batchPdfTitle(day: string, count: number): string {
  return `print-queue ${day} ${count} documents`;
}

/** The queue after `event`. */
export function printQueueReducer(state: PrintQueueState, event: PrintQueueEvent): PrintQueueState {
  switch (event.kind) {
    case 'entries-added':
      return { ...state, entries: [...state.entries, ...event.entries] };
    case 'document-toggled':
      return {
        ...state,
        entries: state.entries.map((entry) =>
          entry.claim.id !== event.claimId
            ? entry
            : {
                ...entry,
                // Kept in the order of the buttons, whatever order they were ticked in.
                chosen: claimDocumentKinds.filter((kind) =>
                  kind === event.document ? event.on : entry.chosen.includes(kind),
                ),
              },
        ),
      };
    case 'entry-removed':
      return {
        ...state,
        entries: state.entries.filter((entry) => entry.claim.id !== event.claimId),
      };
    case 'cleared':
      return emptyPrintQueue;
    case 'run-started':
      return {
        ...state,
        run: {
          ledger: newLedger(event.pages),
          cancelling: false,
          progressByBatch: new Map(),
          sentBatches: [],
        },
      };
    default:
      return state.run === undefined ? state : { ...state, run: nextRun(state.run, event) };
  }
}

type RunEvent = Extract<
  PrintQueueEvent,
  {
    kind:
      | 'progress-received'
      | 'group-sent'
      | 'group-refused'
      | 'cancel-requested'
      | 'unsent-cancelled'
      | 'batches-lost';
  }
>;

function nextRun(run: PrintRun, event: RunEvent): PrintRun {
  switch (event.kind) {
    case 'progress-received': {
      const { progress } = event;
      const progressByBatch = new Map(run.progressByBatch).set(progress.batchId, progress);
      return { ...run, progressByBatch, ledger: applyProgress(run.ledger, progress) };
    }
    case 'group-sent': {
      const sent = markSent(run.ledger, event.pages, event.batchId);
      const early = run.progressByBatch.get(event.batchId);
      return {
        ...run,
        sentBatches: [...run.sentBatches, event.batchId],
        ledger: early === undefined ? sent : applyProgress(sent, early),
      };
    }
    case 'group-refused':
      return {
        ...run,
        ledger: failPages(run.ledger, event.pages, event.error),
        refusal: event.error,
      };
    case 'cancel-requested':
      return { ...run, cancelling: true };
    case 'unsent-cancelled':
      // Groups never sent are cancelled here; sent ones say so in their last progress event.
      return {
        ...run,
        ledger: run.ledger.map((page) =>
          page.sentAs === undefined && page.state.kind === 'waiting'
            ? { ...page, state: { kind: 'cancelled' } }
            : page,
        ),
      };
    case 'batches-lost': {
      // Main answered not-found for a batch whose pages still wait: it has lost the batch
      // (restarted, say), so its pages are reported with that answer rather than waiting forever.
      let ledger = run.ledger;
      for (const { batchId, error } of event.lost) {
        const waiting = ledger
          .filter((page) => page.sentAs?.batchId === batchId && page.state.kind === 'waiting')
          .map((page) => page.ref);
        ledger = failPages(ledger, waiting, error);
      }
      return { ...run, ledger };
    }
  }
}
