export type { AddProblem, PrintRun, QueueEntry } from './printQueueModel';
export type { LedgerTotals, PageFailure, PageRef } from './printBatch';
export { ledgerTotals } from './printBatch';
export type {
  AddAllOutcome,
  BatchPdfFailure,
  BatchPdfMaker,
  BatchPdfOutcome,
  PrintQueue,
  PrintQueueActions,
  PrintQueueParts,
  PrintQueueSnapshot,
  QueuePrinting,
} from './printQueueController';
export { bridgePrinting, createPrintQueue } from './printQueueController';
