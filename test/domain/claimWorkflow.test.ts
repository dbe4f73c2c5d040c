import { describe, expect, it } from 'vitest';
import type { ClaimStatus, ClaimWorkflowContext } from '#shared/domain/claimWorkflow';
import {
  allowedTransitions,
  claimStatusSchema,
  claimWorkflowContext,
  countEvidence,
  remedyNeedsApprovedQuote,
  transitionClaim,
} from '#shared/domain/claimWorkflow';
import type { Remedy } from '#shared/domain/vocabulary';
import {
  makeClaim,
  makeEvidence,
  makeInspection,
  makeQuote,
  makeWorkflowContext,
} from '../factories/domain';

const doaAwaitingAuthorization = (
  evidence: ClaimWorkflowContext['evidence'],
): ClaimWorkflowContext =>
  makeWorkflowContext({ status: 'awaiting-authorization', reason: 'arrived-damaged', evidence });

const inspectedWith = (overrides: Partial<ClaimWorkflowContext>): ClaimWorkflowContext =>
  makeWorkflowContext({ status: 'inspected', inspectionRecorded: true, ...overrides });

describe('allowedTransitions', () => {
  it.each<[ClaimStatus, ClaimStatus[]]>([
    ['intake', ['awaiting-authorization', 'resolved', 'refused', 'cancelled']],
    ['awaiting-authorization', ['authorized', 'intake', 'refused', 'cancelled']],
    ['authorized', ['received', 'cancelled']],
    ['received', ['inspected', 'refused']],
    ['inspected', ['quoted', 'resolved', 'refused']],
    ['quoted', ['resolved', 'refused']],
    ['resolved', ['closed']],
    ['refused', ['closed']],
    ['closed', []],
    ['cancelled', []],
  ])('lets a claim in "%s" move to %j', (status, expected) => {
    expect(allowedTransitions(status)).toEqual(expected);
  });

  it('covers every status', () => {
    for (const status of claimStatusSchema.options) {
      expect(Array.isArray(allowedTransitions(status))).toBe(true);
    }
  });
});

