import type { DocumentDataByKind } from '#shared/documents';
import { shipByDate } from '#shared/documents';
import type { Customer } from '#shared/domain/customer';
import {
  builtInPacks,
  evaluateClaim,
  policyClaimFromRecords,
  policyClaimSchema,
} from '#shared/policy';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import {
  makeClaim,
  makeCustomer,
  makeDevice,
  makeEvidence,
  makePurchase,
} from '../factories/domain';

/** Every document of the sample claim with `customer` in place of the sample's customer. */
export function documentsFor(customer: Partial<Customer>): DocumentDataByKind {
  const samples = sampleDocuments();
  const replaced = { ...samples['rma-slip'].customer, ...customer };
  return {
    'rma-slip': { ...samples['rma-slip'], customer: replaced },
    'return-label': { ...samples['return-label'], customer: replaced },
    'device-tag': { ...samples['device-tag'], customer: replaced },
    quote: { ...samples.quote, customer: replaced },
    'packing-slip': { ...samples['packing-slip'], customer: replaced },
  };
}

/** A name of 95 characters: long, but one a label must still print whole. */
export const longName =
  'Anak Agung Gede Ngurah Bagus Wiratama Putra Kusumadewi Sastrawinata Hadiningrat Suryaatmadja';

/** Four long street lines, the most an address may have. */
export const longAddress: NonNullable<Customer['address']> = {
  lines: [
    'Jalan Raya Sultan Hasanuddin, Kompleks Perumahan Griya Permata Hijau Blok C-17 No. 42A',
    'RT 005 / RW 012, Kelurahan Tanjung Priok Timur, Kecamatan Tanjung Priok',
    'Gang Kenanga III, di belakang Masjid Al-Ikhlas, dekat pangkalan ojek',
    'Patokan: rumah bercat hijau dengan pagar besi hitam dan pohon mangga',
  ],
  city: 'Jakarta Utara',
  region: 'Daerah Khusus Ibukota Jakarta',
  postalCode: '14310',
  countryCode: 'ID',
};

/** The sample's documents for a customer with {@link longName} and {@link longAddress}. */
export function longNameDocuments(): DocumentDataByKind {
  return documentsFor({
    name: longName,
    address: longAddress,
    email: 'anak.agung.gede.ngurah.bagus.wiratama@perusahaan-keluarga-besar.co.id',
  });
}

/**
 * An RMA slip for a dead-on-arrival KOSPET claim with no remedy chosen yet: three options
 * (one with a customs deduction, B18), three standing instructions, an English-speaking
 * customer. More content than the sample, for paging and for the charges and instructions.
 */
export function deadOnArrivalSlip(): DocumentDataByKind['rma-slip'] {
  const customer = makeCustomer({ preferredLanguage: 'en', name: 'Jonathan Hartono' });
  const device = makeDevice({ customerId: customer.id });
  const claim = makeClaim({
    rmaNumber: 'RMA-SBY2-000317',
    customerId: customer.id,
    deviceId: device.id,
    reason: 'arrived-damaged',
    symptom: 'visible-damage',
    purchase: makePurchase({
      orderDate: '2026-04-25',
      invoiceDate: undefined,
      deliveredDate: '2026-05-02',
      maxEstimatedDeliveryDate: undefined,
    }),
  });
  const evidence = [
    makeEvidence({ claimId: claim.id, kind: 'product-photo' }),
    makeEvidence({ claimId: claim.id, kind: 'packaging-photo', fileName: 'box.jpg' }),
  ];
  const input = policyClaimFromRecords({ claim, device, customer, evidence }, '2026-05-06');
  if (input === undefined) throw new Error('the factory claim names an unknown pack');
  const policyClaim = policyClaimSchema.parse(input);
  const decision = evaluateClaim(policyClaim, builtInPacks[policyClaim.policy]);
  return {
    center: sampleDocuments()['rma-slip'].center,
    claim,
    customer,
    device,
    decision,
    authorizedOn: '2026-05-06',
    shipBy: shipByDate(decision, '2026-05-06', 14),
  };
}
