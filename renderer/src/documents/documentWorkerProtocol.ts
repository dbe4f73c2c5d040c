import type { DocumentRequest } from '#shared/documents';

/** What the page asks the document worker: these documents, drawn into one PDF, in order. */
export type DocumentWorkerRequest = {
  readonly id: number;
  readonly requests: readonly DocumentRequest[];
};

/**
 * What the worker answers: the PDF, or why not. `invalid` says the data could not make the
 * document (a person can fix it), as opposed to the worker failing.
 */
export type DocumentWorkerAnswer =
  | { readonly id: number; readonly ok: true; readonly pdf: Uint8Array<ArrayBuffer> }
  | {
      readonly id: number;
      readonly ok: false;
      readonly invalid: boolean;
      readonly message: string;
    };
