import type { DocumentRequest } from '#shared/documents';
import type { DocumentWorkerAnswer } from './documentWorkerProtocol';

/** What rendering in the worker came to. */
export type WorkerRenderResult =
  | { readonly ok: true; readonly pdf: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly invalid: boolean; readonly message: string };

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (result: WorkerRenderResult) => void>();

function documentWorker(): Worker {
  if (worker === undefined) {
    worker = new Worker(new URL('./documentWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<DocumentWorkerAnswer>) => {
      const { id, ...result } = event.data;
      waiting.get(id)?.(result);
      waiting.delete(id);
    });
    // A worker that fails to start or crashes answers nobody: tell every caller, and start a
    // fresh one next time.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      for (const settle of waiting.values())
        settle({
          ok: false,
          invalid: false,
          message: `the document worker failed: ${event.message}`,
        });
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    });
  }
  return worker;
}

/**
 * Draws `requests` into one PDF in a Web Worker (pdfkit's browser build, the documents' own
 * fonts), off the page's thread. The requests must already be parsed by the contract.
 */
export function renderInWorker(requests: readonly DocumentRequest[]): Promise<WorkerRenderResult> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    documentWorker().postMessage({ id, requests });
  });
}
