import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readRowsById } from '../../renderer/src/db/claimDeadline';
import { plainRowsTable } from './plainRows';

describe('reading rows by id', () => {
  it('reads ids lying close together, leaving out absent ones', async () => {
    const rows = await plainRowsTable(20);

    const read = await readRowsById(rows, ['row-0005', 'row-0003', 'row-0004', 'row-0099']);

    expect(read.map((row) => row.value).sort((a, b) => a - b)).toEqual([3, 4, 5]);
  });

  it('reads ids far apart, with many rows between them, each once', async () => {
    const rows = await plainRowsTable(500);
    const ids = ['row-0001', 'row-0002', 'row-0250', 'row-0499', 'row-0002'];

    const read = await readRowsById(rows, ids);

    expect(read.map((row) => row.value).sort((a, b) => a - b)).toEqual([1, 2, 250, 499]);
  });

  it('reads nothing for no ids', async () => {
    const rows = await plainRowsTable(3);

    expect(await readRowsById(rows, [])).toEqual([]);
  });
});
