import { describe, expect, it } from 'vitest';
import { transitionClaim, type ClaimStatus } from '#shared/domain/claimWorkflow';
import {
  deviceIdentifier,
  receivingChecks,
  receivingStanding,
  scannedDeviceMatches,
} from '#shared/domain/receivingCheck';
import { makeWorkflowContext } from '../factories/domain';

const device = { serial: 'KT3-2026-00042' };

describe('receivingStanding', () => {
  it.each<[ClaimStatus, string]>([
    ['intake', 'not-authorized'],
    ['awaiting-authorization', 'not-authorized'],
    ['authorized', 'expected'],
    ['received', 'already-received'],
    ['inspected', 'already-received'],
    ['quoted', 'already-received'],
    ['resolved', 'already-received'],
    ['refused', 'ended'],
    ['cancelled', 'ended'],
    ['closed', 'ended'],
  ])('judges a claim in status %s as %s', (status, kind) => {
    expect(receivingStanding(status).kind).toBe(kind);
  });

  it('expects a parcel exactly where the workflow lets a claim be received', () => {
    const statuses: ClaimStatus[] = [
      'intake',
      'awaiting-authorization',
      'authorized',
      'received',
      'inspected',
      'quoted',
      'resolved',
      'closed',
      'refused',
      'cancelled',
    ];
    for (const status of statuses) {
      const workflowAllows = transitionClaim(makeWorkflowContext({ status }), 'received').ok;
      expect([status, receivingStanding(status).kind === 'expected']).toEqual([
        status,
        workflowAllows,
      ]);
    }
  });
});

describe('scannedDeviceMatches', () => {
  it('matches the serial whatever the letter case, spaces or dashes of the scan', () => {
    expect(scannedDeviceMatches(device, 'KT3-2026-00042')).toBe(true);
    expect(scannedDeviceMatches(device, ' kt3 2026 00042 ')).toBe(true);
    expect(scannedDeviceMatches(device, 'KT3202600042')).toBe(true);
  });

  it('refuses another serial, a prefix of it, and an empty scan', () => {
    expect(scannedDeviceMatches(device, 'KT3-2026-00043')).toBe(false);
    expect(scannedDeviceMatches(device, 'KT3-2026')).toBe(false);
    expect(scannedDeviceMatches(device, '   ')).toBe(false);
  });

  it('matches a cellular device by its IMEI as well as its serial', () => {
    const watch = { serial: 'KT3-LTE-7', imei: '490154203237518' };
    expect(scannedDeviceMatches(watch, '490154203237518')).toBe(true);
    expect(scannedDeviceMatches(watch, 'kt3-lte-7')).toBe(true);
  });

  it('matches nothing for a device recorded without a serial or an IMEI', () => {
    expect(scannedDeviceMatches({}, 'KT3-2026-00042')).toBe(false);
  });
});

describe('receivingChecks', () => {
  const expected = {
    status: 'authorized' as const,
    device,
    scannedSerial: 'KT3-2026-00042',
    contentConfirmed: true,
  };

  it('lets a parcel be received only when all three B14 checks pass', () => {
    expect(receivingChecks(expected)).toEqual({
      authorized: 'pass',
      rightItem: 'pass',
      notEmpty: 'pass',
      canReceive: true,
    });
  });

  it('refuses a parcel of a claim that was not authorized, whatever else is right', () => {
    const checks = receivingChecks({ ...expected, status: 'awaiting-authorization' });
    expect(checks.authorized).toBe('fail');
    expect(checks.canReceive).toBe(false);
  });

  it('keeps the serial and content checks pending until the clerk has done them', () => {
    const checks = receivingChecks({
      ...expected,
      scannedSerial: undefined,
      contentConfirmed: undefined,
    });
    expect([checks.rightItem, checks.notEmpty, checks.canReceive]).toEqual([
      'pending',
      'pending',
      false,
    ]);
  });

  it('fails the right-item check on another serial, and on a claim without a device record', () => {
    expect(receivingChecks({ ...expected, scannedSerial: 'SN-OTHER-1' }).rightItem).toBe('fail');
    expect(receivingChecks({ ...expected, device: undefined }).rightItem).toBe('fail');
  });

  it('fails the not-empty check for an empty parcel', () => {
    const checks = receivingChecks({ ...expected, contentConfirmed: false });
    expect([checks.notEmpty, checks.canReceive]).toEqual(['fail', false]);
  });

  it('refuses a second parcel for a claim already received, though the serial matches', () => {
    const checks = receivingChecks({ ...expected, status: 'received' });
    expect([checks.authorized, checks.rightItem, checks.canReceive]).toEqual([
      'fail',
      'pass',
      false,
    ]);
  });

  it('refuses a parcel for a cancelled claim', () => {
    expect(receivingChecks({ ...expected, status: 'cancelled' }).canReceive).toBe(false);
  });

  it('passes the right-item check on the IMEI of a cellular device', () => {
    const checks = receivingChecks({
      ...expected,
      device: { serial: 'KT3-LTE-7', imei: '490154203237518' },
      scannedSerial: '490154203237518',
    });
    expect([checks.rightItem, checks.canReceive]).toEqual(['pass', true]);
  });
});

describe('deviceIdentifier', () => {
  it('shows the serial when the device has one, even beside an IMEI', () => {
    expect(deviceIdentifier({ serial: 'KT3-LTE-7', imei: '490154203237518' })).toBe('KT3-LTE-7');
  });

  it('falls back to the IMEI, then to nothing', () => {
    expect(deviceIdentifier({ imei: '490154203237518' })).toBe('490154203237518');
    expect(deviceIdentifier({})).toBe('');
  });
});
