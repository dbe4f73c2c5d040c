import { describe, expect, it } from 'vitest';
import { purchaseSchema } from '#shared/domain/purchase';
import { makePurchase } from '../factories/domain';
import { expectRefusedField, refusalOf } from './schemaExpectations';

describe('purchaseSchema', () => {
  it('accepts a complete purchase', () => {
    expect(purchaseSchema.safeParse(makePurchase()).success).toBe(true);
  });

  it('accepts a purchase with only a channel and a proof status', () => {
    expect(purchaseSchema.safeParse({ channel: 'ebay', proof: 'missing' }).success).toBe(true);
  });

  it('refuses an impossible calendar date', () => {
    expectRefusedField(purchaseSchema, { ...makePurchase(), orderDate: '2026-02-30' }, 'orderDate');
  });

  it('refuses a delivery before the order', () => {
    const purchase = makePurchase({ orderDate: '2026-04-10', deliveredDate: '2026-04-09' });
    expectRefusedField(purchaseSchema, purchase, 'deliveredDate');
  });

  it('refuses a year outside 2000 to 2100, saying which field and the range', () => {
    const purchase = makePurchase({ invoiceDate: '2206-04-01' });
    expectRefusedField(purchaseSchema, purchase, 'invoiceDate');
    expect(refusalOf(purchaseSchema, purchase).message).toContain(
      'expected a year from 2000 to 2100',
    );
  });

  it('refuses an estimated delivery before the order', () => {
    const purchase = makePurchase({
      orderDate: '2026-04-10',
      deliveredDate: '2026-04-10',
      maxEstimatedDeliveryDate: '2026-04-01',
    });
    expectRefusedField(purchaseSchema, purchase, 'maxEstimatedDeliveryDate');
  });

  it('refuses a shop link that is not a web address', () => {
    const purchase = { ...makePurchase(), shopLink: 'javascript:alert(1)' };
    expectRefusedField(purchaseSchema, purchase, 'shopLink');
  });

  it('refuses a price in fractions of a minor unit', () => {
    const purchase = { ...makePurchase(), price: { amount: 129.99, currency: 'USD' } };
    expectRefusedField(purchaseSchema, purchase, 'price.amount');
  });

  it('refuses a negative price', () => {
    const purchase = { ...makePurchase(), price: { amount: -1, currency: 'USD' } };
    expectRefusedField(purchaseSchema, purchase, 'price.amount');
  });

  it('refuses an unknown sales channel', () => {
    expectRefusedField(purchaseSchema, { ...makePurchase(), channel: 'tokopedia' }, 'channel');
  });
});
