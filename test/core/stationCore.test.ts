import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StationCore } from '../../renderer/src/core';
import { createStationCore, StationCoreProvider, useStationCore } from '../../renderer/src/core';
import { storeAttachment } from '../../renderer/src/db/attachments';
import type { Repositories } from '../../renderer/src/db/repositories';
import {
  makeClaimDraft,
  makeEvidence,
  makeInspection,
  makeMisuseFinding,
} from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  openTestDatabase,
  steppingClock,
} from '../db/testDatabase';

/** A claim whose device the warehouse has received, so it can be inspected. */
async function openReceivedClaim(repositories: Repositories) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const draft = makeClaimDraft({ customerId, deviceId });
  const claim = expectOk(await repositories.claims.create(draft, asTechnician));
  // Inspections need the device in hand (B14).
  for (const step of ['awaiting-authorization', 'authorized', 'received'] as const) {
    expectOk(await repositories.claims.transition(claim.id, step, asTechnician));
  }
  return claim;
}

/** A core over a fresh database, with one stored receipt file evidence can point at. */
async function openCore() {
  const { db } = await openTestDatabase();
  const receipt = new Blob(['%PDF-1.4 receipt'], { type: 'application/pdf' });
  const { attachment } = expectOk(await storeAttachment(db, receipt));
  const stored = {
    kind: 'receipt',
    sha256: attachment.sha256,
    sizeBytes: attachment.sizeBytes,
    mediaType: attachment.mediaType,
  } as const;
  return { core: createStationCore(db, { now: steppingClock() }), stored };
}

describe('the station core', () => {
  it('loads a claim with its customer, device, live evidence oldest first, and latest inspection', async () => {
    const { core, stored } = await openCore();
    const { commands } = core;
    const claim = await openReceivedClaim(commands);
    const { id: _later, ...later } = makeEvidence({
      claimId: claim.id,
      ...stored,
      capturedAt: '2026-05-04T03:00:00.000Z',
    });
    const { id: _earlier, ...earlier } = makeEvidence({
      claimId: claim.id,
      ...stored,
      capturedAt: '2026-05-04T02:00:00.000Z',
    });
    const laterEvidence = expectOk(await commands.evidence.create(later, asTechnician));
    const earlierEvidence = expectOk(await commands.evidence.create(earlier, asTechnician));
    const { id: _first, ...first } = makeInspection({
      claimId: claim.id,
      inspectedAt: '2026-05-10T07:30:00.000Z',
    });
    const { id: _latest, ...latest } = makeInspection({
      claimId: claim.id,
      inspectedAt: '2026-05-11T07:30:00.000Z',
    });
    expectOk(await commands.inspections.create(first, asTechnician));
    const latestInspection = expectOk(await commands.inspections.create(latest, asTechnician));
    const { id: _finding, ...finding } = makeMisuseFinding({
      inspectionId: latestInspection.id,
      evidenceIds: [laterEvidence.id],
    });
    const storedFinding = expectOk(await commands.misuseFindings.create(finding, asTechnician));

    const details = await core.queries.claimDetails(claim.id);

    expect(details?.claim.id).toBe(claim.id);
    expect(details?.customer?.name).toBe('Siti Rahmawati');
    expect(details?.device?.model).toBe('KOSPET Tank T3');
    expect(details?.evidence.map((row) => row.id)).toEqual([earlierEvidence.id, laterEvidence.id]);
    expect(details?.inspection?.id).toBe(latestInspection.id);
    expect(details?.misuseFindings.map((row) => row.id)).toEqual([storedFinding.id]);
  });

  it('leaves out evidence and findings that were deleted', async () => {
    const { core, stored } = await openCore();
    const { commands } = core;
    const claim = await openReceivedClaim(commands);
    const { id: _evidence, ...evidence } = makeEvidence({ claimId: claim.id, ...stored });
    const storedEvidence = expectOk(await commands.evidence.create(evidence, asTechnician));
    const { id: _inspection, ...inspection } = makeInspection({ claimId: claim.id });
    const storedInspection = expectOk(await commands.inspections.create(inspection, asTechnician));
    const { id: _finding, ...finding } = makeMisuseFinding({ inspectionId: storedInspection.id });
    const storedFinding = expectOk(await commands.misuseFindings.create(finding, asTechnician));

    expectOk(await commands.evidence.remove(storedEvidence.id, asTechnician));
    expectOk(await commands.misuseFindings.remove(storedFinding.id, asTechnician));
    const details = await core.queries.claimDetails(claim.id);

    expect(details?.evidence).toEqual([]);
    expect(details?.misuseFindings).toEqual([]);
  });

  it('finds no details for a claim that does not exist', async () => {
    const { core } = await openCore();

    expect(await core.queries.claimDetails('00000000-0000-7000-8000-00000000dead')).toBeUndefined();
  });

  it('reads the station through the commands a screen is handed by the provider', async () => {
    const { core } = await openCore();
    let handed: StationCore | undefined;
    function Screen() {
      handed = useStationCore();
      return null;
    }

    renderToString(createElement(StationCoreProvider, { core, children: createElement(Screen) }));
    const station = await handed?.queries.station();

    expect(handed).toBe(core);
    expect(station?.stationCode).toBe('JKT1');
  });

  it('tells a screen rendered without a provider what it is missing', () => {
    function Screen() {
      useStationCore();
      return null;
    }

    expect(() => renderToString(createElement(Screen))).toThrow(/StationCoreProvider/);
  });
});
