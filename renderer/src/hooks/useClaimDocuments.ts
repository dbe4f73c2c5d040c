import { useMemo, useState } from 'react';
import type { ClaimDocumentKind, PaperSize } from '#shared/documents';
import type { IpcError, PrintTarget } from '#shared/ipc/contract';
import { stationTimeZone } from '#shared/domain/calendar';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import {
  authorizedOnFrom,
  claimDocumentsFor,
  printRequestOf,
  type ClaimDocumentSources,
  type ClaimDocumentsResult,
  stationPrinting,
  useCoreQuery,
} from '../core';
import { openPdfForPrinting } from '../documents/openPdfForPrinting';

/** What the last print or save came to, for the screen to say. */
export type DocumentOutcome =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'working';
      readonly action: ClaimDocumentKind | 'save';
      readonly document: ClaimDocumentKind;
    }
  | { readonly kind: 'printed'; readonly document: ClaimDocumentKind; readonly jobId?: string }
  | { readonly kind: 'opened'; readonly document: ClaimDocumentKind }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'no-printer'; readonly document: ClaimDocumentKind }
  | { readonly kind: 'refused'; readonly error: IpcError };

export type ClaimDocumentsState = {
  readonly documents: ClaimDocumentsResult;
  readonly outcome: DocumentOutcome;
  /** Desktop: print silently to the station's printer. Browser: open the print dialog. */
  readonly print: (document: ClaimDocumentKind) => Promise<void>;
  /** Desktop: save through a dialog. Browser: download. */
  readonly savePdf: (document: ClaimDocumentKind) => Promise<void>;
};

/** The PDF's file name: `RMA-JKT1-000042 rma-slip.pdf`. */
export function pdfFileName(rmaNumber: string, document: ClaimDocumentKind): string {
  return `${rmaNumber} ${document}.pdf`;
}

/**
 * The documents of a claim, drawn from its records, its decision and the day its audit trail
 * says it was authorized, and the actions on them: print to the printer the station chose for
 * the kind (in a browser, open the print dialog), or save the PDF (in a browser, download it).
 */
export function useClaimDocuments(sources: ClaimDocumentSources): ClaimDocumentsState {
  const { station, claim, customer, device, decision } = sources;
  const [outcome, setOutcome] = useState<DocumentOutcome>({ kind: 'idle' });
  const claimEvents = useCoreQuery(({ queries }) => queries.claimEvents(claim.id), [claim.id]);
  const timeZone = stationTimeZone(station.timeZone);
  const authorizedOn = useMemo(
    () => authorizedOnFrom(claimEvents ?? [], timeZone),
    [claimEvents, timeZone],
  );
  const documents = useMemo(
    () => claimDocumentsFor({ station, claim, customer, device, decision }, authorizedOn),
    [station, claim, customer, device, decision, authorizedOn],
  );
  const printing = stationPrinting(station);
  const bridge = getBridge();

  /** The PDF of one document, on the paper the station chose for its kind. */
  async function render(document: ClaimDocumentKind) {
    if (!documents.ok) throw new Error('render needs the documents');
    const choice = printing[document];
    const paper = choice?.type === 'system' ? choice.paper : undefined;
    return bridge.documents.render({
      ...requestOf(document, documents.value),
      options: paper === undefined ? {} : { paper },
    });
  }

  async function print(document: ClaimDocumentKind): Promise<void> {
    if (!documents.ok) return;
    if (bridge.kind === 'web') {
      setOutcome({ kind: 'working', action: document, document });
      const rendered = await render(document);
      if (!rendered.ok) {
        setOutcome({ kind: 'refused', error: rendered.error });
        return;
      }
      openPdfForPrinting(rendered.value.pdf, `${claim.rmaNumber} ${document}`);
      setOutcome({ kind: 'opened', document });
      return;
    }
    const choice = printing[document];
    if (choice === undefined) {
      setOutcome({ kind: 'no-printer', document });
      return;
    }
    setOutcome({ kind: 'working', action: document, document });
    const { target, options } = printRequestOf(choice);
    const result = await bridge.printing.print({
      ...requestOf(document, documents.value),
      target,
      options,
    } satisfies PrintRequest);
    setOutcome(
      result.ok
        ? {
            kind: 'printed',
            document,
            ...(result.value.jobId === undefined ? {} : { jobId: result.value.jobId }),
          }
        : { kind: 'refused', error: result.error },
    );
  }

  async function savePdf(document: ClaimDocumentKind): Promise<void> {
    if (!documents.ok) return;
    setOutcome({ kind: 'working', action: 'save', document });
    const rendered = await render(document);
    if (!rendered.ok) {
      setOutcome({ kind: 'refused', error: rendered.error });
      return;
    }
    const fileName = pdfFileName(claim.rmaNumber, document);
    const saved = await saveFile(bridge, {
      documentType: 'pdf',
      suggestedName: fileName,
      content: new Blob([rendered.value.pdf]),
    });
    if (!saved.ok) setOutcome({ kind: 'refused', error: saved.error });
    else if (saved.value.outcome === 'canceled') setOutcome({ kind: 'canceled' });
    else if (bridge.kind === 'web') setOutcome({ kind: 'downloaded', fileName });
    else setOutcome({ kind: 'saved', path: saved.value.path });
  }

  return { documents, outcome, print, savePdf };
}

type PrintRequest = ReturnType<typeof requestOf> & {
  readonly target: PrintTarget;
  readonly options: { paper?: PaperSize };
};

/** The request of one document; a switch keeps each kind with its own data. */
function requestOf(
  document: ClaimDocumentKind,
  documents: Extract<ClaimDocumentsResult, { ok: true }>['value'],
) {
  switch (document) {
    case 'rma-slip':
      return { kind: document, data: documents[document] };
    case 'return-label':
      return { kind: document, data: documents[document] };
    case 'device-tag':
      return { kind: document, data: documents[document] };
  }
}
