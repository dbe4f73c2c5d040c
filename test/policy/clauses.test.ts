import { describe, expect, it } from 'vitest';
import { policyPackSchema } from '#shared/policy';
import { kospetOfficialStorePack } from '#shared/policy/packs/kospetOfficialStore';
import { kospetWarrantyRefundPack } from '#shared/policy/packs/kospetWarrantyRefund';
import type { MisuseKind } from '#shared/domain/vocabulary';
import {
  igpsportClaim,
  kospetOfficialStoreClaim,
  kospetWarrantyRefundClaim,
  makeClaim,
} from '../factories/policyClaims';
import { deadline, evaluate, option, remedies } from './evaluate.helpers';

/**
 * Every clause of ../shared/spec/policy.md tied to cases that fail if its rule changes,
 * including both edges of every window: the last day in and the first day out.
 */
type ClauseCase = { clause: string; name: string; check: () => void };

const igp = (patch: Parameters<typeof makeClaim>[1] = {}) =>
  evaluate(makeClaim(igpsportClaim, patch));
const kwr = (patch: Parameters<typeof makeClaim>[1] = {}) =>
  evaluate(makeClaim(kospetWarrantyRefundClaim, patch));
const kos = (patch: Parameters<typeof makeClaim>[1] = {}) =>
  evaluate(makeClaim(kospetOfficialStoreClaim, patch));

const inspected = (misuse: MisuseKind[] = [], faultConfirmed = true) => ({
  inspection: { faultConfirmed, misuse },
});

