import { useEffect, useRef } from 'react';

/** How a scanner is told from a person: it types at least this many characters… */
export const scanMinimumLength = 6;
/** …with less than this between two keys, and ends with Enter. No person types that fast. */
export const scanMaximumGapMs = 35;

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

/**
 * Calls `onScan` with what a barcode scanner typed, wherever the focus is. A scanner is a
 * keyboard that types fast: keys that come slower (a person typing in a field) never make a
 * scan, and their Enter keeps its usual meaning. The Enter that ends a scan is consumed, so it
 * does not also submit a form.
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
    let buffer = '';
    let lastKeyAt = Number.NEGATIVE_INFINITY;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) {
        buffer = '';
        return;
      }
      const gapMs = event.timeStamp - lastKeyAt;
      if (event.key === 'Enter') {
        const code = buffer;
        buffer = '';
        const silenced = !exclusive && exclusiveListeners > 0;
        if (!silenced && code.length >= scanMinimumLength && gapMs < scanMaximumGapMs) {
          event.preventDefault();
          event.stopPropagation();
          onScanRef.current(code);
        }
        return;
      }
      // Shift and other keys without a character are part of typing, not a break in it.
      if (event.key.length !== 1) return;
      buffer = gapMs < scanMaximumGapMs ? buffer + event.key : event.key;
      lastKeyAt = event.timeStamp;
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      if (exclusive) exclusiveListeners -= 1;
    };
  }, [exclusive]);
}
