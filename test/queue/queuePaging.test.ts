import fc from 'fast-check';
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

  it('jumps far by position, reading only a few rows either side of the screen', () => {
    expect(planWindow(windowAt(0, 50), { start: 50_000, end: 50_020 }, 100_000).request).toEqual({
      from: 'position',
      start: 49_998,
      size: 24,
    });
    expect(planWindow(windowAt(0, 50), { start: 99_990, end: 100_000 }, 100_000).request).toEqual({
      from: 'before',
      cursor: undefined,
      skip: 0,
      end: 100_000,
      size: 120,
    });
  });

  it('pages by keys from a jump’s few rows when the user scrolls on a little, either way', () => {
    const jumped = windowAt(49_990, 40);
    expect(planWindow(jumped, { start: 50_010, end: 50_040 }, 100_000).request).toEqual({
      from: 'after',
      cursor: { at: 'at-49990', id: 'id-49990' },
      skip: 0,
      start: 49_991,
      size: 120,
    });
    expect(planWindow(jumped, { start: 49_980, end: 50_010 }, 100_000).request).toEqual({
      from: 'before',
      cursor: { at: 'at-50029', id: 'id-50029' },
      skip: 0,
      end: 50_029,
      size: 120,
    });
  });

  it('always plans a window that holds the rows on screen, read from a row it has or at a position', () => {
    const scene = fc
      .record({
        count: fc.integer({ min: 1, max: 100_000 }),
        loadedAt: fc.double({ min: 0, max: 1, noNaN: true }),
        loadedRows: fc.integer({ min: 0, max: 150 }),
        visibleAt: fc.double({ min: 0, max: 1, noNaN: true }),
        visibleRows: fc.integer({ min: 1, max: 300 }),
      })
      .map(({ count, loadedAt, loadedRows, visibleAt, visibleRows }) => {
        const loadedStart = Math.floor(loadedAt * count);
        const visibleStart = Math.min(Math.floor(visibleAt * count), count - 1);
        return {
          count,
          loaded: windowAt(loadedStart, Math.min(loadedRows, count - loadedStart)),
          visible: { start: visibleStart, end: Math.min(count, visibleStart + visibleRows) },
        };
      });
    fc.assert(
      fc.property(scene, ({ count, loaded, visible }) => {
        const { request, covers } = planWindow(loaded, visible, count);
        expect(spanHolds(covers, visible, count)).toBe(true);
        const positionOf = (cursor: { readonly id: string }) => Number(cursor.id.slice(3));
        switch (request.from) {
          case 'position':
            expect(request).toEqual({
              from: 'position',
              start: covers.start,
              size: covers.end - covers.start,
            });
            break;
          case 'after': {
            const anchor = positionOf(request.cursor);
            expect(anchor).toBeGreaterThanOrEqual(loaded.start);
            expect(anchor).toBeLessThan(loaded.start + loaded.rows.length);
            expect(request.start).toBe(covers.start);
            expect(request.skip).toBe(covers.start - anchor - 1);
            break;
          }
          case 'before': {
            if (request.cursor === undefined) {
              expect(request.end).toBe(count);
              break;
            }
            const anchor = positionOf(request.cursor);
            expect(anchor).toBeGreaterThanOrEqual(loaded.start);
            expect(anchor).toBeLessThan(loaded.start + loaded.rows.length);
            expect(request.end).toBe(covers.end);
            expect(request.skip).toBe(anchor - covers.end);
            break;
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
