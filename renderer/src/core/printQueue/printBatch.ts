import type {
  ClaimDocumentKind,
  ClaimDocuments,
  DocumentRequestInput,
  PaperSize,
} from '#shared/documents';
import { maxBatchJobs, type PrintProgress, type PrintTarget } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/result';
import { printRequestOf } from '../claimDocumentRecords';
import type { PrintingSettings } from '../model';

/**
 * The bookkeeping of a print batch at the warehouse desk: which page is which claim's document,
 * how the bridge's progress events (one batch per printer) land on those pages, and which pages
 * are left to retry. Pure, so no page is ever lost between the events and the screen.
 */

/** One page of the batch: a document of a claim. */
export type PageRef = {
  readonly claimId: string;
  readonly rmaNumber: string;
  readonly document: ClaimDocumentKind;
};

/**
 * Why a page did not print: the printer's own words (out of paper, jammed), which no code names
 * and are shown as the printer's, or the bridge's refusal of the whole group.
 */
export type PageFailure =
  | { readonly kind: 'printer'; readonly said: string }
  | { readonly kind: 'bridge'; readonly error: IpcError };

/** Where a page stands: not printed yet, printed, failed with the printer's reason, or cancelled. */
export type PageState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'printed' }
  | { readonly kind: 'failed'; readonly cause: PageFailure }
  | { readonly kind: 'cancelled' };

/** A page of the batch and, once sent, the bridge batch it went in and its index there. */
export type LedgerPage = {
  readonly ref: PageRef;
  readonly sentAs?: { readonly batchId: string; readonly index: number };
  readonly state: PageState;
};

/** A group of pages going to one printer: one bridge batch. */
export type PrinterGroup = {
  readonly target: PrintTarget;
  readonly refs: readonly PageRef[];
  readonly jobs: readonly DocumentRequestInput[];
};

/** The batch, planned: the groups to send, and the document kinds that have no printer. */
export type BatchPlan = {
  readonly groups: readonly PrinterGroup[];
  readonly kindsWithoutPrinter: readonly ClaimDocumentKind[];
};

/** Two targets are one printer when every field agrees. */
function targetKey(target: PrintTarget): string {
  return target.type === 'system'
    ? `system:${target.printer}:${target.media ?? ''}`
    : `zpl:${target.printerId}`;
}

function requestOf(
  document: ClaimDocumentKind,
  documents: ClaimDocuments,
  options: { paper?: PaperSize },
): DocumentRequestInput {
  switch (document) {
    case 'rma-slip':
      return { kind: document, data: documents[document], options };
    case 'return-label':
      return { kind: document, data: documents[document], options };
    case 'device-tag':
      return { kind: document, data: documents[document], options };
  }
}

/** Splits a group longer than `maxJobs` into groups the bridge takes in one batch each. */
function chunked(group: PrinterGroup, maxJobs: number): PrinterGroup[] {
  const chunks: PrinterGroup[] = [];
  for (let start = 0; start < group.refs.length; start += maxJobs) {
    chunks.push({
      target: group.target,
      refs: group.refs.slice(start, start + maxJobs),
      jobs: group.jobs.slice(start, start + maxJobs),
    });
  }
  return chunks;
}

/**
 * Groups `pages` by the printer the station chose for their kind, in the order given, in batches
 * of at most `maxJobs` (the bridge's limit). Kinds without a printer are named, not dropped.
 */
export function planBatch(
  pages: readonly PageRef[],
  documentsOf: (claimId: string) => ClaimDocuments,
  printing: PrintingSettings,
  maxJobs: number = maxBatchJobs,
): BatchPlan {
  const groups = new Map<
    string,
    { target: PrintTarget; refs: PageRef[]; jobs: DocumentRequestInput[] }
  >();
  const kindsWithoutPrinter = new Set<ClaimDocumentKind>();
  for (const ref of pages) {
    const choice = printing[ref.document];
    if (choice === undefined) {
      kindsWithoutPrinter.add(ref.document);
      continue;
    }
    const { target, options } = printRequestOf(choice);
    const key = targetKey(target);
    const group = groups.get(key) ?? { target, refs: [], jobs: [] };
    group.refs.push(ref);
    group.jobs.push(requestOf(ref.document, documentsOf(ref.claimId), options));
    groups.set(key, group);
  }
  return {
    groups: [...groups.values()].flatMap((group) => chunked(group, maxJobs)),
    kindsWithoutPrinter: [...kindsWithoutPrinter],
  };
}

