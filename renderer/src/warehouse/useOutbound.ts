import { useCallback, useState } from 'react';
import type { ShippingPayer } from '#shared/domain/vocabulary';
import type { ClaimBundle, RepositoryError, StationQueries, StoredShipmentLeg } from '../core';
import { lookUpRmaNumber, useCoreQuery, useStationCore } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import { useStationContext } from '../station/StationContext';
import type { OutboundFormErrors, OutboundStanding } from './outboundCheck';
import { checkOutboundForm, outboundStanding } from './outboundCheck';
import type { LookupProblem } from './useReceiving';

export type OutboundOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'saved'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: 'save-refused'; readonly error: RepositoryError }
  | { readonly kind: 'closed'; readonly rmaNumber: string }
  | {
      readonly kind: 'close-refused';
      readonly refusal: { readonly error: RepositoryError; readonly clauses: readonly string[] };
    };

/** Whether the claim was ever received: the audit trail keeps every transition. */
async function wasReceived(queries: StationQueries, claimId: string): Promise<boolean> {
  return (await queries.claimEvents(claimId)).some(
    (event) => event.action === 'transition' && event.changes.status?.to === 'received',
  );
}

/** Who pays the way back by default: the option of the chosen remedy, else the refusal's rule. */
function defaultPayer(bundle: ClaimBundle): ShippingPayer {
  const { claim, decision } = bundle;
  if (claim.status === 'refused') return 'customer';
  const option =
    decision?.ok === true
      ? decision.value.options.find((candidate) => candidate.remedy === claim.remedy)
      : undefined;
  return option?.outboundShippingPaidBy ?? 'company';
}

/** The outbound step's state and actions: find the claim, record the return shipment, close. */
export function useOutbound() {
  const { station } = useStationContext();
  const context = useWriteContext();
  const { commands, queries } = useStationCore();
  const [rmaInput, setRmaInput] = useState('');
  const [lookupProblem, setLookupProblem] = useState<LookupProblem | undefined>();
  const [bundle, setBundle] = useState<ClaimBundle | undefined>();
  const [standing, setStanding] = useState<OutboundStanding | undefined>();
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [paidBy, setPaidBy] = useState<ShippingPayer>('company');
  const [errors, setErrors] = useState<OutboundFormErrors>({});
  const [outcome, setOutcome] = useState<OutboundOutcome>({ kind: 'idle' });

  const claimId = bundle?.claim.id;
  const legs = useCoreQuery(
    async ({ queries }): Promise<StoredShipmentLeg[]> =>
      claimId === undefined
        ? []
        : (await queries.shipmentLegs(claimId))
            .map(({ leg }) => leg)
            .filter((leg) => leg.direction === 'outbound'),
    [claimId],
  );
  const status = useCoreQuery(
    async ({ queries }) =>
      claimId === undefined ? undefined : (await queries.claim(claimId))?.status,
    [claimId],
  );

  const lookUp = useCallback(
    async (code: string) => {
      setRmaInput(code.trim());
      setOutcome({ kind: 'idle' });
      setErrors({});
      setCarrier('');
      setTrackingNumber('');
      const found = await lookUpRmaNumber(queries, station, code);
      if (found.kind !== 'found') {
        setBundle(undefined);
        setStanding(undefined);
        setLookupProblem(found);
        return;
      }
      setLookupProblem(undefined);
      const { claim } = found.bundle;
      setBundle(found.bundle);
      setPaidBy(defaultPayer(found.bundle));
      setStanding(outboundStanding(claim.status, await wasReceived(queries, claim.id)));
    },
    [queries, station],
  );

  /** A scan is the claim's RMA number until one ships; then it is the carrier's tracking number. */
  const takeScan = useCallback(
    (code: string) => {
      if (standing?.kind === 'ships' && !/^RMA-/i.test(code.trim())) {
        setTrackingNumber(code.trim());
        setErrors((previous) => ({ ...previous, trackingNumber: undefined }));
      } else void lookUp(code);
    },
    [standing, lookUp],
  );

  async function saveLeg(): Promise<boolean> {
    if (bundle === undefined || context === undefined) return false;
    const found = checkOutboundForm({ carrier, trackingNumber });
    setErrors(found);
    if (found.carrier !== undefined || found.trackingNumber !== undefined) return false;
    setOutcome({ kind: 'working' });
    const saved = await commands.shipmentLegs.create(
      {
        claimId: bundle.claim.id,
        direction: 'outbound',
        carrier: carrier.trim(),
        trackingNumber: trackingNumber.trim(),
        paidBy,
        shippedAt: new Date().toISOString(),
      },
      context,
    );
    if (!saved.ok) {
      setOutcome({ kind: 'save-refused', error: saved.error });
      return false;
    }
    setOutcome({
      kind: 'saved',
      carrier: saved.value.carrier,
      trackingNumber: trackingNumber.trim(),
    });
    // The saved leg is listed; empty fields cannot save the same shipment twice.
    setCarrier('');
    setTrackingNumber('');
    return true;
  }

  async function close(): Promise<void> {
    if (bundle === undefined || context === undefined) return;
    setOutcome({ kind: 'working' });
    const closed = await commands.claims.transition(bundle.claim.id, 'closed', context);
    setOutcome(
      closed.ok
        ? { kind: 'closed', rmaNumber: bundle.claim.rmaNumber }
        : {
            kind: 'close-refused',
            refusal: { error: closed.error, clauses: closed.error.clauses ?? [] },
          },
    );
  }

  function next(): void {
    setRmaInput('');
    setBundle(undefined);
    setStanding(undefined);
    setLookupProblem(undefined);
    setCarrier('');
    setTrackingNumber('');
    setErrors({});
    setOutcome({ kind: 'idle' });
  }

  return {
    canWrite: context !== undefined,
    rmaInput,
    setRmaInput,
    lookupProblem,
    bundle,
    standing,
    status,
    legs: legs ?? [],
    carrier,
    setCarrier: (value: string) => {
      setCarrier(value);
      setErrors((previous) => ({ ...previous, carrier: undefined }));
    },
    trackingNumber,
    setTrackingNumber: (value: string) => {
      setTrackingNumber(value);
      setErrors((previous) => ({ ...previous, trackingNumber: undefined }));
    },
    paidBy,
    setPaidBy,
    errors,
    outcome,
    lookUp,
    takeScan,
    saveLeg,
    close,
    next,
  };
}

export type OutboundDesk = ReturnType<typeof useOutbound>;
