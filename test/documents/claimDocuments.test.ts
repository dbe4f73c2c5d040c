import { describe, expect, it } from 'vitest';
import { sampleCenter, sampleRecords } from '../../electron/documents/sampleDocuments';
import { measureText } from '../../electron/documents/fonts';
import { authorizedOnFrom, claimDocumentsFor } from '../../renderer/src/core/claimDocumentRecords';
import type { StationSettingsRow } from '../../renderer/src/db/records';
import { documentRequestSchema, layoutDocument, type RmaSlipData } from '#shared/documents';
import type { AuditEvent } from '#shared/domain/audit';
import { evaluateUntrustedClaim, policyClaimFromRecords } from '#shared/policy';

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

const claimId = '01900000-0000-7000-8000-000000000042';

/** An audit event of the claim: a status transition, or another change. */
function claimEvent(at: string, changes: AuditEvent['changes'], action: AuditEvent['action']) {
  return {
    id: `01900000-0000-7000-8000-${String(Date.parse(at)).padStart(12, '0').slice(-12)}`,
    entity: 'claims',
    entityId: claimId,
    action,
    changes,
    actor: '01900000-0000-7000-8000-0000000000aa',
    station: 'JKT1',
    at,
  } satisfies AuditEvent;
}

const transition = (at: string, from: string, to: string) =>
  claimEvent(at, { status: { from, to } }, 'transition');

/** Every line of text the slip's layout draws. */
function slipText(slip: RmaSlipData): string {
  const layout = layoutDocument('rma-slip', slip, { measureText, language: 'en' });
  if (!layout.ok) throw new Error(layout.error.message);
  return layout.value.pages
    .flatMap((page) => page.operations)
    .flatMap((operation) => (operation.kind === 'text' ? operation.lines : []))
    .join(' ');
}

describe('the day a claim was authorized, from its audit trail', () => {
  it('is the day of the transition to authorized, in the center’s time zone', () => {
    const events = [
      claimEvent('2026-05-09T03:00:00.000Z', { notes: { from: 'a', to: 'b' } }, 'update'),
      transition('2026-05-09T04:00:00.000Z', 'received', 'inspecting'),
      // 20:30 UTC on the 11th is 03:30 on the 12th in Jakarta (UTC+7).
      transition('2026-05-11T20:30:00.000Z', 'inspecting', 'authorized'),
    ];
    expect(authorizedOnFrom(events, 'Asia/Jakarta')).toBe('2026-05-12');
    expect(authorizedOnFrom(events, 'UTC')).toBe('2026-05-11');
  });

  it('is the later day when the claim was authorized again', () => {
    const events = [
      transition('2026-05-20T02:00:00.000Z', 'on-hold', 'authorized'),
      transition('2026-05-12T02:00:00.000Z', 'inspecting', 'authorized'),
      transition('2026-05-14T02:00:00.000Z', 'authorized', 'on-hold'),
    ];
    expect(authorizedOnFrom(events, 'Asia/Jakarta')).toBe('2026-05-20');
  });

  it('is absent while the claim was never authorized', () => {
    const events = [transition('2026-05-09T04:00:00.000Z', 'received', 'inspecting')];
    expect(authorizedOnFrom(events, 'Asia/Jakarta')).toBeUndefined();
    expect(authorizedOnFrom([], 'Asia/Jakarta')).toBeUndefined();
  });
});

describe('the documents of a claim, from its stored records', () => {
  it('prints the authorized day and the ship-by day it sets', () => {
    const documents = claimDocumentsFor(sources(), '2026-05-12');
    if (!documents.ok) throw new Error(`missing ${documents.missing}`);
    const slip = documents.value['rma-slip'];
    // The policy's own shipping deadline comes before the 14 days of validity end.
    expect(slip).toMatchObject({ authorizedOn: '2026-05-12', shipBy: '2026-05-20' });
    const text = slipText(slip);
    expect(text).toContain('Authorized 12 May 2026');
    expect(text).toContain('Ship by 20 May 2026');
  });

  it('says "not yet authorized" and "do not ship yet" instead of inventing a day', () => {
    const documents = claimDocumentsFor(sources(), undefined);
    if (!documents.ok) throw new Error(`missing ${documents.missing}`);
    const slip = documents.value['rma-slip'];
    expect(slip.authorizedOn).toBeUndefined();
    expect(slip.shipBy).toBeUndefined();
    const text = slipText(slip);
    expect(text).toContain('Your return is not authorized yet.');
    expect(text).toContain('Not yet authorized');
    expect(text).toContain('Do not ship yet');
    expect(text).not.toMatch(/Authorized \d|Ship by \d/);
    expect(documentRequestSchema.safeParse({ kind: 'rma-slip', data: slip }).success).toBe(true);
  });

  it('carries the RMA number, the serial and the remedy into the data main renders', () => {
    const documents = claimDocumentsFor(sources(), '2026-05-10');
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
      claimDocumentsFor(
        { ...sources(), station: { ...station, center: { name: center.name } } },
        '2026-05-10',
      ),
    ).toEqual({ ok: false, missing: 'center-address' });
    expect(claimDocumentsFor({ ...sources(), device: undefined }, '2026-05-10')).toEqual({
      ok: false,
      missing: 'device',
    });
  });
});
