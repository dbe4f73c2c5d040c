import { documentKinds, type DocumentKind, type PaperSize } from '#shared/documents';
import { zplDocumentKinds } from '#shared/ipc/contract';
import {
  printingSettingsSchema,
  type PrinterChoice,
  type PrintingSettings,
  type PrintingSettingsInput,
} from '../core/model';
import type { MessageKey } from '../i18n/messageKey';

/** What the Printers form holds for one kind of document, as the fields show it. */
export type PrinterRowForm = {
  readonly mode: 'none' | 'system' | 'zpl';
  readonly printer: string;
  readonly paper: PaperSize;
  /** The label printer (as main knows it) when `mode` is `zpl`. */
  readonly labelPrinterId: string;
};

export type PrinterForm = { readonly [Kind in DocumentKind]: PrinterRowForm };

/** The fields a message can stand next to. */
export type PrinterField = 'printer';

/** The i18n key of each field's problem, by kind. */
export type PrinterFormErrors = {
  readonly [Kind in DocumentKind]?: { readonly [Field in PrinterField]?: MessageKey };
};

/** Whether a kind may go to a network ZPL printer (labels and tags only). */
export function takesZpl(kind: DocumentKind): boolean {
  return zplDocumentKinds.some((zplKind) => zplKind === kind);
}

function rowOf(choice: PrinterChoice | undefined): PrinterRowForm {
  const empty: Omit<PrinterRowForm, 'mode'> = { printer: '', paper: 'A4', labelPrinterId: '' };
  if (choice === undefined) return { mode: 'none', ...empty };
  if (choice.type === 'zpl') return { ...empty, mode: 'zpl', labelPrinterId: choice.printerId };
  return { ...empty, mode: 'system', printer: choice.printer, paper: choice.paper ?? 'A4' };
}

/** The form showing the station's saved choices. */
export function printerFormOf(printing: PrintingSettings): PrinterForm {
  return {
    'rma-slip': rowOf(printing['rma-slip']),
    'return-label': rowOf(printing['return-label']),
    'device-tag': rowOf(printing['device-tag']),
    quote: rowOf(printing.quote),
    'packing-slip': rowOf(printing['packing-slip']),
  };
}

function choiceOf(kind: DocumentKind, row: PrinterRowForm): unknown {
  switch (row.mode) {
    case 'none':
      return undefined;
    case 'system':
      // Labels and tags have one size: no paper to choose.
      return takesZpl(kind)
        ? { type: 'system', printer: row.printer }
        : { type: 'system', printer: row.printer, paper: row.paper };
    case 'zpl':
      return { type: 'zpl', printerId: row.labelPrinterId };
  }
}

export function isPrinterField(value: unknown): value is PrinterField {
  return value === 'printer';
}

function isDocumentKind(value: unknown): value is DocumentKind {
  return documentKinds.some((kind) => kind === value);
}

/**
 * The setting the form stands for, checked by the station's own schema; or, when a field is
 * wrong, the message of each wrong field, so the screen can show it beside the field.
 */
export function printingFromForm(
  form: PrinterForm,
): { ok: true; value: PrintingSettingsInput } | { ok: false; errors: PrinterFormErrors } {
  const input = Object.fromEntries(
    documentKinds.flatMap((kind) => {
      const choice = choiceOf(kind, form[kind]);
      return choice === undefined ? [] : [[kind, choice]];
    }),
  );
  const parsed = printingSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: { [Kind in DocumentKind]?: { [Field in PrinterField]?: MessageKey } } = {};
  for (const issue of parsed.error.issues) {
    const [kind] = issue.path;
    if (!isDocumentKind(kind)) continue;
    // A system printer or a label printer, the one choice of the row is at fault.
    errors[kind] = { printer: 'printers.errors.printer' };
  }
  return { ok: false, errors };
}
