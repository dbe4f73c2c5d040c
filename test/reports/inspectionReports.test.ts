import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInPacks } from '#shared/policy';
import {
  claimsByStatus,
  computeReports,
  doaRateByModel,
  indexRecords,
  noDefectFoundRate,
  voidReasonsRanked,
} from '#shared/reports';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import { jakarta, ReportStation } from './reportStation';

const doa = { faultConfirmed: true, doaVerdict: 'doa', noDefectFound: false } as const;
const notDoa = { faultConfirmed: true, doaVerdict: 'not-doa', noDefectFound: false } as const;
const noDefect = { faultConfirmed: false, doaVerdict: 'not-doa', noDefectFound: true } as const;

describe('claims by status', () => {
  it('counts each status, zeros included, in workflow order', () => {
    const station = new ReportStation();
    station.add({ status: 'intake' });
    station.add({ status: 'intake' });
    station.add({ status: 'closed' });
    const rows = claimsByStatus(station.claims);
    expect(rows.map((row) => row.status)).toEqual(claimStatusSchema.options);
    expect(rows.find((row) => row.status === 'intake')?.claims).toBe(2);
    expect(rows.find((row) => row.status === 'closed')?.claims).toBe(1);
    expect(rows.find((row) => row.status === 'quoted')?.claims).toBe(0);
  });

  it('has counts that sum to the number of claims, whatever their statuses', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...claimStatusSchema.options)), (statuses) => {
        const rows = claimsByStatus(statuses.map((status) => ({ status })));
        expect(rows.reduce((sum, row) => sum + row.claims, 0)).toBe(statuses.length);
      }),
    );
  });
});

describe('DOA rate by model', () => {
  it('divides DOA verdicts by inspected claims per brand and model: 3 of 8 is 37.5 %', () => {
    const station = new ReportStation();
    for (let index = 0; index < 8; index += 1) {
      station.add({ model: 'KOSPET Tank T3', inspection: index < 3 ? doa : notDoa });
    }
    // Not inspected: not in the denominator.
    station.add({ model: 'KOSPET Tank T3' });
    station.add({ model: 'KOSPET Tank M2', inspection: doa });
    station.add({ model: 'iGS630', policyPackId: 'igpsport', inspection: notDoa });
    const rows = doaRateByModel(station.claims, indexRecords(station.records()), builtInPacks);
    expect(rows).toEqual([
      { brand: 'KOSPET', model: 'KOSPET Tank M2', inspected: 1, doa: 1, rate: 1 },
      { brand: 'KOSPET', model: 'KOSPET Tank T3', inspected: 8, doa: 3, rate: 0.375 },
      { brand: 'iGPSPORT', model: 'iGS630', inspected: 1, doa: 0, rate: 0 },
    ]);
  });

  it('reads only the latest inspection of a claim', () => {
    const station = new ReportStation();
    const claim = station.add({
      model: 'KOSPET Tank T3',
      inspection: { ...doa, inspectedAt: '2026-05-10T07:00:00.000Z' },
    });
    station.inspections.push({
      ...notDoa,
      id: '00000000-0000-7000-8000-00000000ffff',
      claimId: claim.id,
      inspectedAt: '2026-05-11T07:00:00.000Z',
      inspectedBy: '00000000-0000-7000-8000-0000000000aa',
    });
    const rows = doaRateByModel(station.claims, indexRecords(station.records()), builtInPacks);
    expect(rows).toEqual([
      { brand: 'KOSPET', model: 'KOSPET Tank T3', inspected: 1, doa: 0, rate: 0 },
    ]);
  });

  it('has no rows when nothing was inspected', () => {
    const station = new ReportStation();
    station.add();
    expect(doaRateByModel(station.claims, indexRecords(station.records()), builtInPacks)).toEqual(
      [],
    );
  });
});

describe('void reasons', () => {
  it('ranks the voiding findings by claims, leaving out findings the pack does not void', () => {
    const station = new ReportStation();
    station.add({ inspection: notDoa, findings: ['liquid-damage'] });
    station.add({ inspection: notDoa, findings: ['liquid-damage', 'body-opened'] });
    station.add({ inspection: notDoa, findings: ['liquid-damage'] });
    // Wear and tear is not covered, but it does not void the warranty.
    station.add({ inspection: notDoa, findings: ['wear-and-tear', 'wear-and-tear'] });
    station.add({ inspection: notDoa, findings: ['rooted'] });
    const rows = voidReasonsRanked(station.claims, indexRecords(station.records()), builtInPacks);
    expect(rows).toEqual([
      { kind: 'liquid-damage', claims: 3 },
      { kind: 'body-opened', claims: 1 },
      { kind: 'rooted', claims: 1 },
    ]);
  });

  it('counts a kind found twice on one claim once', () => {
    const station = new ReportStation();
    station.add({ inspection: notDoa, findings: ['physical-damage', 'physical-damage'] });
    expect(
      voidReasonsRanked(station.claims, indexRecords(station.records()), builtInPacks),
    ).toEqual([{ kind: 'physical-damage', claims: 1 }]);
  });
});

describe('no defect found', () => {
  it('gives the overall rate and each model’s: 2 of 5 overall, 2 of 4 and 0 of 1', () => {
    const station = new ReportStation();
    station.add({ model: 'KOSPET Tank T3', inspection: noDefect });
    station.add({ model: 'KOSPET Tank T3', inspection: noDefect });
    station.add({ model: 'KOSPET Tank T3', inspection: notDoa });
    station.add({ model: 'KOSPET Tank T3', inspection: doa });
    station.add({ model: 'KOSPET Tank M2', inspection: notDoa });
    station.add({ model: 'KOSPET Tank M2' });
    const report = noDefectFoundRate(station.claims, indexRecords(station.records()), builtInPacks);
    expect(report.overall).toEqual({ inspected: 5, noDefectFound: 2, rate: 0.4 });
    expect(report.byModel).toEqual([
      { brand: 'KOSPET', model: 'KOSPET Tank T3', inspected: 4, noDefectFound: 2, rate: 0.5 },
      { brand: 'KOSPET', model: 'KOSPET Tank M2', inspected: 1, noDefectFound: 0, rate: 0 },
    ]);
  });

  it('has no overall rate when nothing was inspected', () => {
    const report = noDefectFoundRate([], indexRecords(new ReportStation().records()), builtInPacks);
    expect(report).toEqual({
      overall: { inspected: 0, noDefectFound: 0, rate: null },
      byModel: [],
    });
  });

  it('keeps every rate between 0 and 1', () => {
    const verdicts = fc.constantFrom(undefined, doa, notDoa, noDefect);
    fc.assert(
      fc.property(fc.array(fc.tuple(verdicts, fc.constantFrom('A1', 'B2', 'C3'))), (sketches) => {
        const station = new ReportStation();
        for (const [inspection, model] of sketches) station.add({ model, inspection });
        const reports = computeReports(station.records(), {}, jakarta);
        const rates = [
          ...reports.doaByModel.map((row) => row.rate),
          ...reports.noDefectFound.byModel.map((row) => row.rate),
          reports.noDefectFound.overall.rate ?? 0,
        ];
        for (const rate of rates) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
