import { describe, expect, it } from 'vitest';
import { customerSchema } from '#shared/domain/customer';
import { makeCustomer } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('customerSchema', () => {
  it('accepts a complete customer', () => {
    expect(customerSchema.safeParse(makeCustomer()).success).toBe(true);
  });

  it('accepts a walk-in customer without email or address', () => {
    const walkIn = makeCustomer({ email: undefined, address: undefined });
    expect(customerSchema.safeParse(walkIn).success).toBe(true);
  });

  it('refuses a malformed email', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), email: 'siti-at-example' }, 'email');
  });

  it('refuses an empty email, which a form must drop instead', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), email: '' }, 'email');
  });

  it('refuses a phone number with letters', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), phone: 'call me' }, 'phone');
  });

  it('refuses a phone number with too few digits', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), phone: '12-34' }, 'phone');
  });

  it('refuses a blank name', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), name: '   ' }, 'name');
  });

  it('refuses a lower-case country code', () => {
    const customer = makeCustomer();
    const address = { lines: ['Jl. Sudirman No. 5'], city: 'Jakarta', countryCode: 'id' };
    expectRefusedField(customerSchema, { ...customer, address }, 'address.countryCode');
  });

  it('refuses an address without street lines', () => {
    const address = { lines: [], city: 'Jakarta', countryCode: 'ID' };
    expectRefusedField(customerSchema, { ...makeCustomer(), address }, 'address.lines');
  });

  it('refuses a language Fixline does not speak', () => {
    expectRefusedField(
      customerSchema,
      { ...makeCustomer(), preferredLanguage: 'fr' },
      'preferredLanguage',
    );
  });
});
