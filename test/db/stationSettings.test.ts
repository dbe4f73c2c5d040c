import './testDatabase';
import { describe, expect, it } from 'vitest';
import {
  printingSettingsSchema,
  stationPrinting,
  stationSetupSchema,
} from '../../renderer/src/db/records';
import { printerFormOf, printingFromForm } from '../../renderer/src/settings/printerForm';
import { hashPin } from '../../renderer/src/station/personPin';
import {
  centerFormOf,
  centerSettingsFromForm,
  initialCenterValues,
  validateCenter,
  type CenterFormValues,
} from '../../renderer/src/setup/centerForm';
import { policyPackFor } from '../../renderer/src/intake/intakeRecords';
import { evaluateUntrustedClaim } from '#shared/policy';
import { kospetOfficialStoreClaim } from '../factories/policyClaims';
import { cheapPinHashCost, expectOk, openTestDatabase } from './testDatabase';

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
    technicians: [
      { id: technicianId, name: 'Dewi', pinHash: await hashPin('4821', cheapPinHashCost) },
    ],
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

  it('records who is at the bench, and only a person of the station', async () => {
    const { repositories } = await openTestDatabase(null);
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expect(
      await repositories.station.setBenchPerson('00000000-0000-7000-8000-0000000000cc'),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'personId' },
    });
    expectOk(await repositories.station.setBenchPerson(technicianId));
    expect((await repositories.station.bench()).person?.name).toBe('Dewi');
  });

  it('refuses to choose who is at the bench before the station is set up', async () => {
    const { repositories } = await openTestDatabase(null);
    expect(await repositories.station.setBenchPerson(technicianId)).toMatchObject({
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

/** The Settings form of a center with an address, phone and email, as a center fills it in. */
function filledCenterForm(): CenterFormValues {
  return {
    ...initialCenterValues('id'),
    centerName: 'Fixline Service Center Jakarta',
    address: {
      lines: 'Jl. Panjang No. 88\nKebon Jeruk',
      city: 'Jakarta Barat',
      region: 'DKI Jakarta',
      postalCode: '11530',
      countryCode: 'id',
    },
    phone: '+62 21 5890 1234',
    email: 'service@fixline.example',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    holidays: ['2026-12-25'],
  };
}

describe('settings changed after first run', () => {
  it('saves the center’s address, phone and email, and keeps what Settings does not edit', async () => {
    const { repositories } = await openTestDatabase(null);
    const setup = await workbenchSetup();
    const before = expectOk(await repositories.station.setUp(setup));
    expectOk(
      await repositories.station.savePrinting({
        'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' },
      }),
    );
    expectOk(await repositories.station.saveView('Overdue', { overdue: true }));

    expectOk(await repositories.station.updateSettings(centerSettingsFromForm(filledCenterForm())));

    const after = await repositories.station.get();
    expect(after?.center).toEqual({
      name: 'Fixline Service Center Jakarta',
      address: {
        lines: ['Jl. Panjang No. 88', 'Kebon Jeruk'],
        city: 'Jakarta Barat',
        region: 'DKI Jakarta',
        postalCode: '11530',
        countryCode: 'ID',
      },
      phone: '+62 21 5890 1234',
      email: 'service@fixline.example',
    });
    expect(after).toMatchObject({
      stationCode: 'JKT1',
      technicians: setup.technicians,
      setUpAt: before.setUpAt,
      printing: { 'rma-slip': { printer: 'Office_Laser' } },
      savedViews: [{ name: 'Overdue' }],
    });
  });

  it('refuses a bad phone number naming the field, and keeps what was saved', async () => {
    const { repositories } = await openTestDatabase(null);
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    expectOk(await repositories.station.updateSettings(centerSettingsFromForm(filledCenterForm())));
    const saved = await repositories.station.get();

    const changes = centerSettingsFromForm({
      ...filledCenterForm(),
      phone: 'call us',
      currency: 'USD',
    });
    expect(await repositories.station.updateSettings(changes)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'center.phone' },
    });
    expect(await repositories.station.get()).toEqual(saved);
  });

  it('refuses settings before the station is set up', async () => {
    const { repositories } = await openTestDatabase(null);
    expect(
      await repositories.station.updateSettings(centerSettingsFromForm(filledCenterForm())),
    ).toMatchObject({ ok: false, error: { code: 'station-not-set-up' } });
  });

  it('shows the saved settings in the form and saves them back unchanged', async () => {
    const { repositories } = await openTestDatabase(null);
    expectOk(await repositories.station.setUp(await workbenchSetup()));
    const form = filledCenterForm();
    const saved = expectOk(
      await repositories.station.updateSettings(
        centerSettingsFromForm({
          ...form,
          separateReturnAddress: true,
          returnAddress: { ...form.address, lines: 'Gudang 3, Jl. Daan Mogot KM 12' },
        }),
      ),
    );
    const shown = centerFormOf(saved);
    expect(shown).toMatchObject({ phone: '+62 21 5890 1234', separateReturnAddress: true });
    expect(validateCenter(shown)).toEqual({});
    const {
      key: _key,
      setUpAt: _setUpAt,
      stationCode: _code,
      technicians: _people,
      ...settings
    } = saved;
    expect(centerSettingsFromForm(shown)).toEqual(settings);
  });

  it('lets the address and phone wait, but refuses half an address with a message per field', () => {
    const empty = { ...initialCenterValues('en'), centerName: 'Fixline', currency: 'IDR' };
    expect(validateCenter(empty)).toEqual({});
    expect(centerSettingsFromForm(empty).center).toEqual({ name: 'Fixline' });

    expect(
      validateCenter({
        ...empty,
        address: { ...empty.address, lines: 'Jl. Panjang No. 88', countryCode: 'Indonesia' },
        phone: '12',
        email: 'service@',
        separateReturnAddress: true,
      }),
    ).toEqual({
      'address.city': 'centerForm.errors.city',
      'address.countryCode': 'centerForm.errors.countryCode',
      'returnAddress.lines': 'centerForm.errors.addressLines',
      'returnAddress.city': 'centerForm.errors.city',
      'returnAddress.countryCode': 'centerForm.errors.countryCode',
      phone: 'centerForm.errors.phone',
      email: 'centerForm.errors.email',
    });
  });

  it('refuses a rule without a brand, and a channel given two packs of one brand', () => {
    const values = initialCenterValues('en');
    const [igpsport, official, marketplaces] = values.policyAssignments;
    if (igpsport === undefined || official === undefined || marketplaces === undefined) {
      throw new Error('the form starts with three rules');
    }
    expect(
      validateCenter({
        ...values,
        centerName: 'Fixline',
        currency: 'IDR',
        policyAssignments: [
          igpsport,
          { ...official, channels: ['official-store', 'ebay'] },
          marketplaces,
          { brand: ' ', packId: 'igpsport', channels: ['other'] },
        ],
      }),
    ).toEqual({
      'policyAssignments.2.channels': 'setup.errors.channelTwice',
      'policyAssignments.3.brand': 'centerForm.errors.brand',
    });
  });

  it('reaches C1 (refer to the seller) for a KOSPET bought on eBay once eBay moves to the official store’s pack', () => {
    const values = initialCenterValues('en');
    const byDefault = centerSettingsFromForm(values).policyAssignments ?? [];
    expect(policyPackFor(byDefault, 'KOSPET', 'ebay')).toBe('kospet-warranty-refund');

    // In the rules table: eBay leaves the marketplaces' rule and joins the official store's.
    const moved: CenterFormValues = {
      ...values,
      centerName: 'Fixline',
      currency: 'IDR',
      policyAssignments: values.policyAssignments.map((rule) =>
        rule.packId === 'kospet-official-store'
          ? { ...rule, channels: [...rule.channels, 'ebay'] }
          : rule.brand === 'KOSPET'
            ? { ...rule, channels: rule.channels.filter((channel) => channel !== 'ebay') }
            : rule,
      ),
    };
    expect(validateCenter(moved)).toEqual({});
    const assignments = centerSettingsFromForm(moved).policyAssignments ?? [];
    const packId = policyPackFor(assignments, 'kospet', 'ebay');
    expect(packId).toBe('kospet-official-store');

    const decision = evaluateUntrustedClaim({
      ...kospetOfficialStoreClaim,
      policy: packId,
      purchase: { ...kospetOfficialStoreClaim.purchase, channel: 'ebay' },
    });
    if (!decision.ok) throw new Error(decision.error);
    expect(decision.value.options).toEqual([
      expect.objectContaining({ remedy: 'refer-to-seller', clauses: ['C1'] }),
    ]);
  });
});
