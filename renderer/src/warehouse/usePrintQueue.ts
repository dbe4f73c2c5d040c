import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import { bridgePrinting, createPrintQueue, useStationCore, type BatchPdfMaker } from '../core';
import { openPdfForPrinting } from '../documents/openPdfForPrinting';
import { renderBatchPdf } from '../documents/renderBatchPdf';
import { useStationContext } from '../station/StationContext';

export type { AddProblem, BatchPdfOutcome, PrintRun, QueueEntry } from '../core';

/** The browser build's batch PDF: drawn in the document worker, opened or downloaded. */
function browserBatchPdf(bridge: ReturnType<typeof getBridge>): BatchPdfMaker {
  return {
    render: renderBatchPdf,
    open: openPdfForPrinting,
    save: (suggestedName, pdf) =>
      saveFile(bridge, { documentType: 'pdf', suggestedName, content: new Blob([pdf]) }),
  };
}

/**
 * The warehouse print queue: the core's print queue (`createPrintQueue`) for this station, over
 * the bridge, the document worker and the browser's storage; the screen draws its snapshot.
 */
export function usePrintQueue() {
  const { station } = useStationContext();
  const { queries } = useStationCore();
  const queue = useMemo(
    () => {
      const bridge = getBridge();
      return createPrintQueue({
        queries,
        station,
        printing: bridgePrinting(bridge),
        pdf: browserBatchPdf(bridge),
        storage: localStorage,
        now: Date.now,
      });
    },
    // A new station row (its printers changed, say) reaches the queue below without emptying it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queries],
  );
  useEffect(() => queue.setStation(station), [queue, station]);
  useEffect(() => queue.dispose, [queue]);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  return { ...snapshot, ...queue.actions };
}

export type PrintQueueDesk = ReturnType<typeof usePrintQueue>;
