/**
 * Page scripts for the Reports screen's end-to-end tests. They write through the repositories with
 * a clock the script sets, so each claim opens, moves and is inspected on a known day.
 */

/**
 * A small station with known figures (Jakarta time). October 2026:
 * 1. KOSPET Tank T3 (KOSPET official store), opened 5 Oct, inspected DOA, resolved after 4 days, closed.
 * 2. KOSPET Tank T3, opened 6 Oct, inspected: no defect found, resolved after 6 days.
 * 3. KOSPET Tank T3, opened 7 Oct, inspected: not DOA, liquid damage (voids the warranty); stays inspected.
 * 4. iGPSPORT iGS630 (iGPSPORT), opened 8 Oct, inspected DOA, resolved after 2 days.
 * November 2026:
 * 5. KOSPET Tank T3, opened 2 Nov, never answered (still in intake).
 * 6. iGPSPORT iGS630, opened 3 Nov, answered after 3 hours (awaiting authorization).
 * Claims 1 to 4 and 6 got their first answer an hour or three after opening.
 */
export const seedReportsStation = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  let clock = 0;
  const repositories = createRepositories(appDatabase(), { now: () => clock });
  const actor = { actor: '00000000-0000-7000-8000-0000000000aa' };
  const unwrap = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
  const at = (iso) => { clock = Date.parse(iso); };
  const hours = (iso, count) => new Date(Date.parse(iso) + count * 3600000).toISOString();
  const days = (iso, count) => hours(iso, count * 24);
  let serial = 0;

  async function open(model, packId, openedAt) {
    at(openedAt);
    serial += 1;
    const customerId = unwrap(await repositories.customers.create(
      { name: 'Pelanggan ' + serial, phone: '+62 812 3456 ' + String(1000 + serial), preferredLanguage: 'id' }, actor)).id;
    const deviceId = unwrap(await repositories.devices.create(
      { customerId, model, category: packId === 'igpsport' ? 'bike-computer' : 'smartwatch', serial: 'SN-R' + serial }, actor)).id;
    return unwrap(await repositories.claims.create({
      policyPackId: packId, customerId, deviceId,
      purchase: { channel: 'official-store', orderDate: '2026-09-01', invoiceDate: '2026-09-01', deliveredDate: '2026-09-06', orderNumber: 'ORD-R' + serial, proof: 'valid' },
      reason: 'defect', symptom: 'malfunction', defect: { what: 'The screen stays black' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: true },
    }, actor)).id;
  }
  async function move(claimId, to, when) {
    at(when);
    unwrap(await repositories.claims.transition(claimId, to, actor));
  }
  /** Answers, authorizes, receives and inspects a claim, each step an hour apart from 'openedAt'. */
  async function inspect(claimId, openedAt, verdict, findings = []) {
    await move(claimId, 'awaiting-authorization', hours(openedAt, 1));
    await move(claimId, 'authorized', hours(openedAt, 2));
    await move(claimId, 'received', hours(openedAt, 24));
    at(hours(openedAt, 25));
    const inspection = unwrap(await repositories.inspections.create({
      claimId, inspectedAt: hours(openedAt, 25), inspectedBy: actor.actor,
      faultConfirmed: verdict !== 'no-defect', doaVerdict: verdict === 'doa' ? 'doa' : 'not-doa',
      noDefectFound: verdict === 'no-defect',
    }, actor));
    for (const kind of findings) {
      unwrap(await repositories.misuseFindings.create({ inspectionId: inspection.id, kind, evidenceIds: [] }, actor));
    }
    await move(claimId, 'inspected', hours(openedAt, 26));
  }
  /** Chooses the pack's warranty remedy (a repair at iGPSPORT, a replacement at the KOSPET store) and resolves. */
  async function resolve(claimId, openedAt, afterDays, remedy) {
    at(hours(openedAt, 27));
    unwrap(await repositories.claims.update(claimId, { remedy }, actor));
    await move(claimId, 'resolved', days(openedAt, afterDays));
  }

  const first = '2026-10-05T02:00:00.000Z';
  const one = await open('KOSPET Tank T3', 'kospet-official-store', first);
  await inspect(one, first, 'doa');
  await resolve(one, first, 4, 'warranty-replacement');
  await move(one, 'closed', days(first, 5));

  const second = '2026-10-06T02:00:00.000Z';
  const two = await open('KOSPET Tank T3', 'kospet-official-store', second);
  await inspect(two, second, 'no-defect');
  await resolve(two, second, 6, 'warranty-replacement');

  const third = '2026-10-07T02:00:00.000Z';
  const three = await open('KOSPET Tank T3', 'kospet-official-store', third);
  await inspect(three, third, 'not-doa', ['liquid-damage']);

  const fourth = '2026-10-08T02:00:00.000Z';
  const four = await open('iGPSPORT iGS630', 'igpsport', fourth);
  await inspect(four, fourth, 'doa');
  await resolve(four, fourth, 2, 'warranty-repair');

  await open('KOSPET Tank T3', 'kospet-official-store', '2026-11-02T02:00:00.000Z');

  const sixth = '2026-11-03T02:00:00.000Z';
  const six = await open('iGPSPORT iGS630', 'igpsport', sixth);
  await move(six, 'awaiting-authorization', hours(sixth, 3));
})()`;