const igpsportCases: ClauseCase[] = [
  {
    clause: 'A1',
    name: 'a bike computer is covered for one year, up to and including the same day a year on',
    check: () => {
      expect(igp({ asOf: '2027-02-03' }).coverageEnds).toBe('2027-02-03');
      expect(remedies(igp({ asOf: '2027-02-03' }))).toContain('warranty-repair');
      expect(remedies(igp({ asOf: '2027-02-04' }))).toEqual(['paid-repair']);
    },
  },
  {
    clause: 'A1',
    name: 'damage caused by the user is outside the warranty',
    check: () => {
      const decision = igp(inspected(['liquid-damage']));
      expect(decision.warrantyVoid).toBe(true);
      expect(remedies(decision)).toEqual(['paid-repair']);
      expect(remedies(igp({ request: { reason: 'accidental-damage' } }))).toEqual(['paid-repair']);
    },
  },
  {
    clause: 'A2',
    name: 'the warranty runs from the invoice date, not the order date',
    check: () => {
      const decision = igp({ purchase: { orderDate: '2025-12-01' } });
      expect(decision.coverageEnds).toBe('2027-02-03');
      expect(decision.clauses).toContain('A2');
    },
  },
  {
    clause: 'A2',
    name: 'without the invoice date coverage is unknown and the date is asked for',
    check: () => {
      const decision = igp({ purchase: { invoiceDate: undefined } });
      expect(decision.coverageEnds).toBeNull();
      expect(decision.options).toEqual([]);
      expect(decision.missing).toContain('purchase.invoiceDate');
    },
  },
  {
    clause: 'A3',
    name: 'a heart-rate strap is covered for six months only',
    check: () => {
      const strap = { product: { category: 'hr-strap' as const } };
      expect(igp({ ...strap, asOf: '2026-08-03' }).coverageEnds).toBe('2026-08-03');
      expect(remedies(igp({ ...strap, asOf: '2026-08-03' }))).toContain('warranty-repair');
      expect(remedies(igp({ ...strap, asOf: '2026-08-04' }))).toEqual(['paid-repair']);
      expect(igp(strap).clauses).toContain('A3');
    },
  },
  {
    clause: 'A3',
    name: 'a bike mount past six months gets paid repair with both legs on the customer (worked example 2)',
    check: () => {
      const decision = igp({ product: { category: 'bike-mount' }, ...inspected() });
      expect(decision.coverageEnds).toBe('2026-08-03');
      expect(decision.options).toHaveLength(1);
      expect(option(decision, 'paid-repair')).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'customer',
      });
      expect(option(decision, 'paid-repair').clauses).toContain('A4');
    },
  },
  {
    clause: 'A4',
    name: 'inside the scope shipping is not charged; outside it the customer pays both legs',
    check: () => {
      expect(option(igp(), 'warranty-repair')).toMatchObject({
        inboundShippingPaidBy: 'company',
        outboundShippingPaidBy: 'company',
      });
      expect(option(igp(inspected(['body-opened'])), 'paid-repair')).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'customer',
      });
    },
  },
  {
    clause: 'A5',
    name: 'a confirmed defect in scope is repaired or replaced, never refunded (worked example 1)',
    check: () => {
      const decision = igp(inspected());
      expect(remedies(decision)).toEqual(['warranty-repair', 'warranty-replacement']);
      expect(decision.coverageEnds).toBe('2027-02-03');
      expect(option(decision, 'warranty-replacement').clauses).toContain('A5');
    },
  },
  {
    clause: 'A5',
    name: 'no defect found means nothing to repair or replace',
    check: () => {
      const decision = igp(inspected([], false));
      expect(decision.options).toEqual([]);
      expect(decision.exclusions).toContainEqual({ reason: 'no-defect-found', clauses: ['A5'] });
    },
  },
  {
    clause: 'A6',
    name: 'a claim needs the serial, the invoice date and the defect description',
    check: () => {
      const decision = igp({ product: { serial: undefined }, request: { description: ' ' } });
      expect(decision.missing).toEqual(
        expect.arrayContaining(['product.serial', 'request.description']),
      );
      expect(
        decision.missingFacts.find((fact) => fact.field === 'product.serial')?.clauses,
      ).toEqual(['A6']);
      expect(igp().missing).toEqual([]);
    },
  },
  {
    clause: 'A7',
    name: 'visible damage asks for photos, malfunctions and data errors for videos',
    check: () => {
      const noMedia = { evidence: { productPhotos: 0, videos: 0 } };
      expect(igp({ ...noMedia, request: { symptom: 'visible-damage' } }).missing).toContain(
        'evidence.productPhotos',
      );
      expect(igp({ ...noMedia, request: { symptom: 'malfunction' } }).missing).toContain(
        'evidence.videos',
      );
      expect(igp({ ...noMedia, request: { symptom: 'data-error' } }).missing).toContain(
        'evidence.videos',
      );
      expect(
        igp({ evidence: { productPhotos: 3, videos: 0 }, request: { symptom: 'data-error' } })
          .missing,
      ).toContain('evidence.videos');
      expect(igp({ request: { symptom: undefined } }).missing).toContain('request.symptom');
    },
  },
  {
    clause: 'A8',
    name: 'starting a warranty needs the shop link and the purchase id',
    check: () => {
      const decision = igp({ purchase: { shopLink: undefined, orderNumber: undefined } });
      expect(decision.missingFacts).toEqual(
        expect.arrayContaining([
          { field: 'purchase.shopLink', clauses: ['A8'] },
          { field: 'purchase.orderNumber', clauses: ['A8'] },
        ]),
      );
    },
  },
  {
    clause: 'A9',
    name: 'a submitted claim is answered within 24 hours',
    check: () => {
      const decision = igp({ asOf: '2026-09-30' });
      expect(deadline(decision, 'first-response')).toBe('2026-10-01');
      expect(decision.clauses).toContain('A9');
    },
  },
  {
    clause: 'A10',
    name: 'for a battery, sending the device in is recommended over self-repair',
    check: () => {
      const decision = igp({ request: { batteryReplacement: true } });
      expect(decision.instructions).toContainEqual({
        kind: 'battery-send-in-recommended',
        clauses: ['A10'],
      });
      expect(igp().instructions.map((instruction) => instruction.kind)).not.toContain(
        'battery-send-in-recommended',
      );
    },
  },
  {
    clause: 'A11',
    name: 'the self-repair battery kit costs 11 USD material plus 15 USD shipping',
    check: () => {
      const decision = igp({ asOf: '2027-03-01', request: { batteryReplacement: true } });
      const kit = option(decision, 'spare-parts-sale');
      expect(kit.outboundShippingPaidBy).toBe('customer');
      expect(kit.inboundShippingPaidBy).toBeNull();
      expect(kit.charges).toEqual([
        {
          kind: 'battery-kit',
          clauses: ['A10', 'A11'],
          amount: { amount: 2600, currency: 'USD' },
          parts: [
            { label: 'material', amount: { amount: 1100, currency: 'USD' } },
            { label: 'shipping', amount: { amount: 1500, currency: 'USD' } },
          ],
          deductedFromRefund: false,
        },
      ]);
    },
  },
];

