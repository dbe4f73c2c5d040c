import './testDatabase';
import { describe, expect, it } from 'vitest';
import {
  printingSettingsSchema,
  stationPrinting,
  stationSetupSchema,
} from '../../renderer/src/db/records';
import { printerFormOf, printingFromForm } from '../../renderer/src/settings/printerForm';
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

  it('keeps the printer of each document, a label printer by the id main gave it', async () => {
    const { repositories } = await openTestDatabase(null);
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expect(await repositories.station.printing()).toEqual({});
    expectOk(
      await repositories.station.savePrinting({
        'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'Letter' },
        'return-label': { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' },
        'device-tag': { type: 'system', printer: 'Zebra_GK420d' },
      }),
    );
    expect(await repositories.station.printing()).toEqual({
      'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'Letter' },
      'return-label': { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' },
      'device-tag': { type: 'system', printer: 'Zebra_GK420d' },
    });
    // Updating the center at setup keeps the printers chosen in Settings.
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expect((await repositories.station.printing())['rma-slip']?.type).toBe('system');
  });

  it('refuses a label printer for a page document, or named by an address instead of its id', () => {
    const paths = (input: unknown) =>
      printingSettingsSchema.safeParse(input).error?.issues.map((issue) => issue.path) ?? [];
    const zebra = { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' };
    expect(paths({ 'rma-slip': zebra })[0]?.[0]).toBe('rma-slip');
    expect(paths({ 'return-label': { type: 'zpl', host: '169.254.169.254', port: 80 } })).toEqual([
      ['return-label', 'printerId'],
    ]);
    expect(paths({ quote: { type: 'system', printer: 'Office', paper: 'A5' } })).toEqual([
      ['quote', 'paper'],
    ]);
  });

  it('reads a label printer saved by its address as not chosen, keeping the other choices', () => {
    const row = {
      key: 'station',
      stationCode: 'JKT1',
      printing: {
        'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' },
        'return-label': { type: 'zpl', host: '192.168.1.50', port: 9100 },
      },
    } as unknown as Parameters<typeof stationPrinting>[0];
    expect(stationPrinting(row)).toEqual({
      'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' },
    });
  });

  it('opens a station saved before printers existed, and refuses printers before setup', async () => {
    const { repositories } = await openTestDatabase(null);
    expect(await repositories.station.savePrinting({})).toMatchObject({
      ok: false,
      error: { code: 'station-not-set-up' },
    });
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expect((await repositories.station.get())?.printing).toBeUndefined();
    expect(await repositories.station.printing()).toEqual({});
  });

  it('turns the Printers form into the setting, or a message beside each bad field', () => {
    const form = printerFormOf({ 'rma-slip': { type: 'system', printer: 'Office_Laser' } });
    expect(form['rma-slip']).toMatchObject({ mode: 'system', paper: 'A4' });
    expect(form['return-label']).toMatchObject({ mode: 'none', labelPrinterId: '' });
    expect(printingFromForm(form)).toEqual({
      ok: true,
      value: { 'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' } },
    });
    expect(
      printingFromForm({
        ...form,
        'return-label': { ...form['return-label'], mode: 'zpl', labelPrinterId: '' },
      }),
    ).toEqual({ ok: false, errors: { 'return-label': { printer: 'printers.errors.printer' } } });
  });
});
