import { useEffect, useRef } from 'react';

type ScanFocusOptions = {
  /** The receiving tab is the one shown. */
  readonly active: boolean;
  /** A parcel is expected and its serial not yet matched: the serial is the next scan. */
  readonly expectingSerial: boolean;
  /** The claim looked up, if any. */
  readonly claimId: string | undefined;
  /** Counts the reads, so what was just read is selected for the next scan. */
  readonly readCount: number;
};

/**
 * Keeps the next thing to scan focused at the receiving desk: the serial once a parcel is
 * expected, else the slip's RMA number. What was just read stays in its field, selected, so the
 * next scan replaces it.
 */
export function useScanFocus({ active, expectingSerial, claimId, readCount }: ScanFocusOptions) {
  const rmaRef = useRef<HTMLInputElement>(null);
  const serialRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!active) return;
    if (expectingSerial) serialRef.current?.focus();
    else if (claimId === undefined) rmaRef.current?.focus();
  }, [active, expectingSerial, claimId]);
  useEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLInputElement && focused.type === 'text') focused.select();
  }, [readCount]);
  return { rmaRef, serialRef };
}
