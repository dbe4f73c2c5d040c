import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWindowState,
  placeOnVisibleDisplay,
  readWindowState,
  writeWindowState,
  writeWindowStateNow,
  type Rectangle,
  type WindowState,
} from '../../electron/main/windowState';

let folder: string;
let stateFile: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fixline-window-'));
  stateFile = join(folder, 'window-state.json');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const remembered: WindowState = { width: 1280, height: 800, x: 100, y: 60, isMaximized: true };

describe('readWindowState', () => {
  it('gives the defaults when there is no file yet', async () => {
    expect(await readWindowState(stateFile)).toEqual(defaultWindowState);
  });

  it.each([
    ['is not JSON', '{"width": 1280,'],
    ['is empty', ''],
    ['has a field of the wrong type', '{"width": "wide", "height": 800, "isMaximized": false}'],
    ['misses a field', '{"width": 1280, "height": 800}'],
    ['has an absurd size', '{"width": 0, "height": 800, "isMaximized": false}'],
    ['holds something else entirely', '[1, 2, 3]'],
  ])('gives the defaults when the file %s', async (_label, content) => {
    await writeFile(stateFile, content);
    expect(await readWindowState(stateFile)).toEqual(defaultWindowState);
  });

  it('reads back what was written', async () => {
    await writeWindowState(stateFile, remembered);
    expect(await readWindowState(stateFile)).toEqual(remembered);
  });

  it('reads back what the synchronous close-time write stored', async () => {
    writeWindowStateNow(join(folder, 'nested', 'window-state.json'), remembered);
    expect(await readWindowState(join(folder, 'nested', 'window-state.json'))).toEqual(remembered);
  });
});

describe('writeWindowState', () => {
  it('refuses to store a state the reader would reject, keeping the old file', async () => {
    await writeWindowState(stateFile, remembered);
    await expect(
      writeWindowState(stateFile, { ...remembered, width: Number.NaN }),
    ).rejects.toThrow();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual(remembered);
  });
});

describe('placeOnVisibleDisplay', () => {
  const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
  const rightMonitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('keeps a window that is on a display', () => {
    expect(placeOnVisibleDisplay(remembered, [laptop])).toEqual(remembered);
  });

  it('keeps a window on a second display that is still attached', () => {
    const onRight = { ...remembered, x: 2500, y: 200 };
    expect(placeOnVisibleDisplay(onRight, [laptop, rightMonitor])).toEqual(onRight);
  });

  it('moves a window back when its display was unplugged, keeping its size', () => {
    const onRight = { ...remembered, x: 2500, y: 200 };
    expect(placeOnVisibleDisplay(onRight, [laptop])).toEqual({
      width: remembered.width,
      height: remembered.height,
      isMaximized: remembered.isMaximized,
    });
  });

  it.each([
    ['above the top', { x: 100, y: -500 }],
    ['left of every display', { x: -3000, y: 100 }],
    ['below the bottom', { x: 100, y: 1030 }],
  ])('moves back a window whose title bar is %s', (_label, position) => {
    const placed = placeOnVisibleDisplay({ ...remembered, ...position }, [laptop]);
    expect(placed.x).toBeUndefined();
    expect(placed.y).toBeUndefined();
  });

  it('leaves a window without a position to the system', () => {
    expect(placeOnVisibleDisplay(defaultWindowState, [laptop])).toEqual(defaultWindowState);
  });
});
