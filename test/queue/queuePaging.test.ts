import { describe, expect, it } from 'vitest';
import type { QueueRow, QueueWindow } from '../../renderer/src/core';
import { firstWindow, planWindow, spanHolds } from '../../renderer/src/queue/queuePaging';

/** A window of rows `start` to `start + length`, each with a cursor named after its position. */
function windowAt(start: number, length: number): QueueWindow {
  return {
    start,
    rows: Array.from(
      { length },
      (_, index) =>
        ({ cursor: { at: `at-${start + index}`, id: `id-${start + index}` } }) as QueueRow,
    ),
  };
}

describe('the queue’s window planning', () => {
  it('starts with 50 rows from the top', () => {
    expect(firstWindow.request).toEqual({ from: 'position', start: 0, size: 50 });
    expect(spanHolds(firstWindow.covers, { start: 0, end: 20 }, 100_000)).toBe(true);
  });

  it('pages forward by the cursor of the row before the new window', () => {
    const planned = planWindow(windowAt(0, 50), { start: 60, end: 80 }, 100_000);
    expect(planned.request).toEqual({
      from: 'after',
      cursor: { at: 'at-19', id: 'id-19' },
      skip: 0,
      start: 20,
      size: 120,
    });
    expect(spanHolds(planned.covers, { start: 60, end: 80 }, 100_000)).toBe(true);
  });

  it('pages forward past a small gap from the last row read, skipping the gap', () => {
    const planned = planWindow(windowAt(1000, 120), { start: 1200, end: 1220 }, 100_000);
    expect(planned.request).toEqual({
      from: 'after',
      cursor: { at: 'at-1119', id: 'id-1119' },
      skip: 40,
      start: 1160,
      size: 120,
    });
  });

  it('pages backward by the cursor of the row after the new window', () => {
    const planned = planWindow(windowAt(1000, 120), { start: 990, end: 1010 }, 100_000);
    expect(planned.request).toEqual({
      from: 'before',
      cursor: { at: 'at-1070', id: 'id-1070' },
      skip: 0,
      end: 1070,
      size: 120,
    });
  });

  it('jumps far by position, and to the end by reading back from the last claim', () => {
    expect(planWindow(windowAt(0, 50), { start: 50_000, end: 50_020 }, 100_000).request).toEqual({
      from: 'position',
      start: 49_960,
      size: 120,
    });
    expect(planWindow(windowAt(0, 50), { start: 99_990, end: 100_000 }, 100_000).request).toEqual({
      from: 'before',
      cursor: undefined,
      skip: 0,
      end: 100_000,
      size: 120,
    });
  });
});
