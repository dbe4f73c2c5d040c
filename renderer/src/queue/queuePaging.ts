import type { QueueWindow, QueueWindowRequest } from '../core';

/** Rows of the first window: a screen's worth and a little more. */
export const firstWindowRows = 50;
/** Rows of every later window, around the rows on screen. */
export const windowRows = 120;
/** Rows kept above the first row on screen when a window is placed. */
const rowsAbove = 40;
/**
 * Rows read on either side of the rows on screen (the list's overscan among them) by a jump far
 * away (the scrollbar dragged): a read at a position takes every row it returns through the
 * page's thread before any is drawn (120 claims with their customers and devices, ~40 ms at
 * 10,000 claims), and the rows next to it come by keys as the user scrolls on. Two rather than
 * ten: a jump 2–11 ms sooner at 20,000 claims (four: 4–7 ms; none: no more than two). A flick of
 * more than six rows right after a jump now shows its last rows as loading for a frame or two.
 */
const jumpMarginRows = 2;
/** How far past the rows read a window may start and still be paged to by keys. */
const pageableGap = 2 * windowRows;

/** Positions from `start` (inclusive) to `end` (exclusive). */
export type RowSpan = { readonly start: number; readonly end: number };

/** A window to read, and the rows it will hold. */
export type PlannedWindow = { readonly request: QueueWindowRequest; readonly covers: RowSpan };

/** The queue's first window. */
export const firstWindow: PlannedWindow = {
  request: { from: 'position', start: 0, size: firstWindowRows },
  covers: { start: 0, end: firstWindowRows },
};

/** Whether `outer` holds every position of `inner` (within a queue of `count` rows). */
export function spanHolds(outer: RowSpan, inner: RowSpan, count: number): boolean {
  return outer.start <= inner.start && Math.min(outer.end, count) >= Math.min(inner.end, count);
}

/**
 * The window to read so the rows `visible` are on hand, given the window read last: by keys from
 * a row of it when the new one is next to it or a little past it, from the queue's end when the
 * end is reached, and at a position (an offset on the index) only for a jump far away.
 */
export function planWindow(
  loaded: QueueWindow | undefined,
  visible: RowSpan,
  count: number,
): PlannedWindow {
  const rows = loaded?.rows ?? [];
  const loadedStart = loaded?.start ?? 0;
  const loadedEnd = loadedStart + rows.length;
  // A screen taller than a window's rows (a very tall one) gets a window that holds it.
  const length = Math.max(windowRows, visible.end - visible.start + rowsAbove);
  const start = windowStart(
    visible,
    count,
    length,
    rows.length === 0 ? undefined : { start: loadedStart, end: loadedEnd },
  );
  const end = Math.min(count, start + length);
  const covers = { start, end };
  const size = end - start;
  const cursorAt = (position: number) => rows[position - loadedStart]?.cursor;
  if (start === 0) return { request: { from: 'position', start: 0, size }, covers };
  if (rows.length > 0 && start > loadedStart && start - loadedEnd <= pageableGap) {
    // Forward: after the row before `start`, or after the last row read, skipping the gap.
    const anchor = Math.min(start - 1, loadedEnd - 1);
    const cursor = cursorAt(anchor);
    if (cursor !== undefined) {
      return {
        request: { from: 'after', cursor, skip: start - anchor - 1, start, size },
        covers,
      };
    }
  }
  if (rows.length > 0 && end <= loadedEnd && loadedStart - end <= pageableGap) {
    // Backward: before the row at `end`, or before the first row read, skipping the gap.
    const anchor = Math.max(end, loadedStart);
    const cursor = cursorAt(anchor);
    if (cursor !== undefined) {
      return { request: { from: 'before', cursor, skip: anchor - end, end, size }, covers };
    }
  }
  if (end === count) {
    return { request: { from: 'before', cursor: undefined, skip: 0, end, size }, covers };
  }
  const jumpStart = Math.max(0, visible.start - jumpMarginRows);
  const jumpEnd = Math.min(count, visible.end + jumpMarginRows);
  return {
    request: { from: 'position', start: jumpStart, size: jumpEnd - jumpStart },
    covers: { start: jumpStart, end: jumpEnd },
  };
}

/**
 * Where a window of `length` rows for the rows `visible` starts: `rowsAbove` rows above them,
 * except when they run past one edge of the rows read (`loaded`) while still starting or ending
 * inside them, as after a jump's small window: then the window keeps its far edge inside the
 * rows read, so it is read by keys from one of them rather than at a position.
 */
function windowStart(
  visible: RowSpan,
  count: number,
  length: number,
  loaded: RowSpan | undefined,
): number {
  const start = Math.max(0, Math.min(visible.start - rowsAbove, count - length));
  if (loaded === undefined) return start;
  const inside = (position: number) => position > loaded.start && position < loaded.end;
  if (visible.end > loaded.end && inside(visible.start) && start <= loaded.start) {
    // Down past the rows read: start just after their first row.
    return loaded.start + 1;
  }
  if (visible.start < loaded.start && inside(visible.end) && start + length >= loaded.end) {
    // Up past them: end just before their last row (the window reads back from it).
    return Math.max(0, Math.min(visible.start, loaded.end - 1 - length));
  }
  return start;
}
