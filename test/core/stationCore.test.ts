import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { liveQuery } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ClaimScreenRecords, QueueWindow, StationCore } from '../../renderer/src/core';
import { createStationCore, StationCoreProvider, useStationCore } from '../../renderer/src/core';
import { storeAttachment } from '../../renderer/src/db/attachments';
import { idsPerTurn } from '../../renderer/src/db/bulkGetInTurns';
import { applyPulledPage } from '../../renderer/src/db/sync/remoteApply';
import { runGuardedWrite } from '../../renderer/src/db/writeGuard';
import type { Repositories } from '../../renderer/src/db/repositories';
import { supersededChange } from '#shared/domain/claimTimeline';
import {
  makeAuditEvent,
  makeClaimDraft,
  makeConflictRecord,
  makeEvidence,
  makeInspection,
  makeMisuseFinding,
  makeShipmentLeg,
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
  return { core: createStationCore(db, { now: steppingClock() }), db, stored };
}

/** A piece of evidence of the stored file, an inspection and one misuse finding of it. */
async function addEvidenceAndInspection(
  commands: Repositories,
  claimId: string,
  stored: Awaited<ReturnType<typeof openCore>>['stored'],
) {
  const { id: _evidence, ...evidence } = makeEvidence({ claimId, ...stored });
  const storedEvidence = expectOk(await commands.evidence.create(evidence, asTechnician));
  const { id: _inspection, ...inspection } = makeInspection({ claimId });
  const storedInspection = expectOk(await commands.inspections.create(inspection, asTechnician));
  const { id: _finding, ...finding } = makeMisuseFinding({ inspectionId: storedInspection.id });
  const storedFinding = expectOk(await commands.misuseFindings.create(finding, asTechnician));
  return { storedEvidence, storedInspection, storedFinding };
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
    const { storedEvidence, storedFinding } = await addEvidenceAndInspection(
      commands,
      claim.id,
      stored,
    );

    expectOk(await commands.evidence.remove(storedEvidence.id, asTechnician));
    expectOk(await commands.misuseFindings.remove(storedFinding.id, asTechnician));
    const details = await core.queries.claimDetails(claim.id);

    expect(details?.evidence).toEqual([]);
    expect(details?.misuseFindings).toEqual([]);
  });

  it('reads the claim’s edits the sync server superseded with its timeline, and no other claim’s', async () => {
    const { db } = await openTestDatabase();
    const core = createStationCore(db, { now: steppingClock() });
    const { customerId, deviceId } = await createCustomerAndDevice(core.commands);
    const claim = expectOk(
      await core.commands.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
    );
    const lost = makeConflictRecord({ rowId: claim.id, claimId: claim.id, field: 'remedy' });
    const elsewhere = makeConflictRecord();
    // As the pull stores them: the one way conflict records reach a station.
    await applyPulledPage(db, {
      rows: [lost, elsewhere].map((conflict, index) => ({
        table: 'conflicts',
        id: conflict.id,
        version: index + 1,
        values: conflict,
        stamps: { id: conflict.winnerStamp },
        updatedBy: asTechnician.actor,
        station: 'SERVER',
      })),
      lastMutationId: 0,
    });

    const audit = await core.queries.claimAudit(claim.id);
    expect(audit.superseded).toEqual([supersededChange(lost)]);
    expect(audit.events.length).toBeGreaterThan(0);
  });

  it('reads what the claim screen shows in one read, as the separate queries read it', async () => {
    const { core, stored } = await openCore();
    const { commands, queries } = core;
    const claim = await openReceivedClaim(commands);
    const { id: _evidence, ...evidence } = makeEvidence({ claimId: claim.id, ...stored });
    expectOk(await commands.evidence.create(evidence, asTechnician));
    const { id: _inspection, ...inspection } = makeInspection({ claimId: claim.id });
    const storedInspection = expectOk(await commands.inspections.create(inspection, asTechnician));
    const { id: _finding, ...finding } = makeMisuseFinding({ inspectionId: storedInspection.id });
    expectOk(await commands.misuseFindings.create(finding, asTechnician));
    const note = { claimId: claim.id, body: 'Customer called.', author: asTechnician.actor };
    expectOk(
      await commands.notes.create({ ...note, at: '2026-05-04T03:00:00.000Z' }, asTechnician),
    );

    const screen = await queries.claimScreen(claim.id);

    expect(screen?.records).toEqual(await queries.claimDetails(claim.id));
    expect(screen?.evidence).toEqual(await queries.claimEvidence(claim.id));
    expect(screen?.notes).toEqual(await queries.claimNotes(claim.id));
    expect(screen?.inspection).toEqual(await queries.claimInspection(claim.id));
    expect(screen?.audit).toEqual(await queries.claimAudit(claim.id));
    // The claim's opening, its three moves, and one event for each record under it.
    expect(screen?.audit.events).toHaveLength(8);
  });

  it('reads each record’s audit events as one read of the `[entity+entityId]` index would, in its order', async () => {
    const { core, db, stored } = await openCore();
    const { commands, queries } = core;
    const claim = await openReceivedClaim(commands);
    const { storedEvidence, storedInspection, storedFinding } = await addEvidenceAndInspection(
      commands,
      claim.id,
      stored,
    );
    const notes = [];
    for (const at of ['2026-05-04T03:00:00.000Z', '2026-05-04T04:00:00.000Z']) {
      const note = { claimId: claim.id, body: `Called at ${at}.`, author: asTechnician.actor, at };
      notes.push(expectOk(await commands.notes.create(note, asTechnician)));
    }
    const { id: _leg, ...leg } = makeShipmentLeg({ claimId: claim.id });
    const storedLeg = expectOk(await commands.shipmentLegs.create(leg, asTechnician));
    // Another claim's trail, which must not be read.
    await openReceivedClaim(commands);

    const audit = await queries.claimAudit(claim.id);

    const keys: [string, string][] = [
      ['claims', claim.id],
      ['evidence', storedEvidence.id],
      ['inspections', storedInspection.id],
      ['misuseFindings', storedFinding.id],
      ...notes.map((note): [string, string] => ['notes', note.id]),
      ['shipmentLegs', storedLeg.id],
    ];
    const oneRead = await db.auditEvents.where('[entity+entityId]').anyOf(keys).toArray();
    expect(audit.events).toEqual(oneRead);
    // The claim's opening and three moves, and one event for each of the six records under it.
    expect(audit.events).toHaveLength(10);
  });

  it('reads the claim screen again when an event of a record under the claim is all that changed', async () => {
    const { core, db } = await openCore();
    const { commands, queries } = core;
    const claim = await openReceivedClaim(commands);
    const note = expectOk(
      await commands.notes.create(
        {
          claimId: claim.id,
          body: 'Customer called.',
          author: asTechnician.actor,
          at: '2026-05-04T03:00:00.000Z',
        },
        asTechnician,
      ),
    );
    const screens: (ClaimScreenRecords | undefined)[] = [];
    const subscription = liveQuery(() => queries.claimScreen(claim.id)).subscribe((screen) =>
      screens.push(screen),
    );
    onTestFinished(() => subscription.unsubscribe());
    await expect.poll(() => screens.length).toBe(1);
    const [template] = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['claims', claim.id])
      .toArray();
    if (template === undefined) throw new Error('the claim has no audit events');
    // Only the note's audit trail changes (as a pulled event of it would arrive), not the note.
    const event = { ...template, id: makeAuditEvent().id, entity: 'notes', entityId: note.id };
    await runGuardedWrite(db, ['auditEvents'], () => db.auditEvents.add(event));

    await expect
      .poll(() => screens.at(-1)?.audit.events.map((read) => read.id))
      .toContain(event.id);
  });

  it('reads the queue window again when a customer read in its last turn is renamed', async () => {
    const { core } = await openCore();
    const { commands, queries } = core;
    const claims = [];
    for (let index = 0; index < 3 * idsPerTurn + 1; index += 1) {
      const { customerId, deviceId } = await createCustomerAndDevice(commands, {
        serial: `KT3-2026-${String(index).padStart(6, '0')}`,
      });
      claims.push(
        expectOk(
          await commands.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
        ),
      );
    }
    const last = claims.at(-1);
    if (last === undefined) throw new Error('no claim was made');
    const nowIso = '2026-05-04T03:00:00.000Z';
    const windows: QueueWindow[] = [];
    // Async, as the screens' queriers are: Dexie keeps a live query's zone across their awaits.
    const subscription = liveQuery(async () =>
      queries.queueWindow({}, nowIso, { from: 'position', start: 0, size: 50 }),
    ).subscribe((window) => windows.push(window));
    onTestFinished(() => subscription.unsubscribe());
    await expect.poll(() => windows.at(-1)?.rows.length).toBe(claims.length);
    const nameOfLast = () => windows.at(-1)?.rows.find((row) => row.id === last.id)?.customerName;
    expect(nameOfLast()).toBe('Siti Rahmawati');

    expectOk(
      await commands.customers.update(last.customerId, { name: 'Siti R. Putri' }, asTechnician),
    );

    await expect.poll(nameOfLast).toBe('Siti R. Putri');
  });

  it.each([
    ['claim screen', (queries: StationCore['queries'], id: string) => queries.claimScreen(id)],
    ['claim details', (queries: StationCore['queries'], id: string) => queries.claimDetails(id)],
  ] as const)(
    'reads the %s as of one moment: a write landing during the read shows whole or not at all',
    async (_, readClaim) => {
      const { core, db } = await openCore();
      const claim = await openReceivedClaim(core.commands);
      const customer = await db.customers.get(claim.customerId);
      if (customer === undefined) throw new Error('the claim has no customer');

      // Asked before the write starts; the customer is read only once the claim is in.
      const reading = readClaim(core.queries, claim.id);
      const writing = runGuardedWrite(db, ['claims', 'customers'], async () => {
        await db.claims.update(claim.id, { stepsTried: 'Reset twice.' });
        await db.customers.update(customer.id, { name: 'Renamed in the same write' });
      });
      const [read] = await Promise.all([reading, writing]);
      const records = read !== undefined && 'records' in read ? read.records : read;

      expect(records?.claim.stepsTried).toBe(claim.stepsTried);
      expect(records?.customer?.name).toBe(customer.name);
      // The write did land, after the read.
      expect((await db.customers.get(customer.id))?.name).toBe('Renamed in the same write');
    },
  );

  it('shows no claim screen for a claim that does not exist or was deleted', async () => {
    const { core } = await openCore();
    const claim = await openReceivedClaim(core.commands);
    expectOk(await core.commands.claims.remove(claim.id, asTechnician));

    expect(await core.queries.claimScreen(claim.id)).toBeUndefined();
    expect(await core.queries.claimScreen('00000000-0000-7000-8000-00000000dead')).toBeUndefined();
  });

  it('finds no details for a claim that does not exist', async () => {
    const { core } = await openCore();

    expect(await core.queries.claimDetails('00000000-0000-7000-8000-00000000dead')).toBeUndefined();
  });

  it('knows a device by the serial typed in lower case, with its live claims counted', async () => {
    const { core } = await openCore();
    const claim = await openReceivedClaim(core.commands);

    const known = await core.queries.knownDevice('kt3-2026-000173', '');

    expect(known?.device.id).toBe(claim.deviceId);
    expect(known?.claimCount).toBe(1);
    expect(await core.queries.knownDevice('KT3-UNKNOWN', '')).toBeUndefined();
  });

  it("lists a claim's live shipment legs in the order recorded, each with its receipt", async () => {
    const { core, stored } = await openCore();
    const { commands } = core;
    const claim = await openReceivedClaim(commands);
    const { id: _receipt, ...receipt } = makeEvidence({ claimId: claim.id, ...stored });
    const receiptEvidence = expectOk(await commands.evidence.create(receipt, asTechnician));
    const { id: _first, ...first } = makeShipmentLeg({
      claimId: claim.id,
      receiptEvidenceId: receiptEvidence.id,
    });
    const { id: _gone, ...gone } = makeShipmentLeg({ claimId: claim.id, carrier: 'SiCepat' });
    const { id: _back, ...back } = makeShipmentLeg({ claimId: claim.id, direction: 'outbound' });
    const firstLeg = expectOk(await commands.shipmentLegs.create(first, asTechnician));
    const goneLeg = expectOk(await commands.shipmentLegs.create(gone, asTechnician));
    const backLeg = expectOk(await commands.shipmentLegs.create(back, asTechnician));
    expectOk(await commands.shipmentLegs.remove(goneLeg.id, asTechnician));

    const legs = await core.queries.shipmentLegs(claim.id);

    expect(legs.map(({ leg }) => leg.id)).toEqual([firstLeg.id, backLeg.id]);
    expect(legs.map(({ receipt }) => receipt?.id)).toEqual([receiptEvidence.id, undefined]);
  });

  it('finds a live claim by its RMA number and reads back the bytes the core stored', async () => {
    const { core } = await openCore();
    const claim = await openReceivedClaim(core.commands);
    const photo = new Blob(['not really a jpeg'], { type: 'image/jpeg' });
    const { attachment } = expectOk(await core.attachments.store(photo));

    const found = await core.queries.claimsByRmaNumber(claim.rmaNumber);
    const bytes = await core.queries.attachmentBytes(attachment.sha256);

    expect(found.map((row) => row.id)).toEqual([claim.id]);
    expect(await bytes?.text()).toBe('not really a jpeg');
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
