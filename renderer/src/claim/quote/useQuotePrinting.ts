import { useState } from 'react';
import type { Claim } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { IsoDate } from '#shared/domain/primitives';
import type { Quote, QuoteLine } from '#shared/domain/quote';
import type { Decision } from '#shared/policy';
import type { IpcError } from '#shared/ipc/result';
import { getBridge } from '../../bridge/getBridge';
import { printRequestOf, repairCenterOf, stationPrinting } from '../../core';
import type { MissingForDocuments, StationSettingsRow } from '../../core';

/** What the last print of a quote came to. */
export type QuotePrintOutcome =
  | { readonly kind: 'idle' | 'working' | 'no-printer' }
  | { readonly kind: 'printed'; readonly jobId?: string }
  | { readonly kind: 'missing'; readonly missing: MissingForDocuments }
  | { readonly kind: 'refused'; readonly error: IpcError };

type QuotePrintSources = {
  readonly station: StationSettingsRow;
  readonly claim: Claim;
  readonly customer: Customer | undefined;
  readonly device: Device | undefined;
  readonly decision: Decision | undefined;
  readonly quote: Quote;
  readonly lines: readonly QuoteLine[];
  readonly today: IsoDate;
};

/** Prints a quote revision to the printer the station chose for quotes, through the bridge. */
export function useQuotePrinting(): {
  outcome: QuotePrintOutcome;
  print: (sources: QuotePrintSources) => Promise<void>;
} {
  const [outcome, setOutcome] = useState<QuotePrintOutcome>({ kind: 'idle' });

  async function print(sources: QuotePrintSources): Promise<void> {
    const { station, claim, customer, device, decision, quote, lines, today } = sources;
    if (customer === undefined) return setOutcome({ kind: 'missing', missing: 'customer' });
    if (device === undefined) return setOutcome({ kind: 'missing', missing: 'device' });
    const center = repairCenterOf(station);
    if (!center.ok) return setOutcome({ kind: 'missing', missing: center.missing });
    const choice = stationPrinting(station).quote;
    if (choice === undefined) return setOutcome({ kind: 'no-printer' });
    setOutcome({ kind: 'working' });
    const result = await getBridge().printing.print({
      kind: 'quote',
      data: {
        center: center.value,
        claim,
        customer,
        device,
        quote,
        lines: [...lines],
        clauseTexts: decision?.clauseTexts ?? {},
        issuedOn: today,
      },
      ...printRequestOf(choice),
    });
    setOutcome(
      result.ok
        ? {
            kind: 'printed',
            ...(result.value.jobId === undefined ? {} : { jobId: result.value.jobId }),
          }
        : { kind: 'refused', error: result.error },
    );
  }

  return { outcome, print };
}
