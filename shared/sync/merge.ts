import type { Hlc } from './hybridLogicalClock';
import { compareHlc, decodeHlc } from './hybridLogicalClock';
import type { RowChange } from './protocol';

/**
 * Per-field last-writer-wins by hybrid logical clock: the one merge the server and every station
 * use, so every replica that has seen the same changes holds the same row, whatever order they
 * came in (the merge is commutative, associative and idempotent).
 */

/** A row's state as merged: field values, each field's stamp, and who made the highest stamp. */
export type MergeRow = {
  readonly values: Readonly<Record<string, unknown>>;
  /** Every field ever written; a stamped field absent from `values` was unset. */
  readonly stamps: Readonly<Record<string, Hlc>>;
  readonly updatedBy: string;
  readonly station: string;
};

/**
 * The field whose stamp a row's deletion carries. A tombstone stays deleted: deletes win, and no
 * change may unset it (`validateRowChange` refuses one): the row keeps one author, that of its
 * highest stamp, and an undelete's stamp, overruled here, would make that author depend on the
 * order replicas merged in.
 */
export const deletedAtField = 'deletedAt';

/**
 * Fields every write of a row stamps (when it last changed): two concurrent writes always both
 * change them, so the later one winning is no conflict anyone needs to see or settle.
 */
export const bookkeepingFields: ReadonlySet<string> = new Set(['updatedAt']);

/** A total order on values, for two writes under the same stamp (which honest clocks never make). */
function compareValues(a: unknown, b: unknown): number {
  const left = a === undefined ? '' : JSON.stringify(a);
  const right = b === undefined ? '' : JSON.stringify(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The highest stamp of a row, or undefined for a row with none. */
export function highestStamp(stamps: Readonly<Record<string, Hlc>>): Hlc | undefined {
  let highest: Hlc | undefined;
  for (const stamp of Object.values(stamps)) {
    if (highest === undefined || compareHlc(stamp, highest) > 0) highest = stamp;
  }
  return highest;
}

/** Which side a field takes: the higher stamp; on equal stamps, the greater value. */
function takesRight(left: MergeRow, right: MergeRow, field: string): boolean {
  const leftStamp = left.stamps[field];
  const rightStamp = right.stamps[field];
  if (rightStamp === undefined) return false;
  if (leftStamp === undefined) return true;
  const order = compareHlc(rightStamp, leftStamp);
  if (order !== 0) return order > 0;
  return compareValues(right.values[field], left.values[field]) > 0;
}

/**
 * Merges two states of one row field by field. A deleted row stays deleted: once either side has
 * a `deletedAt`, the result has one (the winner by stamp among the sides that have it).
 */
export function mergeRows(left: MergeRow, right: MergeRow): MergeRow {
  const values: Record<string, unknown> = {};
  const stamps: Record<string, Hlc> = {};
  const fields = new Set([...Object.keys(left.stamps), ...Object.keys(right.stamps)]);
  for (const field of fields) {
    const from = takesRight(left, right, field) ? right : left;
    stamps[field] = from.stamps[field] as Hlc;
    if (Object.hasOwn(from.values, field)) values[field] = from.values[field];
  }
  keepDeletion(values, stamps, left, right);
  const author = authorOf(left, right);
  return { values, stamps, updatedBy: author.updatedBy, station: author.station };
}

function keepDeletion(
  values: Record<string, unknown>,
  stamps: Record<string, Hlc>,
  left: MergeRow,
  right: MergeRow,
): void {
  if (Object.hasOwn(values, deletedAtField)) return;
  const deleted = [left, right].filter((side) => Object.hasOwn(side.values, deletedAtField));
  const [first, second] = deleted;
  if (first === undefined) return;
  const from =
    second !== undefined &&
    compareHlc(second.stamps[deletedAtField] as Hlc, first.stamps[deletedAtField] as Hlc) > 0
      ? second
      : first;
  values[deletedAtField] = from.values[deletedAtField];
  stamps[deletedAtField] = from.stamps[deletedAtField] as Hlc;
}

/** The side whose highest stamp is higher made the row's last change (ties: by who and where). */
function authorOf(left: MergeRow, right: MergeRow): MergeRow {
  const leftHighest = highestStamp(left.stamps);
  const rightHighest = highestStamp(right.stamps);
  if (rightHighest !== leftHighest) {
    if (rightHighest === undefined) return left;
    if (leftHighest === undefined) return right;
    return compareHlc(rightHighest, leftHighest) > 0 ? right : left;
  }
  return compareValues([right.updatedBy, right.station], [left.updatedBy, left.station]) > 0
    ? right
    : left;
}

/** A change as a row state of its own: the fields it set and unset, all under its stamp. */
export function changeAsRow(change: RowChange, updatedBy: string, station: string): MergeRow {
  const stamps: Record<string, Hlc> = {};
  for (const field of Object.keys(change.set)) stamps[field] = change.stamp;
  for (const field of change.unset) stamps[field] = change.stamp;
  return { values: { ...change.set }, stamps, updatedBy, station };
}

/** A field two writers changed without seeing each other's change, and which write lost. */
export type FieldConflict = {
  readonly field: string;
  readonly winnerStamp: Hlc;
  readonly loserStamp: Hlc;
  /** Absent when the losing write unset the field. */
  readonly loserValue?: unknown;
  /** Who made the losing write, when known. */
  readonly loserActor?: string;
  readonly loserStation: string;
};

/**
 * Applies one change to the row as it stands (`undefined`: a new row). A field whose current
 * stamp differs from the stamp the writer saw (`change.base`) was changed concurrently: the higher
 * stamp wins as in {@link mergeRows}, and the losing write is returned as a conflict. So is a
 * write that saw the current value but loses to its stamp all the same (the writer's clock is
 * behind a stamp it would not follow): the loss is recorded and the row goes back to the writer.
 * A change applied twice changes nothing and finds no conflict the second time.
 */
export function applyChange(
  current: MergeRow | undefined,
  change: RowChange,
  actor: string,
  station: string,
): { readonly row: MergeRow; readonly conflicts: readonly FieldConflict[] } {
  const incoming = changeAsRow(change, actor, station);
  if (current === undefined) return { row: incoming, conflicts: [] };
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(incoming.stamps)) {
    const currentStamp = current.stamps[field];
    if (currentStamp === undefined || currentStamp === change.stamp) continue;
    if (bookkeepingFields.has(field)) continue;
    const incomingWins = takesRight(current, incoming, field);
    // The writer saw the current value, so it is no conflict; unless its stamp loses all the same
    // (its clock is behind one it would not follow): its edit is lost, and it must hear so.
    if (incomingWins && currentStamp === (change.base[field] ?? undefined)) continue;
    const loser = incomingWins ? current : incoming;
    const loserStamp = loser.stamps[field] as Hlc;
    conflicts.push({
      field,
      winnerStamp: (incomingWins ? incoming : current).stamps[field] as Hlc,
      loserStamp,
      ...(Object.hasOwn(loser.values, field) ? { loserValue: loser.values[field] } : {}),
      ...(loser === incoming || highestStamp(current.stamps) === loserStamp
        ? { loserActor: loser.updatedBy }
        : {}),
      loserStation: decodeHlc(loserStamp)?.node ?? loser.station,
    });
  }
  return { row: mergeRows(current, incoming), conflicts };
}
