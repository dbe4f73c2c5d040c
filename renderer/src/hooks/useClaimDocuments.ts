import { useMemo, useState } from 'react';
import type { DocumentKind, PaperSize } from '../../../shared/documents';
import type { IpcErrorCode, PrintTarget } from '../../../shared/ipc/contract';
import { getBridge } from '../bridge/getBridge';
import {
  claimDocumentsFor,
  printRequestOf,
  type ClaimDocumentSources,
  type ClaimDocumentsResult,
} from '../claim/claimDocumentRecords';
import { stationPrinting } from '../db/records';

/** The documents the claim screen prints, in the order of its buttons. */
export const claimDocumentKinds = [
  'rma-slip',
  'return-label',
  'device-tag',
] as const satisfies readonly DocumentKind[];
export type ClaimDocumentKind = (typeof claimDocumentKinds)[number];

/** What the last print or save came to, for the screen to say. */
export type DocumentOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly action: ClaimDocumentKind | 'save' }
  | { readonly kind: 'printed'; readonly document: ClaimDocumentKind; readonly jobId?: string }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'no-printer'; readonly document: ClaimDocumentKind }
  | { readonly kind: 'refused'; readonly code: IpcErrorCode; readonly message: string };

export type ClaimDocumentsState = {
  readonly documents: ClaimDocumentsResult;
  readonly outcome: DocumentOutcome;
  readonly print: (document: ClaimDocumentKind) => Promise<void>;
  readonly saveSlipAsPdf: () => Promise<void>;
};

/**
 * The documents of a claim, drawn from its records and today's decision, and the actions on them:
 * print to the printer the station chose for the kind, or save the RMA slip as a PDF.
 */
export function useClaimDocuments(sources: ClaimDocumentSources): ClaimDocumentsState {
  const { station, claim, customer, device, decision } = sources;
  const [outcome, setOutcome] = useState<DocumentOutcome>({ kind: 'idle' });
  const documents = useMemo(
    () => claimDocumentsFor({ station, claim, customer, device, decision }),
    [station, claim, customer, device, decision],
  );
  const printing = stationPrinting(station);

  async function print(document: ClaimDocumentKind): Promise<void> {
    if (!documents.ok) return;
    const choice = printing[document];
    if (choice === undefined) {
      setOutcome({ kind: 'no-printer', document });
      return;
    }
    setOutcome({ kind: 'working', action: document });
    const { target, options } = printRequestOf(choice);
    const result = await getBridge().printing.print(
      requestOf(document, documents.value, { target, options }),
    );
    setOutcome(
      result.ok
        ? {
            kind: 'printed',
            document,
            ...(result.value.jobId === undefined ? {} : { jobId: result.value.jobId }),
          }
        : { kind: 'refused', ...result.error },
    );
  }

  async function saveSlipAsPdf(): Promise<void> {
    if (!documents.ok) return;
    setOutcome({ kind: 'working', action: 'save' });
    const paper = printing['rma-slip']?.paper;
    const bridge = getBridge();
    const rendered = await bridge.documents.render({
      kind: 'rma-slip',
      data: documents.value['rma-slip'],
      options: paper === undefined ? {} : { paper },
    });
    if (!rendered.ok) {
      setOutcome({ kind: 'refused', ...rendered.error });
      return;
    }
    const saved = await bridge.files.saveWithDialog({
      suggestedName: `${claim.rmaNumber}.pdf`,
      bytes: rendered.value.pdf,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!saved.ok) setOutcome({ kind: 'refused', ...saved.error });
    else if (saved.value.outcome === 'canceled') setOutcome({ kind: 'canceled' });
    else setOutcome({ kind: 'saved', path: saved.value.path });
  }

  return { documents, outcome, print, saveSlipAsPdf };
}

type PrintExtras = { readonly target: PrintTarget; readonly options: { paper?: PaperSize } };

/** The print request of one document; a switch keeps each kind with its own data. */
function requestOf(
  document: ClaimDocumentKind,
  documents: Extract<ClaimDocumentsResult, { ok: true }>['value'],
  extras: PrintExtras,
) {
  switch (document) {
    case 'rma-slip':
      return { kind: document, data: documents[document], ...extras };
    case 'return-label':
      return { kind: document, data: documents[document], ...extras };
    case 'device-tag':
      return { kind: document, data: documents[document], ...extras };
  }
}