describe('transitionClaim', () => {
  it('walks a warranty repair from intake to closed', () => {
    const steps: [Partial<ClaimWorkflowContext>, ClaimStatus][] = [
      [{ status: 'intake' }, 'awaiting-authorization'],
      [{ status: 'awaiting-authorization' }, 'authorized'],
      [{ status: 'authorized' }, 'received'],
      [{ status: 'received', inspectionRecorded: true }, 'inspected'],
      [{ status: 'inspected', inspectionRecorded: true, remedy: 'warranty-repair' }, 'resolved'],
      [{ status: 'resolved', inspectionRecorded: true, remedy: 'warranty-repair' }, 'closed'],
    ];
    for (const [context, to] of steps) {
      expect(transitionClaim(makeWorkflowContext(context), to)).toEqual({ ok: true, value: to });
    }
  });

  it('refuses to move a claim to the status it already has', () => {
    const result = transitionClaim(makeWorkflowContext({ status: 'received' }), 'received');
    expect(result.ok ? undefined : result.error.code).toBe('already-in-status');
  });

  it('refuses an illegal jump and names the allowed next statuses', () => {
    const result = transitionClaim(makeWorkflowContext({ status: 'intake' }), 'inspected');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'illegal-transition',
        message:
          'A claim cannot go from "intake" to "inspected". From "intake" it can go to "awaiting-authorization", "resolved", "refused", "cancelled".',
        clauses: [],
        allowed: ['awaiting-authorization', 'resolved', 'refused', 'cancelled'],
      },
    });
  });

  it('refuses any move out of a closed claim and says it is final', () => {
    const result = transitionClaim(makeWorkflowContext({ status: 'closed' }), 'intake');
    expect(result.ok ? '' : result.error.message).toContain('nowhere: it is final');
  });

  it('refuses to cancel a claim whose device is already at the center', () => {
    const result = transitionClaim(makeWorkflowContext({ status: 'received' }), 'cancelled');
    expect(result.ok ? undefined : result.error.allowed).toEqual(['inspected', 'refused']);
  });

  it('refuses to receive a device whose return is not authorized (B14)', () => {
    const context = makeWorkflowContext({ status: 'awaiting-authorization' });
    expect(transitionClaim(context, 'received')).toEqual({
      ok: false,
      error: {
        code: 'not-authorized',
        message:
          'This return has no RMA authorization yet: authorize it before receiving the device (B14).',
        clauses: ['B14'],
        allowed: ['authorized', 'intake', 'refused', 'cancelled'],
      },
    });
  });

  it('refuses to receive a device for a claim still at intake (B14)', () => {
    const result = transitionClaim(makeWorkflowContext({ status: 'intake' }), 'received');
    expect(result.ok ? undefined : result.error.clauses).toEqual(['B14']);
  });

  it('refuses to authorize a DOA return without a packaging photo (B3)', () => {
    const context = doaAwaitingAuthorization({ productPhotos: 2, packagingPhotos: 0, videos: 0 });
    expect(transitionClaim(context, 'authorized')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'doa-evidence-missing',
        message: 'Add a photo of the shipping packaging before authorizing a DOA return (B3).',
        clauses: ['B3'],
      }),
    });
  });

  it('refuses to authorize a DOA return without a photo or video of the product (B3)', () => {
    const context = doaAwaitingAuthorization({ productPhotos: 0, packagingPhotos: 1, videos: 0 });
    const result = transitionClaim(context, 'authorized');
    expect(result.ok ? '' : result.error.message).toBe(
      'Add a photo or video of the defective product before authorizing a DOA return (B3).',
    );
  });

  it('asks for both product and packaging evidence when a DOA return has none (B3)', () => {
    const context = doaAwaitingAuthorization({ productPhotos: 0, packagingPhotos: 0, videos: 0 });
    const result = transitionClaim(context, 'authorized');
    expect(result.ok ? '' : result.error.message).toBe(
      'Add a photo or video of the defective product and a photo of the shipping packaging before authorizing a DOA return (B3).',
    );
  });

  it('accepts a video of the product in place of a product photo for a DOA return (B3)', () => {
    const context = doaAwaitingAuthorization({ productPhotos: 0, packagingPhotos: 1, videos: 1 });
    expect(transitionClaim(context, 'authorized')).toEqual({ ok: true, value: 'authorized' });
  });

  it('authorizes a DOA return with a product photo and a packaging photo (B3)', () => {
    const context = doaAwaitingAuthorization({ productPhotos: 1, packagingPhotos: 1, videos: 0 });
    expect(transitionClaim(context, 'authorized')).toEqual({ ok: true, value: 'authorized' });
  });

  it.each(['doa-replacement', 'doa-refund'] as const)(
    'refuses to authorize a %s chosen for a defect claim without a packaging photo (B3)',
    (remedy) => {
      const context = makeWorkflowContext({
        status: 'awaiting-authorization',
        reason: 'defect',
        remedy,
        evidence: { productPhotos: 1, packagingPhotos: 0, videos: 0 },
      });
      const result = transitionClaim(context, 'authorized');
      expect(result.ok ? undefined : result.error).toMatchObject({
        code: 'doa-evidence-missing',
        clauses: ['B3'],
      });
    },
  );

  it('authorizes a DOA remedy for a defect claim once product and packaging are shown (B3)', () => {
    const context = makeWorkflowContext({
      status: 'awaiting-authorization',
      reason: 'defect',
      remedy: 'doa-refund',
      evidence: { productPhotos: 0, packagingPhotos: 1, videos: 1 },
    });
    expect(transitionClaim(context, 'authorized')).toEqual({ ok: true, value: 'authorized' });
  });

  it('authorizes a defect claim without photos, since B3 is only for DOA returns', () => {
    const context = makeWorkflowContext({ status: 'awaiting-authorization', reason: 'defect' });
    expect(transitionClaim(context, 'authorized')).toEqual({ ok: true, value: 'authorized' });
  });

  it('refuses to mark a claim inspected before the inspection is recorded (B15)', () => {
    const context = makeWorkflowContext({ status: 'received', inspectionRecorded: false });
    const result = transitionClaim(context, 'inspected');
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'inspection-missing',
      clauses: ['B15'],
    });
  });

  it('refuses to resolve a received claim before inspection (B15)', () => {
    const context = makeWorkflowContext({ status: 'received', remedy: 'warranty-repair' });
    const result = transitionClaim(context, 'resolved');
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'inspection-missing',
      message: 'Inspect the device and record the inspection before choosing a remedy (B15).',
      clauses: ['B15'],
    });
  });

  it('refuses to resolve a claim whose inspection is not recorded, whatever its status says (B15)', () => {
    const context = inspectedWith({ inspectionRecorded: false, remedy: 'warranty-repair' });
    const result = transitionClaim(context, 'resolved');
    expect(result.ok ? undefined : result.error.clauses).toEqual(['B15']);
  });

  it('refuses to resolve a claim at intake with a remedy other than a referral (B15)', () => {
    const context = makeWorkflowContext({ status: 'intake', remedy: 'warranty-replacement' });
    const result = transitionClaim(context, 'resolved');
    expect(result.ok ? undefined : result.error.code).toBe('inspection-missing');
  });

  it('resolves a claim at intake by referring the customer to the seller (C1)', () => {
    const context = makeWorkflowContext({ status: 'intake', remedy: 'refer-to-seller' });
    expect(transitionClaim(context, 'resolved')).toEqual({ ok: true, value: 'resolved' });
  });

  it('refuses to resolve an inspected claim before a remedy is chosen', () => {
    const result = transitionClaim(inspectedWith({ remedy: undefined }), 'resolved');
    expect(result.ok ? undefined : result.error.code).toBe('remedy-missing');
  });

  it('resolves a free warranty repair without a quote', () => {
    const context = inspectedWith({ remedy: 'warranty-repair' });
    expect(transitionClaim(context, 'resolved')).toEqual({ ok: true, value: 'resolved' });
  });

  it('refuses to resolve a paid repair without a quote', () => {
    const result = transitionClaim(inspectedWith({ remedy: 'paid-repair' }), 'resolved');
    expect(result.ok ? undefined : result.error.code).toBe('quote-not-approved');
  });

  it('refuses to resolve a paid repair whose latest quote is sent but not yet approved', () => {
    const context = inspectedWith({
      status: 'quoted',
      remedy: 'paid-repair',
      latestQuoteStatus: 'sent',
    });
    const result = transitionClaim(context, 'resolved');
    expect(result.ok ? '' : result.error.message).toBe(
      'The remedy "paid-repair" is paid by the customer: get the latest quote approved before resolving the claim.',
    );
  });

  it('resolves a paid repair once the latest quote is approved', () => {
    const context = inspectedWith({
      status: 'quoted',
      remedy: 'paid-repair',
      latestQuoteStatus: 'approved',
    });
    expect(transitionClaim(context, 'resolved')).toEqual({ ok: true, value: 'resolved' });
  });

  it('refuses to mark a claim quoted while its latest quote is still a draft', () => {
    const result = transitionClaim(inspectedWith({ latestQuoteStatus: 'draft' }), 'quoted');
    expect(result.ok ? undefined : result.error.code).toBe('quote-not-sent');
  });

  it('refuses to mark a claim quoted when it has no quote at all', () => {
    const result = transitionClaim(inspectedWith({ latestQuoteStatus: undefined }), 'quoted');
    expect(result.ok ? '' : result.error.message).toBe(
      'Make a quote and send it to the customer before marking the claim quoted.',
    );
  });

  it('refuses to mark a claim quoted when the customer has already answered', () => {
    const result = transitionClaim(inspectedWith({ latestQuoteStatus: 'approved' }), 'quoted');
    expect(result.ok ? '' : result.error.message).toBe(
      'The customer has already approved the latest quote: resolve or refuse the claim instead of marking it quoted.',
    );
  });

  it('marks a claim quoted once its latest quote is sent', () => {
    const context = inspectedWith({ latestQuoteStatus: 'sent' });
    expect(transitionClaim(context, 'quoted')).toEqual({ ok: true, value: 'quoted' });
  });

  it('refuses a claim when the customer declines the quote', () => {
    const context = inspectedWith({ status: 'quoted', latestQuoteStatus: 'declined' });
    expect(transitionClaim(context, 'refused')).toEqual({ ok: true, value: 'refused' });
  });

  it('closes a refused claim once the device has gone back', () => {
    const context = makeWorkflowContext({ status: 'refused' });
    expect(transitionClaim(context, 'closed')).toEqual({ ok: true, value: 'closed' });
  });

  it('sends a request awaiting authorization back to intake for more information', () => {
    const context = makeWorkflowContext({ status: 'awaiting-authorization' });
    expect(transitionClaim(context, 'intake')).toEqual({ ok: true, value: 'intake' });
  });
});

