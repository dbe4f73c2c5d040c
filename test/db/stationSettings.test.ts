import './testDatabase';
import { describe, expect, it } from 'vitest';
import { stationSetupSchema } from '../../renderer/src/db/records';
import { isTechnicianPin, pinCredentials } from '../../renderer/src/station/technicianPin';
import { expectOk, openTestDatabase } from './testDatabase';

const technicianId = '00000000-0000-7000-8000-0000000000bb';

async function workbenchSetup() {
  return {
    stationCode: 'JKT1',
    center: { name: 'Fixline Service Center Jakarta' },
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    workingDays: [1, 2, 3, 4, 5],
    holidays: ['2026-12-25'],
    language: 'id' as const,
    policyAssignments: [
      {
        brand: 'KOSPET',
        channels: ['official-store' as const],
        packId: 'kospet-official-store' as const,
      },
    ],
    technicians: [{ id: technicianId, name: 'Dewi', ...(await pinCredentials('4821')) }],
  };
}

describe('station settings', () => {
  it('keeps the workbench settings chosen at first run', async () => {
    const { repositories } = await openTestDatabase(null);
    const setup = await workbenchSetup();
    expectOk(await repositories.station.setUp(setup));
    expect(await repositories.station.get()).toMatchObject(setup);
  });

  it('refuses a time zone that is not an IANA name, naming the field', () => {
    const parsed = stationSetupSchema.safeParse({
      stationCode: 'JKT1',
      center: { name: 'Fixline' },
      timeZone: 'Jakarta Time',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['timeZone']);
  });

  it('stores a PIN only as a salted hash that checks the right PIN and no other', async () => {
    const credentials = await pinCredentials('4821');
    const technician = { id: technicianId, name: 'Dewi', ...credentials };
    expect(JSON.stringify(technician)).not.toContain('4821');
    expect(await isTechnicianPin(technician, '4821')).toBe(true);
    expect(await isTechnicianPin(technician, '4822')).toBe(false);
    expect((await pinCredentials('4821')).pinHash).not.toBe(credentials.pinHash);
  });

  it('records who is at the bench, and only a technician of the station', async () => {
    const { repositories } = await openTestDatabase(null);
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expect(
      await repositories.station.setBenchTechnician('00000000-0000-7000-8000-0000000000cc'),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'technicianId' },
    });
    expectOk(await repositories.station.setBenchTechnician(technicianId));
    expect((await repositories.station.benchTechnician())?.name).toBe('Dewi');
  });

  it('refuses to choose who is at the bench before the station is set up', async () => {
    const { repositories } = await openTestDatabase(null);
    expect(await repositories.station.setBenchTechnician(technicianId)).toMatchObject({
      ok: false,
      error: { code: 'station-not-set-up' },
    });
  });
});
