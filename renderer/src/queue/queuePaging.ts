import type { QueueWindow, QueueWindowRequest } from '../core';

/** Rows of the first window: a screen's worth and a little more. */
export const firstWindowRows = 50;
/** Rows of every later window, around the rows on screen. */
export const windowRows = 120;
/** Rows kept above the first row on screen when a window is placed. */
const rowsAbove = 40;
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
  const start = Math.max(0, Math.min(visible.start - rowsAbove, count - windowRows));
  const end = Math.min(count, start + windowRows);
  const covers = { start, end };
  const size = end - start;
  const rows = loaded?.rows ?? [];
  const loadedStart = loaded?.start ?? 0;
  const loadedEnd = loadedStart + rows.length;
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
  return { request: { from: 'position', start, size }, covers };
}
