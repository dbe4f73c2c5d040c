import { describe, expect, it } from 'vitest';
import { checkOutboundForm, outboundStanding } from '../../renderer/src/warehouse/outboundCheck';

describe('outboundStanding', () => {
  it('ships a resolved claim back', () => {
    expect(outboundStanding('resolved', true)).toEqual({ kind: 'ships' });
  });

  it('ships a refused claim back only when its device reached the center', () => {
    expect(outboundStanding('refused', true)).toEqual({ kind: 'ships' });
    expect(outboundStanding('refused', false)).toEqual({ kind: 'refused-not-held' });
  });

  it('ships nothing for a claim still on the bench or already closed', () => {
    for (const status of ['received', 'inspected', 'quoted', 'authorized', 'closed'] as const) {
      expect(outboundStanding(status, true)).toEqual({ kind: 'not-shippable', status });
    }
  });
});

describe('checkOutboundForm', () => {
  it('needs the carrier and the tracking number, spaces alone counting as nothing', () => {
    expect(checkOutboundForm({ carrier: ' ', trackingNumber: '' })).toEqual({
      carrier: 'missing',
      trackingNumber: 'missing',
    });
    expect(checkOutboundForm({ carrier: 'JNE', trackingNumber: '  ' })).toEqual({
      trackingNumber: 'missing',
    });
  });

  it('accepts a carrier and a tracking number', () => {
    expect(checkOutboundForm({ carrier: 'JNE', trackingNumber: 'JNE0012345678' })).toEqual({});
  });
});
