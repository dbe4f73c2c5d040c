/** Ids a turn: another transaction's request waits for no more requests than these. */
export const idsPerTurn = 8;

/**
 * `table.bulkGet(ids)` asked a few ids at a time, one turn after the other; the rows come back
 * in the order of `ids`, undefined where none has that id.
 *
 * Chromium's IndexedDB answers every request one transaction has queued before it turns to
 * another transaction's (see test/browser/bulkGetInTurns.test.ts): 200 gets took 15 ms, and a
 * get of another transaction asked meanwhile was answered after all of them; in turns of eight,
 * the 200 took 25 ms and the other get was answered after 1.5–2 ms. So a queue window's ~50
 * customers and devices, asked at once, would hold up a scan's lookup made meanwhile.
 */
export async function bulkGetInTurns<Row, Key>(
  table: { readonly bulkGet: (keys: Key[]) => PromiseLike<(Row | undefined)[]> },
  ids: readonly Key[],
  perTurn = idsPerTurn,
): Promise<(Row | undefined)[]> {
  const rows: (Row | undefined)[] = [];
  for (let start = 0; start < ids.length; start += perTurn) {
    rows.push(...(await table.bulkGet(ids.slice(start, start + perTurn))));
  }
  return rows;
}
