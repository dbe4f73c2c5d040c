import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { ShippingPayer } from '#shared/domain/vocabulary';
import { appDatabase } from '../db/appDatabase';
import type { FixlineDatabase } from '../db/database';
import type { StoredShipmentLeg } from '../db/records';
import { createRepositories } from '../db/repositories';
import type { RepositoryError } from '../db/repositories';
import { useWriteContext } from '../hooks/useWriteContext';
import { useStationContext } from '../station/StationContext';
import type { ClaimBundle } from './claimBundle';
import { lookUpRmaNumber } from './claimBundle';
import type { OutboundFormErrors, OutboundStanding } from './outboundCheck';
import { checkOutboundForm, outboundStanding } from './outboundCheck';
import type { ReceiveRefusal } from './receiveParcel';
import type { LookupProblem } from './useReceiving';

export type OutboundOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'saved'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: 'save-refused'; readonly error: RepositoryError }
  | { readonly kind: 'closed'; readonly rmaNumber: string }
  | { readonly kind: 'close-refused'; readonly refusal: ReceiveRefusal };

/** Whether the claim was ever received: the audit trail keeps every transition. */
async function wasReceived(db: FixlineDatabase, claimId: string): Promise<boolean> {
  const transitions = await db.auditEvents
    .where('[entity+entityId]')
    .equals(['claims', claimId])
    .filter((event) => event.action === 'transition' && event.changes.status?.to === 'received')
    .count();
  return transitions > 0;
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
  const legs = useLiveQuery(
    async (): Promise<StoredShipmentLeg[]> =>
      claimId === undefined
        ? []
        : (await appDatabase().shipmentLegs.where('claimId').equals(claimId).toArray()).filter(
            (leg) => leg.deletedAt === undefined && leg.direction === 'outbound',
          ),
    [claimId],
  );
  const status = useLiveQuery(
    async () =>
      claimId === undefined ? undefined : (await appDatabase().claims.get(claimId))?.status,
    [claimId],
  );

  const lookUp = useCallback(
    async (code: string) => {
      setRmaInput(code.trim());
      setOutcome({ kind: 'idle' });
      setErrors({});
      setCarrier('');
      setTrackingNumber('');
      const db = appDatabase();
      const found = await lookUpRmaNumber(db, station, code);
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
      setStanding(outboundStanding(claim.status, await wasReceived(db, claim.id)));
    },
    [station],
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
    const saved = await createRepositories(appDatabase()).shipmentLegs.create(
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
    const closed = await createRepositories(appDatabase()).claims.transition(
      bundle.claim.id,
      'closed',
      context,
    );
    setOutcome(
      closed.ok
        ? { kind: 'closed', rmaNumber: bundle.claim.rmaNumber }
        : {
            kind: 'close-refused',
            refusal: { message: closed.error.message, clauses: closed.error.clauses ?? [] },
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
