import { describe, expect, it } from 'vitest';
import { deviceSchema, isValidImei, passesLuhnCheck } from '#shared/domain/device';
import { makeDevice } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('isValidImei', () => {
  it.each([
    ['490154203237518', true],
    ['356938035643809', true],
    ['490154203237519', false],
    ['356938035643808', false],
    ['49015420323751', false],
    ['4901542032375180', false],
    ['49015420323751A', false],
    ['490154 20323751', false],
  ])('judges %s valid: %s', (imei, expected) => {
    expect(isValidImei(imei)).toBe(expected);
  });
});

describe('passesLuhnCheck', () => {
  it('accepts a number whose doubled digits exceed 9', () => {
    expect(passesLuhnCheck('59')).toBe(true);
  });

  it('refuses an empty string', () => {
    expect(passesLuhnCheck('')).toBe(false);
  });
});

describe('deviceSchema', () => {
  it('accepts a device with a serial number and an IMEI', () => {
    expect(deviceSchema.safeParse(makeDevice()).success).toBe(true);
  });

  it('accepts a device identified by its serial number alone', () => {
    const device = makeDevice({ imei: undefined });
    expect(deviceSchema.safeParse(device).success).toBe(true);
  });

  it('accepts a device identified by its IMEI alone', () => {
    const device = makeDevice({ serial: undefined });
    expect(deviceSchema.safeParse(device).success).toBe(true);
  });

  it('refuses a device with neither serial number nor IMEI', () => {
    const device = makeDevice({ serial: undefined, imei: undefined });
    expectRefusedField(deviceSchema, device, 'serial');
  });

  it('refuses an IMEI with a wrong check digit', () => {
    expectRefusedField(deviceSchema, { ...makeDevice(), imei: '490154203237519' }, 'imei');
  });

  it('refuses an IMEI of 14 digits', () => {
    expectRefusedField(deviceSchema, { ...makeDevice(), imei: '49015420323751' }, 'imei');
  });

  it('refuses an unknown product category', () => {
    expectRefusedField(deviceSchema, { ...makeDevice(), category: 'phone' }, 'category');
  });
});
