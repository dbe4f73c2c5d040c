import { useEffect, useRef } from 'react';
import { extendBurst, scannedCode, scannedText, type Keystroke } from './scanBurst';

/** Options of {@link useBarcodeScanner}. */
export type BarcodeScannerOptions = {
  /**
   * A screen whose scans mean something of its own (the warehouse desk) takes them all while it
   * is mounted: the app-wide listeners (open the scanned claim) stay silent until it unmounts.
   */
  readonly exclusive?: boolean;
};

/** How many exclusive listeners are mounted; while any is, the others let every scan pass. */
let exclusiveListeners = 0;

const textInputTypes = new Set(['text', 'search', 'tel', 'url', 'email']);

/** The value of the focused single-line text field, where a scanner's keys also land. */
function focusedFieldValue(): string | undefined {
  const focused = document.activeElement;
  return focused instanceof HTMLInputElement && textInputTypes.has(focused.type)
    ? focused.value
    : undefined;
}

/**
 * Calls `onScan` with what a barcode scanner typed, wherever the focus is. A scanner is a
 * keyboard that types fast (see scanBurst.ts): a person's typing never makes a scan, and their
 * Enter keeps its usual meaning. In a text field the scan is the field's value, which is what the
 * user sees. The Enter that ends a scan is consumed, so it does not also submit a form.
 */
export function useBarcodeScanner(
  onScan: (code: string) => void,
  { exclusive = false }: BarcodeScannerOptions = {},
): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (exclusive) exclusiveListeners += 1;
    let burst: Keystroke[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      // A held key repeats; a scanner never sends a repeat.
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
        burst = [];
        return;
      }
      if (event.key === 'Enter') {
        const scanned = scannedText(burst, event.timeStamp);
        burst = [];
        const silenced = !exclusive && exclusiveListeners > 0;
        if (!silenced && scanned !== undefined) {
          event.preventDefault();
          event.stopPropagation();
          onScanRef.current(scannedCode(scanned, focusedFieldValue()));
        }
        return;
      }
      // Shift and other keys without a character are part of typing, not a break in it.
      if (event.key.length !== 1) return;
      burst = extendBurst(burst, { key: event.key, atMs: event.timeStamp });
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      if (exclusive) exclusiveListeners -= 1;
    };
  }, [exclusive]);
}
