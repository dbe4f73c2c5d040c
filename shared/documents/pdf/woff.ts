/**
 * Unpacks a WOFF 1.0 file into the TrueType/OpenType file it wraps (W3C WOFF, sections 3-5):
 * each table is zlib-compressed unless compression did not help, and the sfnt header and table
 * directory are rebuilt around the same tables in the same (sorted) order. Platform-neutral:
 * the caller brings the inflater (Node's zlib in main, DecompressionStream in a browser).
 */

type WoffTable = {
  readonly tag: number;
  readonly checksum: number;
  readonly length: number;
  readonly stored: Uint8Array;
  readonly compressed: boolean;
};

/** Inflates zlib data (RFC 1950), synchronously. */
export type SyncInflate = (compressed: Uint8Array) => Uint8Array;
/** Inflates zlib data (RFC 1950). */
export type AsyncInflate = (compressed: Uint8Array) => Promise<Uint8Array>;

/** The sfnt of `woff`, inflating its tables with `inflate` (Node: `zlib.inflateSync`). */
export function woffToSfnt(woff: Uint8Array, inflate: SyncInflate): Uint8Array {
  const { flavor, tables } = readWoff(woff);
  return writeSfnt(
    flavor,
    tables.map((table) => ({
      ...table,
      data: checked(table, table.compressed ? inflate(table.stored) : table.stored),
    })),
  );
}

/** {@link woffToSfnt} with an asynchronous inflater (a browser's DecompressionStream). */
export async function woffToSfntAsync(
  woff: Uint8Array,
  inflate: AsyncInflate,
): Promise<Uint8Array> {
  const { flavor, tables } = readWoff(woff);
  const data = await Promise.all(
    tables.map(async (table) =>
      checked(table, table.compressed ? await inflate(table.stored) : table.stored),
    ),
  );
  return writeSfnt(
    flavor,
    tables.map((table, index) => ({ ...table, data: data[index] ?? table.stored })),
  );
}

function readWoff(woff: Uint8Array): { flavor: number; tables: WoffTable[] } {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || view.getUint32(0) !== 0x774f4646)
    throw new Error('not a WOFF file (no "wOFF" signature)');
  const tableCount = view.getUint16(12);
  const tables = Array.from({ length: tableCount }, (_, index): WoffTable => {
    const entry = 44 + index * 20;
    const offset = view.getUint32(entry + 4);
    const compressedLength = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    return {
      tag: view.getUint32(entry),
      checksum: view.getUint32(entry + 16),
      length,
      stored: woff.subarray(offset, offset + compressedLength),
      compressed: compressedLength < length,
    };
  });
  return { flavor: view.getUint32(4), tables };
}

/** A table's unpacked bytes, checked against the length the directory states. */
function checked(table: WoffTable, data: Uint8Array): Uint8Array {
  if (data.byteLength !== table.length)
    throw new Error('a WOFF table does not unpack to its stated length');
  return data;
}

function writeSfnt(
  flavor: number,
  tables: readonly (WoffTable & { readonly data: Uint8Array })[],
): Uint8Array {
  const padded = (length: number): number => (length + 3) & ~3;
  const tableCount = tables.length;
  const headerLength = 12 + tableCount * 16;
  const sfnt = new Uint8Array(
    headerLength + tables.reduce((sum, table) => sum + padded(table.data.byteLength), 0),
  );
  const view = new DataView(sfnt.buffer);
  const searchPower = 2 ** Math.floor(Math.log2(tableCount));
  view.setUint32(0, flavor);
  view.setUint16(4, tableCount);
  view.setUint16(6, searchPower * 16);
  view.setUint16(8, Math.log2(searchPower));
  view.setUint16(10, tableCount * 16 - searchPower * 16);
  let offset = headerLength;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    view.setUint32(record, table.tag);
    view.setUint32(record + 4, table.checksum);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.data.byteLength);
    sfnt.set(table.data, offset);
    offset += padded(table.data.byteLength);
  });
  return sfnt;
}
