import { describe, expect, it } from 'vitest';
import { sampleCenter, sampleRecords } from '../../electron/documents/sampleDocuments';
import { claimDocumentsFor } from '../../renderer/src/claim/claimDocumentRecords';
import type { StationSettingsRow } from '../../renderer/src/db/records';
import { documentRequestSchema } from '../../shared/documents';
import { evaluateUntrustedClaim, policyClaimFromRecords } from '../../shared/policy';

const station: StationSettingsRow = {
  key: 'station',
  setUpAt: '2026-05-01T00:00:00.000Z',
  stationCode: 'JKT1',
  center: { name: sampleCenter.name, address: sampleCenter.address, phone: sampleCenter.phone },
  currency: 'IDR',
};

function sources() {
  const records = sampleRecords();
  const input = policyClaimFromRecords(records, '2026-05-10');
  if (input === undefined) throw new Error('the sample names a pack Fixline has');
  return { ...records, station, decision: evaluateUntrustedClaim(input) };
}

describe('the documents of a claim, from its stored records', () => {
  it('carries the RMA number, the serial and the remedy into the data main renders', () => {
    const documents = claimDocumentsFor(sources());
    if (!documents.ok) throw new Error(`missing ${documents.missing}`);
    const slip = documents.value['rma-slip'];
    expect(slip.claim.rmaNumber).toBe('RMA-JKT1-000042');
    expect(slip.device.serial).toBe('KT3U-2604-018842');
    expect(slip.claim.remedy).toBe('warranty-replacement');
    expect(slip.decision.options.map((option) => option.remedy)).toContain('warranty-replacement');
    expect(slip.authorizedOn).toBe('2026-05-10');
    expect(slip.center).toMatchObject({ stationCode: 'JKT1', currency: 'IDR' });
    expect(documents.value['device-tag'].device.serial).toBe('KT3U-2604-018842');
    expect(documents.value['return-label']).toMatchObject({
      direction: 'inbound',
      claim: { rmaNumber: 'RMA-JKT1-000042' },
    });
    // What the hook builds is what the IPC contract accepts.
    for (const kind of ['rma-slip', 'return-label', 'device-tag'] as const) {
      const request = documentRequestSchema.safeParse({ kind, data: documents.value[kind] });
      expect(request.error?.issues ?? []).toEqual([]);
    }
  });

  it('says what is missing instead of drawing a slip without the center address', () => {
    const { center } = station;
    expect(
      claimDocumentsFor({ ...sources(), station: { ...station, center: { name: center.name } } }),
    ).toEqual({ ok: false, missing: 'center-address' });
    expect(claimDocumentsFor({ ...sources(), device: undefined })).toEqual({
      ok: false,
      missing: 'device',
    });
  });
});
