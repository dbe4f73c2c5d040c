import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcInput, LabelPrinter } from '#shared/ipc/contract';
import { getBridge } from '../bridge/getBridge';

/** The label printers main keeps; none when main cannot list them. */
async function listLabelPrinters(): Promise<readonly LabelPrinter[]> {
  const listed = await getBridge().printers.listLabelPrinters();
  return listed.ok ? listed.value : [];
}

/** The label printers main keeps, and adding or removing one (refusals come back as values). */
export function useLabelPrinters() {
  const [labelPrinters, setLabelPrinters] = useState<readonly LabelPrinter[]>([]);

  useEffect(() => {
    let current = true;
    void listLabelPrinters().then((printers) => {
      // A late answer after the screen closed must not set state.
      if (current) setLabelPrinters(printers);
    });
    return () => {
      current = false;
    };
  }, []);

  const add = useCallback(
    async (
      input: IpcInput<'fixline:printers:addLabelPrinter'>,
    ): Promise<{ ok: true } | { ok: false; error: IpcError }> => {
      const added = await getBridge().printers.addLabelPrinter(input);
      if (!added.ok) return added;
      setLabelPrinters(await listLabelPrinters());
      return { ok: true };
    },
    [],
  );

  const remove = useCallback(
    async (id: string): Promise<{ ok: true } | { ok: false; error: IpcError }> => {
      const removed = await getBridge().printers.removeLabelPrinter({ id });
      setLabelPrinters(await listLabelPrinters());
      return removed.ok ? { ok: true } : removed;
    },
    [],
  );

  return { labelPrinters, add, remove };
}
