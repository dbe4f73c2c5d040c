import { useCallback, useMemo, useRef, useState } from 'react';
import { rmaNumberPattern } from '#shared/domain/claim';
import type { ReceivingChecks } from '#shared/domain/receivingCheck';
import { receivingChecks } from '#shared/domain/receivingCheck';
import { lookUpRmaNumber, useStationCore, type ClaimBundle } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import { useStationContext } from '../station/StationContext';
import type { ReceiveOutcome, ReceiveRefusal } from './receiveParcel';
import { receiveParcel, recordEmptyParcel } from './receiveParcel';
import { unexpectedFailure } from '../i18n/errorText';

/** A lookup that found nothing to receive, said in the screen's words by its key. */
export type LookupProblem =
  | { readonly kind: 'not-an-rma-number'; readonly code: string }
  | { readonly kind: 'not-found'; readonly rmaNumber: string };

/** What the last action on the parcel came to. */
export type ReceivingOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'refused'; readonly refusal: ReceiveRefusal }
  | { readonly kind: 'received'; readonly rmaNumber: string }
  | { readonly kind: 'empty-recorded'; readonly rmaNumber: string };

/** A parcel received at this desk since the screen opened. */
export type ReceivedParcel = {
  readonly claimId: string;
  readonly rmaNumber: string;
  readonly model: string | undefined;
  readonly at: string;
  readonly photoCount: number;
};

export type ConditionForm = {
  readonly unopened: boolean;
  readonly unused: boolean;
  readonly originalPackaging: boolean;
  readonly accessories: readonly string[];
};

const freshCondition: ConditionForm = {
  unopened: false,
  unused: false,
  originalPackaging: false,
  accessories: [],
};

/**
 * A failure no repository answered for (the browser refused to hash a photo, say): the desk says
 * so and stays usable, and nothing the clerk entered is lost.
 */
function unexpectedOutcome(error: unknown): ReceiveOutcome {
  return { ok: false, refusal: { failure: unexpectedFailure(error), clauses: [] } };
}

/** The receiving step's state and actions: look a parcel up, check it (B14), receive it. */
export function useReceiving() {
  const { station } = useStationContext();
  const context = useWriteContext();
  const core = useStationCore();
  const [rmaInput, setRmaInput] = useState('');
  const [lookupProblem, setLookupProblem] = useState<LookupProblem | undefined>();
  const [bundle, setBundle] = useState<ClaimBundle | undefined>();
  const [serialInput, setSerialInput] = useState('');
  const [scannedSerial, setScannedSerial] = useState<string | undefined>();
  const [contentConfirmed, setContentConfirmed] = useState<boolean | undefined>();
  const [condition, setCondition] = useState<ConditionForm>(freshCondition);
  const [photos, setPhotos] = useState<readonly File[]>([]);
  const [outcome, setOutcome] = useState<ReceivingOutcome>({ kind: 'idle' });
  const [session, setSession] = useState<readonly ReceivedParcel[]>([]);
  // Counts lookups and comparisons, so the screen can select what was read for the next scan.
  const [readCount, setReadCount] = useState(0);
  // Photos already stored by an attempt that was then refused: a retry does not add them twice.
  const savedPhotos = useRef(new WeakSet<File>());

  const checks: ReceivingChecks | undefined = useMemo(
    () =>
      bundle === undefined
        ? undefined
        : receivingChecks({
            status: bundle.claim.status,
            device: bundle.device,
            scannedSerial,
            contentConfirmed,
          }),
    [bundle, scannedSerial, contentConfirmed],
  );

  const startNextParcel = useCallback(() => {
    setRmaInput('');
    setLookupProblem(undefined);
    setBundle(undefined);
    setSerialInput('');
    setScannedSerial(undefined);
    setContentConfirmed(undefined);
    setCondition(freshCondition);
    setPhotos([]);
    savedPhotos.current = new WeakSet();
  }, []);

  const lookUp = useCallback(
    async (code: string) => {
      startNextParcel();
      setRmaInput(code.trim());
      setOutcome({ kind: 'idle' });
      const found = await lookUpRmaNumber(core.queries, station, code);
      if (found.kind === 'found') setBundle(found.bundle);
      else setLookupProblem(found);
      setReadCount((count) => count + 1);
    },
    [core, station, startNextParcel],
  );

  const compareSerial = useCallback((code: string) => {
    const scanned = code.trim();
    setSerialInput(scanned);
    setScannedSerial(scanned === '' ? undefined : scanned);
    setReadCount((count) => count + 1);
  }, []);

  /** A scan goes to the step it fits: an RMA number starts a parcel, anything else is its serial. */
  const takeScan = useCallback(
    (code: string) => {
      const expectingSerial = checks?.authorized === 'pass' && outcome.kind !== 'working';
      if (rmaNumberPattern.test(code.trim().toUpperCase()) || !expectingSerial) void lookUp(code);
      else compareSerial(code);
    },
    [checks, outcome.kind, lookUp, compareSerial],
  );

  async function receive(): Promise<boolean> {
    if (bundle === undefined || context === undefined || !checks?.canReceive) return false;
    setOutcome({ kind: 'working' });
    const { claim, device } = bundle;
    const result = await receiveParcel(core, context, {
      claimId: claim.id,
      condition: {
        unopened: condition.unopened,
        unused: condition.unused,
        originalPackaging: condition.originalPackaging,
        accessoriesReceived: [...condition.accessories],
      },
      photos,
      savedPhotos: savedPhotos.current,
    }).catch(unexpectedOutcome);
    if (!result.ok) {
      setOutcome({ kind: 'refused', refusal: result.refusal });
      return false;
    }
    setSession((previous) => [
      {
        claimId: claim.id,
        rmaNumber: claim.rmaNumber,
        model: device?.model,
        at: new Date().toISOString(),
        photoCount: result.photoCount,
      },
      ...previous,
    ]);
    startNextParcel();
    setOutcome({ kind: 'received', rmaNumber: claim.rmaNumber });
    return true;
  }

  async function recordEmpty(note: string): Promise<void> {
    if (bundle === undefined || context === undefined) return;
    setOutcome({ kind: 'working' });
    const refusal = await recordEmptyParcel(core, context, {
      claimId: bundle.claim.id,
      note,
      photos,
      savedPhotos: savedPhotos.current,
    }).catch((error: unknown): ReceiveRefusal => ({
      failure: unexpectedFailure(error),
      clauses: [],
    }));
    if (refusal !== undefined) {
      setOutcome({ kind: 'refused', refusal });
      return;
    }
    setContentConfirmed(false);
    setOutcome({ kind: 'empty-recorded', rmaNumber: bundle.claim.rmaNumber });
  }

  return {
    canWrite: context !== undefined,
    rmaInput,
    setRmaInput,
    lookupProblem,
    bundle,
    checks,
    serialInput,
    setSerialInput,
    scannedSerial,
    contentConfirmed,
    setContentConfirmed,
    condition,
    setCondition,
    photos,
    setPhotos,
    outcome,
    session,
    readCount,
    lookUp,
    compareSerial,
    takeScan,
    receive,
    recordEmpty,
    startNextParcel,
  };
}

export type ReceivingDesk = ReturnType<typeof useReceiving>;
