import '../db/testDatabase';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../renderer/src/db/repositories';
import { loadReportRecords } from '../../renderer/src/core/reportRecords';
import { computeReports } from '#shared/reports';
import { makePurchase } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  openTestDatabase,
} from '../db/testDatabase';
import { jakarta } from './reportStation';

/** A station of three claims written through the repositories, each on a day the test sets. */
async function stationOfThreeClaims() {
  const { db } = await openTestDatabase();
  let clockMs = 0;
  const repositories = createRepositories(db, { now: () => clockMs });
  const at = (iso: string) => {
    clockMs = Date.parse(iso);
  };
  const open = async (openedAt: string, policyPackId: string, serial: string) => {
    at(openedAt);
    const { customerId, deviceId } = await createCustomerAndDevice(repositories, { serial });
    return expectOk(
      await repositories.claims.create(
        {
          policyPackId,
          customerId,
          deviceId,
          purchase: makePurchase(),
          reason: 'defect',
          symptom: 'malfunction',
          defect: { what: 'The screen stays black' },
          customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: true },
        },
        asTechnician,
      ),
    ).id;
  };

  // May, KOSPET: answered, authorized, received and inspected with a liquid-damage finding.
  const may = await open('2026-05-04T02:15:00.000Z', 'kospet-warranty-refund', 'KT3-0001');
  for (const [to, when] of [
    ['awaiting-authorization', '2026-05-04T03:00:00.000Z'],
    ['authorized', '2026-05-04T04:00:00.000Z'],
    ['received', '2026-05-06T04:00:00.000Z'],
  ] as const) {
    at(when);
    expectOk(await repositories.claims.transition(may, to, asTechnician));
  }
  const inspection = expectOk(
    await repositories.inspections.create(
      {
        claimId: may,
        faultConfirmed: true,
        doaVerdict: 'not-doa',
        noDefectFound: false,
        inspectedAt: '2026-05-06T05:00:00.000Z',
        inspectedBy: asTechnician.actor,
      },
      asTechnician,
    ),
  );
  expectOk(
    await repositories.misuseFindings.create(
      { inspectionId: inspection.id, kind: 'liquid-damage', evidenceIds: [] },
      asTechnician,
    ),
  );
  // June, iGPSPORT, untouched since.
  const june = await open('2026-06-10T02:00:00.000Z', 'igpsport', 'IGS-0002');
  // Opened and then deleted: a tombstone the reports never count.
  const deleted = await open('2026-05-20T02:00:00.000Z', 'igpsport', 'IGS-0003');
  expectOk(await repositories.claims.remove(deleted, asTechnician));
  return { db, may, june };
}

describe('reading the records of the reports', () => {
  it('reads every live claim with its device, customer, inspection, findings and status changes', async () => {
    const { db, may, june } = await stationOfThreeClaims();
    const records = await loadReportRecords(db, {});
    expect(records.claims.map((claim) => claim.id).sort()).toEqual([may, june].sort());
    expect(records.devices).toHaveLength(2);
    expect(records.customers).toHaveLength(2);
    expect(records.inspections.map((row) => row.claimId)).toEqual([may]);
    expect(records.misuseFindings.map((row) => row.kind)).toEqual(['liquid-damage']);
    expect(
      records.statusChanges
        .map((change) => [change.claimId, change.to, change.at])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [may, 'awaiting-authorization', '2026-05-04T03:00:00.000Z'],
      [may, 'authorized', '2026-05-04T04:00:00.000Z'],
      [may, 'received', '2026-05-06T04:00:00.000Z'],
    ]);

    const reports = computeReports(records, {}, jakarta);
    expect(reports.claims).toBe(2);
    expect(reports.voidReasons).toEqual([{ kind: 'liquid-damage', claims: 1 }]);
    db.close();
  });

  it('reads only the claims the date range and pack may cover, by index', async () => {
    const { db, may, june } = await stationOfThreeClaims();
    const juneOnly = await loadReportRecords(db, { openedFrom: '2026-06-01' });
    expect(juneOnly.claims.map((claim) => claim.id)).toEqual([june]);
    expect(juneOnly.inspections).toEqual([]);
    expect(juneOnly.statusChanges).toEqual([]);

    const mayOnly = await loadReportRecords(db, {
      openedFrom: '2026-05-01',
      openedTo: '2026-05-31',
    });
    expect(mayOnly.claims.map((claim) => claim.id)).toEqual([may]);

    const igpsport = await loadReportRecords(db, {
      openedFrom: '2026-05-01',
      openedTo: '2026-06-30',
      policyPackId: 'igpsport',
    });
    expect(igpsport.claims.map((claim) => claim.id)).toEqual([june]);
    const kospet = await loadReportRecords(db, { policyPackId: 'kospet-warranty-refund' });
    expect(kospet.claims.map((claim) => claim.id)).toEqual([may]);
    db.close();
  });
});
