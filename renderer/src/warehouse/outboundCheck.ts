import type { ClaimStatus } from '#shared/domain/claimWorkflow';

/**
 * Whether a claim's device goes back to the customer from the outbound desk: a resolved claim
 * (the remedy is done), or a refused one whose device the center holds (refused after it was
 * received). A claim refused before its parcel arrived has nothing to ship.
 */
export type OutboundStanding =
  | { readonly kind: 'ships' }
  | { readonly kind: 'refused-not-held' }
  | { readonly kind: 'not-shippable'; readonly status: ClaimStatus };

export function outboundStanding(status: ClaimStatus, receivedBefore: boolean): OutboundStanding {
  switch (status) {
    case 'resolved':
      return { kind: 'ships' };
    case 'refused':
      return receivedBefore ? { kind: 'ships' } : { kind: 'refused-not-held' };
    case 'intake':
    case 'awaiting-authorization':
    case 'authorized':
    case 'received':
    case 'inspected':
    case 'quoted':
    case 'closed':
    case 'cancelled':
      return { kind: 'not-shippable', status };
  }
}

/** The return shipment as typed at the desk. */
export type OutboundForm = { readonly carrier: string; readonly trackingNumber: string };

/** Which fields of the form are missing; empty when it can be saved. */
export type OutboundFormErrors = {
  readonly carrier?: 'missing';
  readonly trackingNumber?: 'missing';
};

/** A return shipment needs its carrier and its tracking number (spaces around do not count). */
export function checkOutboundForm(form: OutboundForm): OutboundFormErrors {
  return {
    ...(form.carrier.trim() === '' ? { carrier: 'missing' } : {}),
    ...(form.trackingNumber.trim() === '' ? { trackingNumber: 'missing' } : {}),
  };
}

/** Carriers the desk offers to pick from; any other can be typed. */
export const commonCarriers = [
  'JNE',
  'J&T Express',
  'SiCepat',
  'POS Indonesia',
  'AnterAja',
  'Ninja Xpress',
  'DHL Express',
  'FedEx',
  'UPS',
] as const;