const doaClaim = {
  asOf: '2026-04-06',
  request: { reason: 'arrived-damaged' as const },
  evidence: { productPhotos: 2, packagingPhotos: 1 },
};

const kospetWarrantyRefundCases: ClauseCase[] = [
  {
    clause: 'B1',
    name: 'one year of free repair from the day the goods were received',
    check: () => {
      expect(kwr({ asOf: '2027-04-01' }).coverageEnds).toBe('2027-04-01');
      expect(remedies(kwr({ asOf: '2027-04-01' }))).toContain('warranty-repair');
      expect(remedies(kwr({ asOf: '2027-04-02' }))).not.toContain('warranty-repair');
      expect(kwr({ purchase: { deliveredDate: undefined } }).missing).toContain(
        'purchase.deliveredDate',
      );
    },
  },
  {
    clause: 'B1',
    name: 'a product page may set another period for its SKU',
    check: () => {
      const pack = policyPackSchema.parse({
        ...kospetWarrantyRefundPack,
        warranty: { ...kospetWarrantyRefundPack.warranty, monthsBySku: { 'T3-BLK': 18 } },
      });
      const decision = evaluate(makeClaim(kospetWarrantyRefundClaim, { asOf: '2027-06-01' }), pack);
      expect(decision.coverageEnds).toBe('2027-10-01');
      expect(remedies(decision)).toContain('warranty-repair');
    },
  },
  {
    clause: 'B2',
    name: 'dead on arrival is open through the seventh day after receipt',
    check: () => {
      expect(remedies(kwr({ ...doaClaim, asOf: '2026-04-08' }))).toContain('doa-replacement');
      const late = kwr({ ...doaClaim, asOf: '2026-04-09' });
      expect(remedies(late)).not.toContain('doa-replacement');
      expect(late.exclusions).toContainEqual({ reason: 'window-closed', clauses: ['B2'] });
      expect(deadline(late, 'doa-window')).toBe('2026-04-08');
    },
  },
  {
    clause: 'B2',
    name: 'a watch reported not working (a defect) on day 7 after receipt is dead on arrival',
    check: () => {
      const dead = { evidence: { videos: 1, packagingPhotos: 1 }, asOf: '2026-04-08' };
      const decision = kwr(dead);
      expect(remedies(decision)).toEqual(['doa-replacement', 'doa-refund', 'warranty-repair']);
      expect(option(decision, 'doa-replacement').clauses).toContain('B2');
    },
  },
  {
    clause: 'B2',
    name: 'a defect reported on day 8 after receipt is a warranty repair, not dead on arrival',
    check: () => {
      const decision = kwr({ evidence: { videos: 1, packagingPhotos: 1 }, asOf: '2026-04-09' });
      expect(remedies(decision)).toEqual(['warranty-repair']);
      expect(decision.exclusions).not.toContainEqual({ reason: 'window-closed', clauses: ['B2'] });
    },
  },
  {
    clause: 'B3',
    name: 'a DOA claim needs a packaging photo (worked example 3)',
    check: () => {
      const decision = kwr({ ...doaClaim, evidence: { productPhotos: 2, packagingPhotos: 0 } });
      expect(decision.missingFacts).toContainEqual({
        field: 'evidence.packagingPhotos',
        clauses: ['B3'],
      });
    },
  },
  {
    clause: 'B3',
    name: 'a video of the product counts as the product media of a DOA claim',
    check: () => {
      const decision = kwr({ ...doaClaim, evidence: { videos: 1, packagingPhotos: 1 } });
      expect(decision.missing).not.toContain('evidence.packagingPhotos');
      expect(decision.missing).not.toContain('evidence.productPhotos');
    },
  },
  {
    clause: 'B4',
    name: 'DOA gives the choice of a new item or a full refund',
    check: () => {
      const decision = kwr(doaClaim);
      expect(option(decision, 'doa-replacement').outboundShippingPaidBy).toBe('company');
      expect(option(decision, 'doa-refund').outboundShippingPaidBy).toBeNull();
      expect(option(decision, 'doa-refund').clauses).toContain('B4');
    },
  },
  {
    clause: 'B5',
    name: 'DOA return shipping is reimbursed against the receipt once the fault is confirmed',
    check: () => {
      const decision = kwr({ ...doaClaim, ...inspected() });
      expect(option(decision, 'doa-replacement').inboundShippingPaidBy).toBe('company');
      expect(option(decision, 'doa-replacement').clauses).toContain('B5');
      expect(decision.missing).toContain('evidence.returnShippingReceipt');
      const withReceipt = kwr({
        ...doaClaim,
        ...inspected(),
        evidence: { ...doaClaim.evidence, returnShippingReceipt: true },
      });
      expect(withReceipt.missing).not.toContain('evidence.returnShippingReceipt');
    },
  },
  {
    clause: 'B6',
    name: 'a technician who finds it is not DOA ends the DOA options and the reimbursement',
    check: () => {
      const decision = kwr({ ...doaClaim, ...inspected([], false) });
      expect(remedies(decision)).not.toContain('doa-replacement');
      expect(remedies(decision)).not.toContain('doa-refund');
      expect(decision.exclusions).toContainEqual({
        reason: 'not-dead-on-arrival',
        clauses: ['B6'],
      });
    },
  },
  {
    clause: 'B7',
    name: 'without a valid return receipt the return shipping is not reimbursed',
    check: () => {
      const decision = kwr({
        ...doaClaim,
        evidence: { ...doaClaim.evidence, returnShippingReceipt: false },
      });
      expect(option(decision, 'doa-refund').inboundShippingPaidBy).toBe('customer');
      expect(option(decision, 'doa-refund').clauses).toContain('B7');
    },
  },
  {
    clause: 'B8',
    name: 'an unopened, unused item in its packaging is refunded through the fifteenth day',
    check: () => {
      const asNew = { unopened: true, unused: true, originalPackaging: true };
      const request = { reason: 'change-of-mind' as const, condition: asNew };
      const refund = option(kwr({ request, asOf: '2026-04-16' }), 'unconditional-refund');
      expect(refund).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: null,
        deadline: '2026-04-16',
      });
      expect(remedies(kwr({ request, asOf: '2026-04-17' }))).toEqual([]);
      expect(
        remedies(
          kwr({
            request: { ...request, condition: { ...asNew, unopened: false } },
            asOf: '2026-04-10',
          }),
        ),
      ).toEqual([]);
      expect(kwr({ request: { reason: 'change-of-mind' }, asOf: '2026-04-10' }).missing).toContain(
        'request.condition',
      );
    },
  },
  {
    clause: 'B9',
    name: 'free repair: the customer ships in, the company ships back',
    check: () => {
      expect(option(kwr(), 'warranty-repair')).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'company',
      });
      expect(option(kwr(), 'warranty-repair').clauses).toContain('B9');
    },
  },
  {
    clause: 'B10',
    name: 'a damaged or misused item gets paid repair only, not free repair',
    check: () => {
      const decision = kwr(inspected(['physical-damage']));
      expect(remedies(decision)).toEqual(['paid-repair', 'spare-parts-sale']);
      expect(option(decision, 'paid-repair').clauses).toContain('B10');
    },
  },
  {
    clause: 'B11',
    name: 'wear and tear and damage during use are not covered, though the warranty is not void',
    check: () => {
      const worn = kwr(inspected(['wear-and-tear']));
      expect(worn.warrantyVoid).toBe(false);
      expect(remedies(worn)).not.toContain('warranty-repair');
      expect(worn.exclusions).toContainEqual({ reason: 'not-covered', clauses: ['B11'] });
      expect(remedies(kwr({ request: { reason: 'accidental-damage' } }))).not.toContain(
        'warranty-repair',
      );
    },
  },
  {
    clause: 'B12',
    name: 'misuse voids the warranty at once; spare parts can be bought at component value',
    check: () => {
      const decision = kwr(inspected(['liquid-damage']));
      expect(decision.warrantyVoid).toBe(true);
      expect(option(decision, 'spare-parts-sale').charges).toEqual([
        { kind: 'component-value', clauses: ['B12'], amount: null, deductedFromRefund: false },
      ]);
    },
  },
  ...(
    [
      'firmware-flashed',
      'rooted',
      'body-opened',
      'parts-modified',
      'unintended-use',
      'continued-use-after-fault',
    ] as const
  ).map((trigger): ClauseCase => ({
    clause: 'B13',
    name: `${trigger} voids the warranty`,
    check: () => {
      const decision = kwr(inspected([trigger]));
      expect(decision.warrantyVoid).toBe(true);
      expect(decision.voidFindings).toEqual([trigger]);
      expect(decision.clauses).toContain('B13');
    },
  })),
  {
    clause: 'B14',
    name: 'every return needs authorization first',
    check: () => {
      expect(kwr().instructions).toContainEqual({
        kind: 'authorize-before-return',
        clauses: ['B14'],
      });
    },
  },
  {
    clause: 'B15',
    name: 'options stay provisional until the item is inspected',
    check: () => {
      expect(option(kwr(), 'warranty-repair').pendingInspection).toBe(true);
      expect(kwr().instructions).toContainEqual({
        kind: 'inspect-before-remedy',
        clauses: ['B15'],
      });
      expect(option(kwr(inspected()), 'warranty-repair').pendingInspection).toBe(false);
    },
  },
  {
    clause: 'B16',
    name: 'an item that cannot be repaired gets an alternative decided by hand',
    check: () => {
      const decision = kwr({ inspection: { faultConfirmed: true, repairable: false } });
      expect(remedies(decision)).toEqual(['warranty-replacement']);
      expect(option(decision, 'warranty-replacement')).toMatchObject({ manualDecision: true });
      expect(option(decision, 'warranty-replacement').clauses).toContain('B16');
    },
  },
  {
    clause: 'B17',
    name: 'shipping to the center is the customer’s except for DOA',
    check: () => {
      expect(option(kwr(), 'warranty-repair').clauses).toContain('B17');
      expect(option(kwr(doaClaim), 'doa-replacement').inboundShippingPaidBy).toBe('company');
    },
  },
  {
    clause: 'B18',
    name: 'customs on the return are deducted from a refund',
    check: () => {
      expect(option(kwr(doaClaim), 'doa-refund').charges).toContainEqual({
        kind: 'customs-deduction',
        clauses: ['B18'],
        amount: null,
        deductedFromRefund: true,
      });
    },
  },
  {
    clause: 'B19',
    name: 'the item goes back flat rate; faster shipping is charged',
    check: () => {
      expect(kwr().instructions).toContainEqual({ kind: 'flat-rate-return', clauses: ['B19'] });
      expect(kwr(inspected(['rooted'])).instructions.map((i) => i.kind)).not.toContain(
        'flat-rate-return',
      );
    },
  },
  {
    clause: 'B20',
    name: 'misuse puts repair and shipping both ways on the customer',
    check: () => {
      const repair = option(kwr(inspected(['unintended-use'])), 'paid-repair');
      expect(repair).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'customer',
      });
      expect(repair.clauses).toContain('B20');
    },
  },
  {
    clause: 'B21',
    name: 'a request names the problem, order, SKU, steps tried, item code and shows the defect',
    check: () => {
      const decision = kwr({
        product: { sku: undefined, itemCode: undefined },
        purchase: { orderNumber: undefined },
        request: { description: undefined, stepsTried: undefined },
        evidence: { productPhotos: 0, videos: 0 },
      });
      expect(decision.missing).toEqual(
        expect.arrayContaining([
          'request.description',
          'purchase.orderNumber',
          'product.sku',
          'request.stepsTried',
          'product.itemCode',
          'evidence.productPhotos',
        ]),
      );
      expect(kwr().missing).toEqual([]);
    },
  },
];

