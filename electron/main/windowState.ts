import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The main window's size, position and maximized flag, kept in a JSON file in userData so the
 * window reopens where the technician left it. The file is outside our control (hand edits, a
 * crash mid-write, an older version), so it is parsed, and anything wrong means the defaults.
 */

const pixels = z.number().int().finite();

/** What the state file must hold; sizes are bounded so a corrupt file cannot make a 0×0 window. */
export const windowStateSchema = z.object({
  width: pixels.min(400).max(16_384),
  height: pixels.min(300).max(16_384),
  /** Absent until the window has been placed once: the system then centers it. */
  x: pixels.optional(),
  y: pixels.optional(),
  isMaximized: z.boolean(),
});
/** The main window's remembered bounds. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** A first launch, or a state file that cannot be trusted: the system centers the window. */
export const defaultWindowState: WindowState = { width: 1366, height: 768, isMaximized: false };

/** The file name inside userData. */
export const windowStateFileName = 'window-state.json';

/** The stored state, or the defaults when the file is missing, unreadable or invalid. */
export async function readWindowState(file: string): Promise<WindowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return defaultWindowState;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return defaultWindowState;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : defaultWindowState;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  await writeFile(temporary, JSON.stringify(windowStateSchema.parse(state), null, 2), 'utf8');
  await rename(temporary, file);
}

/** A display's work area, as Electron's `screen` reports it, in device-independent pixels. */
export type Rectangle = { x: number; y: number; width: number; height: number };

/**
 * Drops the position when the window's title bar would not be on any display (a monitor that
 * was unplugged since), so the system centers the window instead of opening it off screen.
 */
export function placeOnVisibleDisplay(
  state: WindowState,
  workAreas: readonly Rectangle[],
): WindowState {
  const { x, y } = state;
  if (x === undefined || y === undefined) return state;
  // The top-left 100×40 of the window is where the title bar lives: that must be reachable.
  const reachable = workAreas.some(
    (area) =>
      x + 100 > area.x && x < area.x + area.width && y >= area.y && y + 40 <= area.y + area.height,
  );
  return reachable
    ? state
    : { width: state.width, height: state.height, isMaximized: state.isMaximized };
}

/**
 * The synchronous twin of writeWindowState, for the window's 'close' event: the app may quit
 * right after it, before an asynchronous write would finish.
 */
export function writeWindowStateNow(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(windowStateSchema.parse(state), null, 2), 'utf8');
  renameSync(temporary, file);
}
