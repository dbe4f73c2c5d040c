import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { maxBatchJobs } from '#shared/ipc/contract';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import { claimDocumentsFor } from '../claim/claimDocumentRecords';
import { openPdfForPrinting } from '../documents/openPdfForPrinting';
import { renderBatchPdf } from '../documents/renderBatchPdf';
import { stationPrinting, useStationCore } from '../core';
import { claimDocumentKinds, type ClaimDocumentKind } from '../hooks/useClaimDocuments';
import { useStationContext } from '../station/StationContext';
import type { Failure } from '../i18n/errorText';
import { lookUpRmaNumber, readClaimBundle, type ClaimBundle } from './claimBundle';
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
  kindsWithoutPrinter as kindsWithoutPrinterOf,
  printQueueReducer,
  queuedPages,
  type AddProblem,
  type PrintQueueEvent,
  type PrintQueueState,
  type QueueEntry,
} from './printQueueModel';

export type { AddProblem, PrintRun, QueueEntry } from './printQueueModel';

/** A note after "add the authorized claims". */
export type AddAllOutcome = { readonly kind: 'added' | 'none'; readonly count: number };

/** What the last PDF of the batch came to, in the browser build. */
export type BatchPdfOutcome =
  | { readonly kind: 'working'; readonly action: 'open' | 'download' }
  | { readonly kind: 'opened'; readonly count: number }
  | { readonly kind: 'downloaded'; readonly fileName: string; readonly count: number }
  | { readonly kind: 'refused'; readonly failure: Failure };

/**
 * The print queue's state and actions: the queue itself is `printQueueModel`'s state machine;
 * this hook looks claims up, talks to the bridge, and feeds what they answer in as events.
 */
export function usePrintQueue() {
  const { station } = useStationContext();
  const { queries } = useStationCore();
  const bridge = getBridge();
  const printing = stationPrinting(station);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<AddProblem | undefined>();
  const [addAllOutcome, setAddAllOutcome] = useState<AddAllOutcome | undefined>();
  const [pdfOutcome, setPdfOutcome] = useState<BatchPdfOutcome | undefined>();
  // The queue as it is now, for actions that await the bridge between steps (a cancel between
  // two groups must be seen at once, not at the next render); the state below draws the screen.
  const current = useRef<PrintQueueState>(emptyPrintQueue);
  const [queue, setQueue] = useState<PrintQueueState>(emptyPrintQueue);
  const dispatch = useCallback((event: PrintQueueEvent) => {
    current.current = printQueueReducer(current.current, event);
    setQueue(current.current);
  }, []);
  const stopListening = useRef<(() => void) | undefined>(undefined);
  const { entries, run } = queue;

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
      const refused = addProblemFor(current.current, found.bundle.claim);
      if (refused !== undefined) {
        setProblem(refused);
        return;
      }
      setProblem(undefined);
      setInput('');
      dispatch({ kind: 'entries-added', entries: [entryOf(found.bundle)] });
    },
    [queries, station, entryOf, dispatch],
  );

  async function addAuthorizedNotPrintedToday(): Promise<void> {
    setProblem(undefined);
    const authorized = await queries.claimsByStatus('authorized', { limit: maxBatchJobs });
    const claims = claimsLeftToPrint(
      current.current,
      authorized,
      printedToday(station.stationCode, today()),
    );
    const bundles = await Promise.all(
      claims.map((claim) => readClaimBundle(queries, station, claim)),
    );
    dispatch({ kind: 'entries-added', entries: bundles.map(entryOf) });
    setAddAllOutcome({ kind: bundles.length > 0 ? 'added' : 'none', count: bundles.length });
  }

  const pages: PageRef[] = useMemo(() => queuedPages(entries), [entries]);
  const kindsWithoutPrinter = useMemo(
    () => kindsWithoutPrinterOf(pages, printing),
    [pages, printing],
  );
  const running = isRunning(run);
  const documentsNow = (claimId: string) => documentsOf(current.current, claimId);

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
    markPrintedToday(station.stationCode, today(), claimsPrintedInFull(run.ledger));
    // today() reads the clock; the ledger is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, running, station.stationCode]);

  async function printPages(refs: readonly PageRef[]): Promise<void> {
    if (refs.length === 0 || running) return;
    const plan = planBatch(refs, documentsNow, printing);
    if (plan.kindsWithoutPrinter.length > 0) return;
    dispatch({ kind: 'run-started', pages: plan.groups.flatMap((group) => group.refs) });
    // Listening starts before the first batch is sent, so no progress event is missed.
    stopListening.current?.();
    stopListening.current = bridge.on('fixline:printing:progress', (progress) => {
      dispatch({ kind: 'progress-received', progress });
    });
    for (const group of plan.groups) {
      if (current.current.run?.cancelling === true) break;
      const answer = await bridge.printing.printBatch({
        jobs: [...group.jobs],
        target: group.target,
      });
      dispatch(
        answer.ok
          ? { kind: 'group-sent', pages: group.refs, batchId: answer.value.batchId }
          : { kind: 'group-refused', pages: group.refs, error: answer.error },
      );
    }
    if (current.current.run?.cancelling === true) dispatch({ kind: 'unsent-cancelled' });
  }

  /**
   * The browser build's batch: every page in ONE PDF, drawn in the document worker, opened in
   * the print dialog (where the person chooses the printer) or downloaded.
   */
  async function batchPdf(action: 'open' | 'download'): Promise<void> {
    const refs = pages;
    if (refs.length === 0) return;
    setPdfOutcome({ kind: 'working', action });
    const rendered = await renderBatchPdf(pdfBatchJobs(refs, documentsNow, printing));
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
    dispatch({ kind: 'cancel-requested' });
    // A batch that finished meanwhile answers not-found: only one whose pages still wait is lost.
    const answers = await Promise.all(
      batchesToCancel(current.current.run).map(async (batchId) => ({
        batchId,
        answer: await bridge.printing.cancelBatch({ batchId }),
      })),
    );
    const lost = answers.flatMap(({ batchId, answer }) =>
      answer.ok ? [] : [{ batchId, error: answer.error }],
    );
    if (lost.length > 0) dispatch({ kind: 'batches-lost', lost });
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
    toggleDocument: (claimId: string, document: ClaimDocumentKind, on: boolean) =>
      dispatch({ kind: 'document-toggled', claimId, document, on }),
    remove: (claimId: string) => dispatch({ kind: 'entry-removed', claimId }),
    clear: () => dispatch({ kind: 'cleared' }),
    printQueue: () => printPages(pages),
    pdfOutcome,
    openBatchPdf: () => batchPdf('open'),
    downloadBatchPdf: () => batchPdf('download'),
    retry: () => (run === undefined ? Promise.resolve() : printPages(pagesToRetry(run.ledger))),
    cancel,
  };
}

export type PrintQueueDesk = ReturnType<typeof usePrintQueue>;
