import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { StoredClaim } from '../core';
import { useStationCore } from '../core';
import { useBarcodeScanner } from './useBarcodeScanner';

/** What the last scan found, when it needs the technician: nothing, or several claims. */
export type ScanOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'no-match'; readonly code: string; readonly at: number }
  | { readonly kind: 'several'; readonly code: string; readonly claims: readonly StoredClaim[] };

/**
 * Opens the claim a scanned RMA number, serial, IMEI or order number points at. One match opens
 * it at once; several are returned to pick from; none is returned to say so.
 */
export function useScanToClaim(): { outcome: ScanOutcome; dismiss: () => void } {
  const navigate = useNavigate();
  const { queries } = useStationCore();
  const [outcome, setOutcome] = useState<ScanOutcome>({ kind: 'none' });
  const onScan = useCallback(
    (code: string) => {
      void queries.claimsByScan(code).then((claims) => {
        const [only, ...others] = claims;
        if (only === undefined) setOutcome({ kind: 'no-match', code, at: Date.now() });
        else if (others.length === 0) {
          setOutcome({ kind: 'none' });
          void navigate(`/claims/${only.id}`);
        } else setOutcome({ kind: 'several', code, claims });
      });
    },
    [navigate, queries],
  );
  useBarcodeScanner(onScan);
  const dismiss = useCallback(() => setOutcome({ kind: 'none' }), []);
  return { outcome, dismiss };
}