const kospetOfficialStoreCases: ClauseCase[] = [
  ...(['amazon', 'aliexpress', 'ebay', 'walmart', 'offline-store', 'other'] as const).map(
    (channel): ClauseCase => ({
      clause: 'C1',
      name: `a purchase on ${channel} is referred to that seller, and nothing else (worked example 4)`,
      check: () => {
        const decision = kos({ purchase: { channel }, ...inspected(['liquid-damage']) });
        expect(decision.options).toEqual([
          expect.objectContaining({
            remedy: 'refer-to-seller',
            inboundShippingPaidBy: null,
            outboundShippingPaidBy: null,
            clauses: ['C1'],
          }),
        ]);
        expect(decision.missing).toEqual([]);
      },
    }),
  ),
  {
    clause: 'C2',
    name: 'the quality return runs to estimated delivery + 7 days when that is later than order + 30',
    check: () => {
      const purchase = { orderDate: '2026-04-20', maxEstimatedDeliveryDate: '2026-05-20' };
      expect(remedies(kos({ purchase, asOf: '2026-05-27' }))).toContain('quality-return-refund');
      expect(remedies(kos({ purchase, asOf: '2026-05-28' }))).not.toContain(
        'quality-return-refund',
      );
    },
  },
  {
    clause: 'C2',
    name: 'the quality return runs to order + 30 days when that is later',
    check: () => {
      const purchase = { orderDate: '2026-04-20', maxEstimatedDeliveryDate: '2026-04-25' };
      expect(deadline(kos({ purchase }), 'quality-return-window')).toBe('2026-05-20');
      expect(remedies(kos({ purchase, asOf: '2026-05-20' }))).toContain('quality-return-refund');
      expect(remedies(kos({ purchase, asOf: '2026-05-21' }))).not.toContain(
        'quality-return-refund',
      );
    },
  },
  {
    clause: 'C2',
    name: 'without the estimated delivery, the quality return is offered up to order + 30 days',
    check: () => {
      const purchase = { orderDate: '2026-04-20', maxEstimatedDeliveryDate: undefined };
      const decision = kos({ purchase, asOf: '2026-05-20' });
      expect(remedies(decision)).toContain('quality-return-refund');
      expect(decision.missing).not.toContain('purchase.maxEstimatedDeliveryDate');
    },
  },
  {
    clause: 'C2',
    name: 'past order + 30 days the unknown estimated delivery date is asked for, not assumed',
    check: () => {
      const purchase = { orderDate: '2026-04-20', maxEstimatedDeliveryDate: undefined };
      const decision = kos({ purchase, asOf: '2026-05-21' });
      expect(decision.missingFacts).toContainEqual({
        field: 'purchase.maxEstimatedDeliveryDate',
        clauses: expect.arrayContaining(['C2']),
      });
      expect(remedies(decision)).not.toContain('quality-return-refund');
      expect(decision.exclusions).not.toContainEqual({ reason: 'window-closed', clauses: ['C2'] });
      expect(deadline(decision, 'quality-return-window')).toBeUndefined();
    },
  },
  {
    clause: 'C2',
    name: 'an estimated delivery date is not asked for when the claim is no quality problem',
    check: () => {
      const purchase = { orderDate: '2026-04-20', maxEstimatedDeliveryDate: undefined };
      const accident = kos({ purchase, asOf: '2026-05-21', ...inspected(['liquid-damage']) });
      expect(accident.missing).not.toContain('purchase.maxEstimatedDeliveryDate');
    },
  },
  {
    clause: 'C3',
    name: 'a quality problem within two years of purchase gets a free replacement',
    check: () => {
      expect(kos().coverageEnds).toBe('2028-04-20');
      expect(remedies(kos({ asOf: '2028-04-20' }))).toEqual(['warranty-replacement']);
      expect(remedies(kos({ asOf: '2028-04-21' }))).toEqual([]);
    },
  },
  {
    clause: 'C3',
    name: 'the replacement needs the order number, the purchase link and media of the problem',
    check: () => {
      const decision = kos({
        purchase: { orderNumber: undefined, shopLink: undefined },
        evidence: { videos: 0 },
      });
      expect(decision.missing).toEqual(
        expect.arrayContaining([
          'purchase.orderNumber',
          'purchase.shopLink',
          'evidence.productPhotos',
        ]),
      );
      expect(
        decision.missingFacts.find((fact) => fact.field === 'purchase.shopLink')?.clauses,
      ).toEqual(['C3']);
    },
  },
  {
    clause: 'C4',
    name: 'the company pays shipping through day 30 after purchase, the buyer from day 31',
    check: () => {
      expect(option(kos({ asOf: '2026-05-20' }), 'warranty-replacement')).toMatchObject({
        inboundShippingPaidBy: 'company',
        outboundShippingPaidBy: 'company',
      });
      const late = option(kos({ asOf: '2026-05-21' }), 'warranty-replacement');
      expect(late).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'customer',
      });
      expect(late.clauses).toContain('C4');
    },
  },
  {
    clause: 'C5',
    name: 'a return without a defect costs 70% depreciation and the shipping, until the later date',
    check: () => {
      const changeOfMind = { request: { reason: 'change-of-mind' as const } };
      const decision = kos({ ...changeOfMind, asOf: '2026-05-20' });
      expect(option(decision, 'depreciated-return')).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: null,
        charges: [
          {
            kind: 'depreciation',
            clauses: ['C5'],
            amount: { amount: 6999, currency: 'USD' },
            deductedFromRefund: true,
          },
        ],
      });
      expect(remedies(kos({ ...changeOfMind, asOf: '2026-05-21' }))).toEqual([]);
      const lateDelivery = { orderDate: '2026-04-20', deliveredDate: '2026-05-18' };
      expect(
        remedies(kos({ ...changeOfMind, purchase: lateDelivery, asOf: '2026-05-25' })),
      ).toEqual(['depreciated-return']);
      expect(
        remedies(kos({ ...changeOfMind, purchase: lateDelivery, asOf: '2026-05-26' })),
      ).toEqual([]);
    },
  },
  {
    clause: 'C5',
    name: 'the depreciation rate is a pack parameter a center can correct',
    check: () => {
      const pack = policyPackSchema.parse({
        ...kospetOfficialStorePack,
        changeOfMind: { ...kospetOfficialStorePack.changeOfMind, depreciationRate: 0.3 },
      });
      const decision = evaluate(
        makeClaim(kospetOfficialStoreClaim, { request: { reason: 'change-of-mind' } }),
        pack,
      );
      expect(option(decision, 'depreciated-return').charges[0]?.amount).toEqual({
        amount: 3000,
        currency: 'USD',
      });
    },
  },
  {
    clause: 'C6',
    name: 'an order not yet delivered is cancelled by refusing the parcel',
    check: () => {
      const decision = kos({
        request: { reason: 'change-of-mind' },
        purchase: { deliveredDate: undefined },
      });
      expect(decision.instructions).toContainEqual({
        kind: 'cancel-by-refusing-delivery',
        clauses: ['C6'],
      });
      expect(kos({ request: { reason: 'change-of-mind' } }).clauses).not.toContain('C6');
    },
  },
  {
    clause: 'C7',
    name: 'missing or doubtful proof of purchase means no replacement',
    check: () => {
      const missingProof = kos({ purchase: { proof: 'missing' } });
      expect(remedies(missingProof)).toEqual([]);
      expect(missingProof.missing).toContain('purchase.proof');
      expect(remedies(kos({ purchase: { proof: 'suspect' } }))).toEqual([]);
    },
  },
  {
    clause: 'C7',
    name: 'no defect found after testing means no replacement',
    check: () => {
      expect(remedies(kos(inspected([], false)))).toEqual([]);
    },
  },
  {
    clause: 'C7',
    name: 'transit damage is replaced only with the carrier’s proof',
    check: () => {
      const transit = { request: { reason: 'arrived-damaged' as const }, asOf: '2026-06-10' };
      const without = kos(transit);
      expect(remedies(without)).toEqual([]);
      expect(without.missingFacts).toContainEqual({
        field: 'evidence.carrierDamageProof',
        clauses: ['C7'],
      });
      expect(
        remedies(kos({ ...transit, evidence: { videos: 1, carrierDamageProof: true } })),
      ).toEqual(['warranty-replacement']);
    },
  },
  {
    clause: 'C8',
    name: 'accidental damage within two years is a WORRY FREE+ trade-in (worked example 5)',
    check: () => {
      const decision = kos({
        purchase: {
          orderDate: '2025-03-01',
          deliveredDate: '2025-03-09',
          maxEstimatedDeliveryDate: undefined,
        },
        asOf: '2026-05-10',
        request: { reason: 'accidental-damage' },
        ...inspected(['liquid-damage']),
        history: { worryFreeReplacements: 1 },
      });
      expect(remedies(decision)).toEqual(['worry-free-trade-in']);
      const tradeIn = option(decision, 'worry-free-trade-in');
      expect(tradeIn).toMatchObject({
        inboundShippingPaidBy: 'customer',
        outboundShippingPaidBy: 'company',
      });
      expect(tradeIn.clauses).toEqual(expect.arrayContaining(['C8', 'C10', 'C11']));
      expect(decision.warrantyVoid).toBe(true);
    },
  },
  {
    clause: 'C8',
    name: 'WORRY FREE+ ends two years after the order',
    check: () => {
      const accident = {
        request: { reason: 'accidental-damage' as const },
        purchase: { orderDate: '2025-03-01' },
      };
      expect(remedies(kos({ ...accident, asOf: '2027-03-01' }))).toEqual(['worry-free-trade-in']);
      expect(remedies(kos({ ...accident, asOf: '2027-03-02' }))).toEqual([]);
    },
  },
  {
    clause: 'C9',
    name: 'the WORRY FREE+ price difference is quoted between 10 and 30 USD',
    check: () => {
      const tradeIn = option(
        kos({ request: { reason: 'accidental-damage' } }),
        'worry-free-trade-in',
      );
      expect(tradeIn.charges).toEqual([
        {
          kind: 'price-difference',
          clauses: ['C9'],
          amount: null,
          range: { min: { amount: 1000, currency: 'USD' }, max: { amount: 3000, currency: 'USD' } },
          deductedFromRefund: false,
        },
      ]);
    },
  },
  {
    clause: 'C10',
    name: 'after two WORRY FREE+ replacements there is no third',
    check: () => {
      const decision = kos({
        request: { reason: 'accidental-damage' },
        history: { worryFreeReplacements: 2 },
      });
      expect(remedies(decision)).toEqual([]);
      expect(decision.exclusions).toContainEqual({
        reason: 'worry-free-limit-reached',
        clauses: ['C10'],
      });
    },
  },
  {
    clause: 'C11',
    name: 'WORRY FREE+: the customer pays shipping in, the company ships the new unit',
    check: () => {
      const tradeIn = option(
        kos({ request: { reason: 'accidental-damage' } }),
        'worry-free-trade-in',
      );
      expect(tradeIn.clauses).toContain('C11');
      expect(tradeIn.inboundShippingPaidBy).toBe('customer');
      expect(tradeIn.outboundShippingPaidBy).toBe('company');
    },
  },
  {
    clause: 'C12',
    name: 'reply within 24 hours; the customer ships within 7 working days of the reply',
    check: () => {
      // 2026-05-10 is a Sunday: the reply is due Monday 11, the parcel 7 working days later.
      const accident = { request: { reason: 'accidental-damage' as const }, asOf: '2026-05-10' };
      const decision = kos(accident);
      expect(deadline(decision, 'first-response')).toBe('2026-05-11');
      expect(deadline(decision, 'worry-free-ship-by')).toBe('2026-05-20');
      const withHoliday = evaluate(makeClaim(kospetOfficialStoreClaim, accident), undefined, {
        holidays: ['2026-05-14'],
      });
      expect(deadline(withHoliday, 'worry-free-ship-by')).toBe('2026-05-21');
    },
  },
  {
    clause: 'C13',
    name: 'the WORRY FREE+ form needs the customer’s name and email',
    check: () => {
      const decision = kos({
        request: { reason: 'accidental-damage' },
        customer: { name: undefined, email: undefined },
      });
      expect(decision.missingFacts).toEqual(
        expect.arrayContaining([
          { field: 'customer.name', clauses: ['C13'] },
          { field: 'customer.email', clauses: ['C13'] },
        ]),
      );
    },
  },
  {
    clause: 'C14',
    name: 'a customer who ships a device is told to back up, remove the SIM and reset',
    check: () => {
      expect(kos().instructions).toContainEqual({ kind: 'prepare-device', clauses: ['C14'] });
      expect(kos({ purchase: { channel: 'amazon' } }).instructions).toEqual([]);
    },
  },
];

const allCases = [...igpsportCases, ...kospetWarrantyRefundCases, ...kospetOfficialStoreCases];

describe('policy clauses', () => {
  it.each(allCases)('$clause: $name', ({ check }) => check());

  it('ties every clause id of the spec to at least one case', () => {
    const spec = [
      ...Array.from({ length: 11 }, (_, index) => `A${index + 1}`),
      ...Array.from({ length: 21 }, (_, index) => `B${index + 1}`),
      ...Array.from({ length: 14 }, (_, index) => `C${index + 1}`),
    ];
    const tested = new Set(allCases.map((testCase) => testCase.clause));
    expect(spec.filter((id) => !tested.has(id))).toEqual([]);
  });
});
