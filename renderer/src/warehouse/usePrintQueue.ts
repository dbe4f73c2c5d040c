import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimDocuments } from '#shared/documents';
import { maxBatchJobs, type PrintProgress } from '#shared/ipc/contract';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import { claimDocumentsFor, type ClaimDocumentsResult } from '../claim/claimDocumentRecords';
import { openPdfForPrinting } from '../documents/openPdfForPrinting';
import { renderBatchPdf } from '../documents/renderBatchPdf';
import { stationPrinting, useStationCore, type StoredClaim } from '../core';
import { claimDocumentKinds, type ClaimDocumentKind } from '../hooks/useClaimDocuments';
import { useStationContext } from '../station/StationContext';
import { lookUpRmaNumber, readClaimBundle, type ClaimBundle } from './claimBundle';
import {
  applyProgress,
  failPages,
  ledgerTotals,
  markSent,
  newLedger,
  pagesToRetry,
  pdfBatchJobs,
  planBatch,
  type LedgerPage,
  type PageRef,
} from './printBatch';
import { markPrintedToday, printedToday } from './printedToday';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IpcError } from '#shared/ipc/result';
import type { Failure } from '../i18n/errorText';

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

/** A note after "add the authorized claims". */
export type AddAllOutcome = { readonly kind: 'added' | 'none'; readonly count: number };

/** A batch being printed or just printed. */
export type PrintRun = {
  readonly ledger: readonly LedgerPage[];
  readonly cancelling: boolean;
  /** The bridge refused to take a group; its pages are marked failed. */
  readonly refusal?: IpcError;
};

/** What the last PDF of the batch came to, in the browser build. */
export type BatchPdfOutcome =
  | { readonly kind: 'working'; readonly action: 'open' | 'download' }
  | { readonly kind: 'opened'; readonly count: number }
  | { readonly kind: 'downloaded'; readonly fileName: string; readonly count: number }
  | { readonly kind: 'refused'; readonly failure: Failure };

/** Claims that have nothing left to print: their parcel went back or never will come. */
const finishedStatuses: readonly StoredClaim['status'][] = ['closed', 'cancelled'];

const emptyDocuments = (): never => {
  throw new Error('a page of a claim without documents was planned');
};

