import { describe, expect, it } from 'vitest';
import {
  documentKinds,
  documentText,
  layoutDocument,
  pageSizes,
  type DocumentDataByKind,
  type DocumentKind,
  type DocumentLayout,
  type LayoutOptions,
} from '#shared/documents';
import { money } from '#shared/domain/primitives';
import { measureText } from '../../electron/documents/fonts';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { makeQuoteLine } from '../factories/domain';
import {
  deadOnArrivalSlip,
  documentsFor,
  longAddress,
  longName,
  longNameDocuments,
} from './documentFixtures';
import {
  expectInsidePage,
  expectLinesFit,
  expectNoOverlaps,
  layoutText,
  textOperationsSaying,
} from './layoutChecks';

function layout<Kind extends DocumentKind>(
  kind: Kind,
  data: DocumentDataByKind[Kind],
  options: Partial<LayoutOptions> = {},
): DocumentLayout {
  const result = layoutDocument(kind, data, { measureText, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal<Kind extends DocumentKind>(kind: Kind, data: DocumentDataByKind[Kind]): string {
  const result = layoutDocument(kind, data, { measureText });
  if (result.ok) throw new Error(`expected the ${kind} to be refused`);
  return result.error.message;
}

function expectWellFormed(result: DocumentLayout): void {
  expectInsidePage(result);
  expectLinesFit(result, measureText);
  expectNoOverlaps(result);
}

const cases = documentKinds.flatMap((kind) =>
  (['en', 'id'] as const).flatMap((language) =>
    (['A4', 'Letter'] as const).map((paper) => ({ kind, language, paper })),
  ),
);

describe('document layouts', () => {
  it.each(cases)(
    'keeps every operation of the $kind ($language, $paper) on the page, within its box, without overlaps',
    ({ kind, language, paper }) => {
      const samples = documentsFor({ preferredLanguage: language });
      expectWellFormed(layout(kind, samples[kind], { paper }));
    },
  );

  it('uses the page size of each kind: the paper chosen for office documents, fixed stock for labels and tags', () => {
    const samples = sampleDocuments();
    expect(layout('rma-slip', samples['rma-slip'], { paper: 'Letter' }).size).toEqual(
      pageSizes.Letter,
    );
    expect(layout('quote', samples.quote).size).toEqual(pageSizes.A4);
    expect(layout('return-label', samples['return-label'], { paper: 'Letter' }).size).toMatchObject(
      {
        width: 288,
        height: 432,
      },
    );
    expect(layout('device-tag', samples['device-tag']).size).toMatchObject({
      width: 162,
      height: 90,
    });
  });

  it.each(documentKinds)(
    'keeps a very long customer name and address whole and on the page in the %s',
    (kind) => {
      const result = layout(kind, longNameDocuments()[kind]);
      expectWellFormed(result);
      const text = layoutText(result).replace(/\s+/g, ' ');
      if (kind !== 'device-tag') {
        const names = textOperationsSaying(result, longName);
        expect(names.length).toBeGreaterThan(0);
        expect(names.every((operation) => !operation.truncated)).toBe(true);
      }
      if (kind === 'rma-slip' || kind === 'packing-slip' || kind === 'return-label') {
        for (const line of longAddress.lines) expect(text).toContain(line);
      }
    },
  );

  it('shrinks a long name on the return label instead of letting it run off', () => {
    const label = layout('return-label', longNameDocuments()['return-label']);
    const [name] = textOperationsSaying(label, longName);
    expect(name?.fontSize).toBeLessThan(15);
    expect(name?.lines.length).toBeLessThanOrEqual(2);
  });

  it('cuts a name too long for any size with an ellipsis, and still keeps the label whole', () => {
    const endless = Array.from({ length: 120 }, (_, index) => `Nama${index}`).join(' ');
    const label = layout('return-label', documentsFor({ name: endless })['return-label']);
    expectWellFormed(label);
    const name = label.pages[0]?.operations.find(
      (operation) => operation.kind === 'text' && operation.lines[0]?.startsWith('Nama0'),
    );
    expect(name).toMatchObject({ kind: 'text', truncated: true });
    expect(name?.kind === 'text' && name.lines.at(-1)?.endsWith('…')).toBe(true);
  });

  it('flows a slip with more than a page of content onto a second page that repeats the RMA number', () => {
    const slip = deadOnArrivalSlip();
    const wordy = Object.fromEntries(
      Object.entries(slip.decision.clauseTexts).map(([clause, words]) => [
        clause,
        {
          ...words,
          rule: { en: `${words.rule.en} `.repeat(6), id: `${words.rule.id} `.repeat(6) },
        },
      ]),
    );
    const result = layout('rma-slip', {
      ...slip,
      decision: { ...slip.decision, clauseTexts: wordy },
    });
    expectWellFormed(result);
    expect(result.pages.length).toBeGreaterThan(1);
    const secondPage = result.pages[1]?.operations ?? [];
    const rmaOnTop = secondPage.some(
      (operation) =>
        operation.kind === 'text' &&
        operation.y < 60 &&
        operation.lines.includes(slip.claim.rmaNumber),
    );
    expect(rmaOnTop).toBe(true);
  });

  it('flows a clause longer than a page over the pages instead of off the bottom', () => {
    const slip = deadOnArrivalSlip();
    const endless = Object.fromEntries(
      Object.entries(slip.decision.clauseTexts).map(([clause, words]) => [
        clause,
        { ...words, rule: { en: `${words.rule.en} `.repeat(60), id: words.rule.id } },
      ]),
    );
    const result = layout('rma-slip', {
      ...slip,
      decision: { ...slip.decision, clauseTexts: endless },
    });
    expectWellFormed(result);
    expect(result.pages.length).toBeGreaterThan(3);
  });

  it('lists every option the policy allows, with its charges, when no remedy is chosen yet', () => {
    const slip = deadOnArrivalSlip();
    const text = layoutText(layout('rma-slip', slip)).replace(/\s+/g, ' ');
    expect(text).toContain(documentText.en.optionsTitle);
    for (const option of slip.decision.options)
      expect(text).toContain(documentText.en.remedies[option.remedy]);
    expect(text).toContain(
      'Customs deduction, amount set case by case, taken off the refund (B18)',
    );
    expect(text).toContain(documentText.en.instructions['inspect-before-remedy']);
  });

  it('adds the return-receipt stub only when the center pays the shipping to it', () => {
    const slip = deadOnArrivalSlip();
    const reimbursed = layout('rma-slip', {
      ...slip,
      claim: { ...slip.claim, remedy: 'doa-replacement' },
    });
    const customerPays = layout('rma-slip', {
      ...slip,
      claim: { ...slip.claim, remedy: 'warranty-repair' },
    });
    expect(layoutText(reimbursed)).toContain(documentText.en.stubTitle);
    expect(layoutText(customerPays)).not.toContain(documentText.en.stubTitle);
    const codes = (result: DocumentLayout): number =>
      result.pages
        .flatMap((page) => page.operations)
        .filter((operation) => operation.kind === 'code128').length;
    expect(codes(reimbursed)).toBe(2);
    expect(codes(customerPays)).toBe(1);
  });

  it('refuses a slip whose chosen remedy the policy no longer allows', () => {
    const slip = deadOnArrivalSlip();
    expect(
      refusal('rma-slip', { ...slip, claim: { ...slip.claim, remedy: 'paid-repair' } }),
    ).toContain('"paid-repair" is no longer among the options');
  });

  it("prints the clauses' words in the customer's language", () => {
    const samples = sampleDocuments();
    const clause = samples['rma-slip'].decision.clauseTexts.C3;
    if (clause === undefined) throw new Error('the sample decision cites C3');
    const indonesian = layoutText(layout('rma-slip', samples['rma-slip'])).replace(/\s+/g, ' ');
    const english = layoutText(layout('rma-slip', samples['rma-slip'], { language: 'en' })).replace(
      /\s+/g,
      ' ',
    );
    expect(indonesian).toContain(clause.rule.id);
    expect(english).toContain(clause.rule.en);
  });

  it("adds up the quote in the station's currency and names the clauses behind its lines", () => {
    const quote = sampleDocuments().quote;
    const indonesian = layoutText(layout('quote', quote));
    expect(indonesian).toContain('Rp 177.000');
    expect(indonesian).toContain('-Rp 38.000');
    expect(indonesian).toContain(documentText.id.totalToPay);
    expect(indonesian).toContain(quote.clauseTexts.C4?.rule.id.split(' ')[0]);
    const english = layoutText(layout('quote', quote, { language: 'en' }));
    expect(english).toContain('IDR 177,000');
    expect(english).toContain('Valid until 24 May 2026');
  });

  it('says the customer receives the total when the refunds outweigh the charges', () => {
    const quote = sampleDocuments().quote;
    const refundOnly = [
      makeQuoteLine({
        quoteId: quote.quote.id,
        kind: 'refund',
        unitPrice: money(1_899_000, 'IDR'),
        clauseIds: ['C2'],
      }),
    ];
    const text = layoutText(layout('quote', { ...quote, lines: refundOnly }, { language: 'en' }));
    expect(text).toContain(documentText.en.totalToReceive);
    expect(text).toContain('IDR 1,899,000');
  });

  it("refuses a quote in another currency than the station's", () => {
    const quote = sampleDocuments().quote;
    expect(refusal('quote', { ...quote, quote: { ...quote.quote, currency: 'USD' } })).toContain(
      'this station quotes in IDR',
    );
  });

  it('prints no price on the packing slip', () => {
    const text = layoutText(layout('packing-slip', sampleDocuments()['packing-slip']));
    expect(text).not.toMatch(/Rp|IDR|USD|US\$|\$|€/);
    expect(text).not.toMatch(/\d{1,3}([.,]\d{3})+/);
  });

  it('refuses to pack or label a parcel back to a customer without an address', () => {
    const samples = documentsFor({ address: undefined });
    expect(refusal('packing-slip', samples['packing-slip'])).toContain('has no address on file');
    expect(
      refusal('return-label', { ...samples['return-label'], direction: 'outbound' }),
    ).toContain('has no address on file');
    expectWellFormed(layout('return-label', samples['return-label']));
  });

  it('addresses an outbound label from the center to the customer', () => {
    const samples = sampleDocuments();
    const label = layout('return-label', { ...samples['return-label'], direction: 'outbound' });
    const text = layoutText(label);
    expect(text.indexOf(samples['return-label'].center.name)).toBeLessThan(text.indexOf('KEPADA'));
    expect(text.indexOf('KEPADA')).toBeLessThan(
      text.indexOf(samples['return-label'].customer.name),
    );
  });
});
