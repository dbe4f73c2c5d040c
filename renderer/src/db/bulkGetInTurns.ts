/** Ids a turn: a few requests, so another transaction's one request waits for no more than these. */
export const idsPerTurn = 8;

/**
 * `table.bulkGet(ids)` asked a few ids at a time, one turn after the other; the rows come back
 * in the order of `ids`, undefined where none has that id.
 *
 * Chromium's IndexedDB answers every request one transaction has queued before it turns to
 * another's. One `bulkGet` of a queue window's ~50 customers and devices made a scan's single
 * lookup, asked while the queue loaded, wait for all of them (it found its claim 12–20 ms after
 * the Enter); asked eight at a time, the lookup goes between two turns. Measured at 100,000
 * claims with the builds' order balanced, no path came out slower (see the README's Benchmarks).
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