describe('remedyNeedsApprovedQuote', () => {
  it.each<[Remedy, boolean]>([
    ['paid-repair', true],
    ['spare-parts-sale', true],
    ['worry-free-trade-in', true],
    ['depreciated-return', true],
    ['refer-to-seller', false],
    ['doa-replacement', false],
    ['doa-refund', false],
    ['unconditional-refund', false],
    ['quality-return-refund', false],
    ['warranty-repair', false],
    ['warranty-replacement', false],
  ])('says whether "%s" needs an approved quote: %s', (remedy, expected) => {
    expect(remedyNeedsApprovedQuote(remedy)).toBe(expected);
  });
});

describe('countEvidence', () => {
  it('counts product photos, packaging photos and videos, ignoring receipts', () => {
    const evidence = [
      makeEvidence({ kind: 'product-photo' }),
      makeEvidence({ kind: 'product-photo' }),
      makeEvidence({ kind: 'packaging-photo' }),
      makeEvidence({ kind: 'video', mediaType: 'video/mp4' }),
      makeEvidence({ kind: 'receipt' }),
    ];
    expect(countEvidence(evidence)).toEqual({ productPhotos: 2, packagingPhotos: 1, videos: 1 });
  });
});

describe('claimWorkflowContext', () => {
  it('takes the quote status from the highest revision', () => {
    const context = claimWorkflowContext(makeClaim(), {
      evidence: [],
      inspections: [],
      quotes: [
        makeQuote({ revision: 2, status: 'draft' }),
        makeQuote({
          revision: 1,
          status: 'approved',
          sentAt: '2026-05-11T01:00:00Z',
          answeredAt: '2026-05-12T01:00:00Z',
        }),
      ],
    });
    expect(context.latestQuoteStatus).toBe('draft');
  });

  it('records that an inspection exists when the claim has one', () => {
    const context = claimWorkflowContext(makeClaim(), {
      evidence: [],
      inspections: [makeInspection()],
      quotes: [],
    });
    expect(context.inspectionRecorded).toBe(true);
  });

  it('carries the claim status, reason and chosen remedy', () => {
    const claim = makeClaim({
      status: 'inspected',
      reason: 'arrived-damaged',
      remedy: 'doa-refund',
    });
    const context = claimWorkflowContext(claim, { evidence: [], inspections: [], quotes: [] });
    expect(context).toMatchObject({
      status: 'inspected',
      reason: 'arrived-damaged',
      remedy: 'doa-refund',
      inspectionRecorded: false,
      latestQuoteStatus: undefined,
    });
  });
});
