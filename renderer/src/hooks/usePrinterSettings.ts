import { useEffect, useState } from 'react';
import type { DocumentKind } from '#shared/documents';
import type { PrinterInfo } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/result';
import { getBridge } from '../bridge/getBridge';
import type { RepositoryError } from '../core';
import { stationPrinting, useStationCore } from '../core';
import {
  printerFormOf,
  printingFromForm,
  isPrinterField,
  type PrinterField,
  type PrinterForm,
  type PrinterFormErrors,
  type PrinterRowForm,
} from '../settings/printerForm';
import { useStationContext } from '../station/StationContext';

/** The system's printers, as far as the bridge has answered. */
export type PrinterList =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly printers: readonly PrinterInfo[] }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** What the last save came to. */
export type PrinterSaveOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly error: RepositoryError };

export type PrinterSettingsState = {
  /** False in a browser: no printer is reachable from a page, so there is nothing to choose. */
  readonly supported: boolean;
  readonly printers: PrinterList;
  readonly form: PrinterForm;
  readonly errors: PrinterFormErrors;
  readonly outcome: PrinterSaveOutcome;
  readonly change: (kind: DocumentKind, patch: Partial<PrinterRowForm>) => void;
  readonly save: () => Promise<void>;
};

/** The Printers section's state: the system's printers, the station's choices, and saving them. */
export function usePrinterSettings(): PrinterSettingsState {
  const { station } = useStationContext();
  const { commands } = useStationCore();
  const supported = getBridge().kind === 'desktop';
  const [printers, setPrinters] = useState<PrinterList>({ kind: 'loading' });
  const [form, setForm] = useState<PrinterForm>(() => printerFormOf(stationPrinting(station)));
  const [errors, setErrors] = useState<PrinterFormErrors>({});
  const [outcome, setOutcome] = useState<PrinterSaveOutcome>({ kind: 'idle' });

  useEffect(() => {
    if (!supported) return;
    let current = true;
    void getBridge()
      .printing.listPrinters()
      .then((result) => {
        if (!current) return;
        setPrinters(
          result.ok
            ? { kind: 'ready', printers: result.value }
            : { kind: 'failed', error: result.error },
        );
      });
    // A late answer after the screen closed must not set state.
    return () => {
      current = false;
    };
  }, [supported]);

  function change(kind: DocumentKind, patch: Partial<PrinterRowForm>): void {
    setForm((previous) => ({ ...previous, [kind]: { ...previous[kind], ...patch } }));
    // A message was about the old value; the next save checks the new one. Another printer
    // (or kind of printer) makes every message of the row stale.
    setErrors((previous) => {
      const row = previous[kind];
      if (row === undefined) return previous;
      const stale = (field: PrinterField) =>
        Object.hasOwn(patch, field) || Object.hasOwn(patch, 'mode');
      const kept = Object.fromEntries(
        Object.entries(row).filter(([field]) => isPrinterField(field) && !stale(field)),
      );
      return { ...previous, [kind]: kept };
    });
    setOutcome({ kind: 'idle' });
  }

  async function save(): Promise<void> {
    const checked = printingFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setOutcome({ kind: 'saving' });
    const saved = await commands.station.savePrinting(checked.value);
    setOutcome(saved.ok ? { kind: 'saved' } : { kind: 'failed', error: saved.error });
  }

  return { supported, printers, form, errors, outcome, change, save };
}
