import { igpsportClauses } from '../clauses/igpsportClauses';
import type { PolicyPackInput } from '../pack';

/** iGPSPORT's warranty (seed 000): one year from the invoice, six months for straps and mounts. */
export const igpsportPack = {
  id: 'igpsport',
  version: '1.0.0',
  effectiveFrom: '2026-01-01',
  title: 'iGPSPORT warranty',
  brand: 'iGPSPORT',
  source: '000_228445564391712c.txt',
  clauses: igpsportClauses,
  warranty: {
    startsFrom: 'invoiceDate',
    months: 12,
    monthsByCategory: { 'hr-strap': 6, 'bike-mount': 6 },
    remedies: ['warranty-repair', 'warranty-replacement'],
    clauses: { period: ['A1'], start: ['A2'], category: ['A3'], remedy: ['A5'] },
    // A4 charges shipping only outside the scope, so inside it the maker carries both legs.
    shipping: { inbound: 'company', outbound: 'company', clauses: ['A4', 'A5'] },
    requires: [
      { field: 'product.serial', clauses: ['A6'] },
      { field: 'purchase.invoiceDate', clauses: ['A6'] },
      { field: 'request.description', clauses: ['A6'] },
      { field: 'request.symptom', clauses: ['A7'] },
      { field: 'evidence.symptomMedia', clauses: ['A7'] },
      { field: 'purchase.shopLink', clauses: ['A8'] },
      { field: 'purchase.orderNumber', clauses: ['A8'] },
    ],
  },
  exclusions: {
    voiding: [
      'firmware-flashed',
      'rooted',
      'body-opened',
      'parts-modified',
      'unintended-use',
      'continued-use-after-fault',
      'physical-damage',
      'liquid-damage',
    ],
    voidClauses: ['A1', 'A4'],
    notCovered: ['wear-and-tear'],
    notCoveredClauses: ['A1', 'A4'],
    accidentalDamageClauses: ['A1', 'A4'],
    noDefectFoundClauses: ['A5'],
  },
  paidService: {
    repairClauses: ['A4'],
    batteryKit: {
      material: { amount: 1100, currency: 'USD' },
      shipping: { amount: 1500, currency: 'USD' },
      clauses: ['A10', 'A11'],
    },
  },
  firstResponse: { withinHours: 24, clauses: ['A9'] },
  instructions: [{ kind: 'battery-send-in-recommended', clauses: ['A10'] }],
  remedies: ['warranty-repair', 'warranty-replacement', 'paid-repair', 'spare-parts-sale'],
} as const satisfies PolicyPackInput;