/** The print queue's state and actions. */
export function usePrintQueue() {
  const { station } = useStationContext();
  const { queries } = useStationCore();
  const bridge = getBridge();
  const printing = stationPrinting(station);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<AddProblem | undefined>();
  const [addAllOutcome, setAddAllOutcome] = useState<AddAllOutcome | undefined>();
  const [entries, setEntries] = useState<readonly QueueEntry[]>([]);
  const [run, setRun] = useState<PrintRun | undefined>();
  const [pdfOutcome, setPdfOutcome] = useState<BatchPdfOutcome | undefined>();
  // The latest progress of each bridge batch (events are cumulative), kept for an event that
  // arrives before printBatch has answered the batch's id.
  const latestProgress = useRef(new Map<string, PrintProgress>());
  const sentBatches = useRef<string[]>([]);
  const cancelRequested = useRef(false);
  const stopListening = useRef<(() => void) | undefined>(undefined);
  // Actions read the queue as it is now, not as it was when they were made.
  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);

  const today = () => calendarDayIn(stationTimeZone(station.timeZone), Date.now());

  const entryOf = useCallback(
    (bundle: ClaimBundle): QueueEntry => ({
      claim: bundle.claim,
      documents: claimDocumentsFor({ station, ...bundle }, bundle.authorizedOn),
      chosen: claimDocumentKinds,
    }),
    [station],
  );

  const add = useCallback(
    async (code: string) => {
      setInput(code.trim());
      setAddAllOutcome(undefined);
      const found = await lookUpRmaNumber(queries, station, code);
      if (found.kind !== 'found') {
        setProblem(found);
        return;
      }
      const { claim } = found.bundle;
      if (entriesRef.current.some((entry) => entry.claim.id === claim.id)) {
        setProblem({ kind: 'already-queued', rmaNumber: claim.rmaNumber });
        return;
      }
      if (finishedStatuses.includes(claim.status)) {
        setProblem({ kind: 'not-printable', rmaNumber: claim.rmaNumber, status: claim.status });
        return;
      }
      setProblem(undefined);
      setInput('');
      setEntries((previous) => [...previous, entryOf(found.bundle)]);
    },
    [queries, station, entryOf],
  );

  async function addAuthorizedNotPrintedToday(): Promise<void> {
    setProblem(undefined);
    const printed = printedToday(station.stationCode, today());
    const queued = new Set(entriesRef.current.map((entry) => entry.claim.id));
    const claims = (await queries.claimsByStatus('authorized', { limit: maxBatchJobs })).filter(
      (claim) => !printed.has(claim.id) && !queued.has(claim.id),
    );
    const bundles = await Promise.all(
      claims.map((claim) => readClaimBundle(queries, station, claim)),
    );
    setEntries((previous) => [...previous, ...bundles.map(entryOf)]);
    setAddAllOutcome({ kind: bundles.length > 0 ? 'added' : 'none', count: bundles.length });
  }

  function toggleDocument(claimId: string, document: ClaimDocumentKind, on: boolean): void {
    setEntries((previous) =>
      previous.map((entry) =>
        entry.claim.id !== claimId
          ? entry
          : {
              ...entry,
              chosen: claimDocumentKinds.filter((kind) =>
                kind === document ? on : entry.chosen.includes(kind),
              ),
            },
      ),
    );
  }

  function remove(claimId: string): void {
    setEntries((previous) => previous.filter((entry) => entry.claim.id !== claimId));
  }

  function clear(): void {
    setEntries([]);
    setRun(undefined);
  }

  /** Every page the queue would print now, claim by claim, in the order of the buttons. */
  const pages: PageRef[] = useMemo(
    () =>
      entries.flatMap((entry) =>
        entry.documents.ok
          ? entry.chosen.map((document) => ({
              claimId: entry.claim.id,
              rmaNumber: entry.claim.rmaNumber,
              document,
            }))
          : [],
      ),
    [entries],
  );

  const documentsOf = (claimId: string): ClaimDocuments => {
    const entry = entriesRef.current.find((candidate) => candidate.claim.id === claimId);
    return entry?.documents.ok === true ? entry.documents.value : emptyDocuments();
  };

  const kindsWithoutPrinter = useMemo(
    () => [...new Set(pages.map((page) => page.document))].filter((kind) => !printing[kind]),
    [pages, printing],
  );

  const running = run !== undefined && ledgerTotals(run.ledger).waiting > 0;

  // Stops listening once no page waits any more, and when the desk closes.
  useEffect(() => {
    if (running) return;
    stopListening.current?.();
    stopListening.current = undefined;
  }, [running]);
  useEffect(() => () => stopListening.current?.(), []);

  // A claim whose every page printed is done for today on this station.
  useEffect(() => {
    if (run === undefined || running) return;
    const byClaim = new Map<string, boolean>();
    for (const page of run.ledger) {
      const printedSoFar = byClaim.get(page.ref.claimId) ?? true;
      byClaim.set(page.ref.claimId, printedSoFar && page.state.kind === 'printed');
    }
    const done = [...byClaim].filter(([, printed]) => printed).map(([claimId]) => claimId);
    markPrintedToday(station.stationCode, today(), done);
    // today() reads the clock; the ledger is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, running, station.stationCode]);

  async function printPages(refs: readonly PageRef[]): Promise<void> {
    if (refs.length === 0 || running) return;
    const plan = planBatch(refs, documentsOf, printing);
    if (plan.kindsWithoutPrinter.length > 0) return;
    cancelRequested.current = false;
    sentBatches.current = [];
    latestProgress.current.clear();
    const planned = plan.groups.flatMap((group) => group.refs);
    setRun({ ledger: newLedger(planned), cancelling: false });
    // Listening starts before the first batch is sent, so no progress event is missed.
    stopListening.current?.();
    stopListening.current = bridge.on('fixline:printing:progress', (progress) => {
      latestProgress.current.set(progress.batchId, progress);
      setRun((previous) =>
        previous === undefined
          ? previous
          : { ...previous, ledger: applyProgress(previous.ledger, progress) },
      );
    });
    for (const group of plan.groups) {
      if (cancelRequested.current) break;
      const answer = await bridge.printing.printBatch({
        jobs: [...group.jobs],
        target: group.target,
      });
      if (!answer.ok) {
        const refusal = answer.error;
        setRun((previous) =>
          previous === undefined
            ? previous
            : {
                ...previous,
                ledger: failPages(previous.ledger, group.refs, refusal),
                refusal,
              },
        );
        continue;
      }
      const { batchId } = answer.value;
      sentBatches.current.push(batchId);
      setRun((previous) => {
        if (previous === undefined) return previous;
        const sent = markSent(previous.ledger, group.refs, batchId);
        const early = latestProgress.current.get(batchId);
        return { ...previous, ledger: early === undefined ? sent : applyProgress(sent, early) };
      });
    }
    if (cancelRequested.current) {
      // Groups never sent are cancelled here; sent ones say so in their last progress event.
      setRun((previous) =>
        previous === undefined
          ? previous
          : {
              ...previous,
              ledger: previous.ledger.map((page) =>
                page.sentAs === undefined && page.state.kind === 'waiting'
                  ? { ...page, state: { kind: 'cancelled' } }
                  : page,
              ),
            },
      );
    }
  }

  /**
   * The browser build's batch: every page in ONE PDF, drawn in the document worker, opened in
   * the print dialog (where the person chooses the printer) or downloaded.
   */
  async function batchPdf(action: 'open' | 'download'): Promise<void> {
    const refs = pages;
    if (refs.length === 0) return;
    setPdfOutcome({ kind: 'working', action });
    const rendered = await renderBatchPdf(pdfBatchJobs(refs, documentsOf, printing));
    if (!rendered.ok) {
      setPdfOutcome({
        kind: 'refused',
        failure: { kind: 'document', invalid: rendered.invalid, detail: rendered.message },
      });
      return;
    }
    const title = batchPdfTitle(today(), refs.length);
    if (action === 'open') {
      openPdfForPrinting(rendered.pdf, title);
      setPdfOutcome({ kind: 'opened', count: refs.length });
      return;
    }
    const saved = await saveFile(bridge, {
      documentType: 'pdf',
      suggestedName: `${title}.pdf`,
      content: new Blob([rendered.pdf]),
    });
    setPdfOutcome(
      !saved.ok
        ? { kind: 'refused', failure: { kind: 'bridge', error: saved.error } }
        : saved.value.outcome === 'saved'
          ? { kind: 'downloaded', fileName: saved.value.path, count: refs.length }
          : undefined,
    );
  }

  async function cancel(): Promise<void> {
    cancelRequested.current = true;
    setRun((previous) => (previous === undefined ? previous : { ...previous, cancelling: true }));
    const finished = new Set(
      [...latestProgress.current.values()].filter((p) => p.finished).map((p) => p.batchId),
    );
    // A batch that finished meanwhile answers not-found; if its pages still wait, main has lost
    // it (restarted, say), so they are reported with that answer rather than waiting forever.
    const answers = await Promise.all(
      sentBatches.current
        .filter((batchId) => !finished.has(batchId))
        .map(async (batchId) => ({
          batchId,
          answer: await bridge.printing.cancelBatch({ batchId }),
        })),
    );
    const lost = answers.filter(({ answer }) => !answer.ok);
    if (lost.length === 0) return;
    setRun((previous) => {
      if (previous === undefined) return previous;
      let ledger = previous.ledger;
      for (const { batchId, answer } of lost) {
        if (answer.ok) continue;
        const waiting = ledger
          .filter((page) => page.sentAs?.batchId === batchId && page.state.kind === 'waiting')
          .map((page) => page.ref);
        ledger = failPages(ledger, waiting, answer.error);
      }
      return { ...previous, ledger };
    });
  }

  return {
    /** False in a browser: it cannot print silently, so the batch button is off there. */
    canPrintSilently: bridge.kind === 'desktop',
    input,
    setInput,
    problem,
    addAllOutcome,
    entries,
    pages,
    kindsWithoutPrinter,
    run,
    running,
    add,
    addAuthorizedNotPrintedToday,
    toggleDocument,
    remove,
    clear,
    printQueue: () => printPages(pages),
    pdfOutcome,
    openBatchPdf: () => batchPdf('open'),
    downloadBatchPdf: () => batchPdf('download'),
    retry: () => (run === undefined ? Promise.resolve() : printPages(pagesToRetry(run.ledger))),
    cancel,
  };
}

export type PrintQueueDesk = ReturnType<typeof usePrintQueue>;

/** The batch PDF's title and file name: `print-queue 2026-12-03 12 documents`. */
function batchPdfTitle(day: string, count: number): string {
  return `print-queue ${day} ${count} documents`;
}