/**
 * The documents of `pages` in their order, for one PDF of the whole batch (the browser build,
 * which has no printers): each on the paper the station chose for its kind, A4 by default.
 */
export function pdfBatchJobs(
  pages: readonly PageRef[],
  documentsOf: (claimId: string) => ClaimDocuments,
  printing: PrintingSettings,
): DocumentRequestInput[] {
  return pages.map((ref) => {
    const choice = printing[ref.document];
    const options = choice === undefined ? {} : printRequestOf(choice).options;
    return requestOf(ref.document, documentsOf(ref.claimId), options);
  });
}

/** Marks the pages of `refs` as sent in bridge batch `batchId`, in that batch's order. */
export function markSent(
  ledger: readonly LedgerPage[],
  refs: readonly PageRef[],
  batchId: string,
): LedgerPage[] {
  const indexOf = new Map(refs.map((ref, index) => [ref, index]));
  return ledger.map((page) => {
    const index = indexOf.get(page.ref);
    return index === undefined ? page : { ...page, sentAs: { batchId, index } };
  });
}

/**
 * Lands a progress event on the pages of its batch. The bridge prints a batch's pages in order,
 * so the first `done + failed.length` pages are past: failed ones are listed with their reason,
 * the others printed. When a cancelled batch finishes, the pages it never reached are cancelled.
 */
export function applyProgress(
  ledger: readonly LedgerPage[],
  progress: PrintProgress,
): LedgerPage[] {
  const reasons = new Map(progress.failed.map((failure) => [failure.index, failure.reason]));
  const past = progress.done + progress.failed.length;
  return ledger.map((page): LedgerPage => {
    if (page.sentAs?.batchId !== progress.batchId) return page;
    const { index } = page.sentAs;
    const reason = reasons.get(index);
    if (reason !== undefined)
      return { ...page, state: { kind: 'failed', cause: { kind: 'printer', said: reason } } };
    if (index < past) return { ...page, state: { kind: 'printed' } };
    if (progress.finished) return { ...page, state: { kind: 'cancelled' } };
    return page;
  });
}

/** Marks every page of `refs` failed with `error`: the bridge refused the whole group. */
export function failPages(
  ledger: readonly LedgerPage[],
  refs: readonly PageRef[],
  error: IpcError,
): LedgerPage[] {
  const refused = new Set(refs);
  return ledger.map((page) =>
    refused.has(page.ref)
      ? { ...page, state: { kind: 'failed', cause: { kind: 'bridge', error } } }
      : page,
  );
}

/** Marks the pages still waiting as cancelled: the clerk stopped the batch before they went. */
export function cancelWaiting(ledger: readonly LedgerPage[]): LedgerPage[] {
  return ledger.map((page) =>
    page.state.kind === 'waiting' ? { ...page, state: { kind: 'cancelled' } } : page,
  );
}

/** The counts the progress bar and the summary show. */
export type LedgerTotals = {
  readonly total: number;
  readonly printed: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly waiting: number;
};

export function ledgerTotals(ledger: readonly LedgerPage[]): LedgerTotals {
  const count = (kind: PageState['kind']) =>
    ledger.filter((page) => page.state.kind === kind).length;
  return {
    total: ledger.length,
    printed: count('printed'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    waiting: count('waiting'),
  };
}

/** The pages to print again: those that failed or were cancelled, in their order. */
export function pagesToRetry(ledger: readonly LedgerPage[]): PageRef[] {
  return ledger
    .filter((page) => page.state.kind === 'failed' || page.state.kind === 'cancelled')
    .map((page) => page.ref);
}

/** A fresh ledger of `refs`, every page waiting. */
export function newLedger(refs: readonly PageRef[]): LedgerPage[] {
  return refs.map((ref) => ({ ref, state: { kind: 'waiting' } }));
}
