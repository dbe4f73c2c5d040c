import fc from 'fast-check';
import type { Page } from 'playwright';

/** What Chromium needs to type one key: its DOM code, Windows key code and the text it adds. */
type KeyDefinition = {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
  readonly text: string;
};

/** The keys of the codes a desk scans (RMA numbers, serials, IMEIs), and Enter. */
function keyOf(character: string): KeyDefinition {
  if (character === '\n') return { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' };
  if (character === '-') return { key: '-', code: 'Minus', keyCode: 189, text: '-' };
  if (/^[0-9]$/.test(character)) {
    return {
      key: character,
      code: `Digit${character}`,
      keyCode: character.charCodeAt(0),
      text: character,
    };
  }
  if (/^[A-Za-z]$/.test(character)) {
    const upper = character.toUpperCase();
    return { key: character, code: `Key${upper}`, keyCode: upper.charCodeAt(0), text: character };
  }
  throw new Error(
    `scanCode types letters, digits and "-" only, as the desk's barcodes hold; got ${JSON.stringify(character)}`,
  );
}

/**
 * Types `code` and Enter at the focused element as a barcode scanner does: key after key, each
 * `gapsMs[i]` after the one before (5 ms when not given), and each stamped with the time it was
 * "pressed". The stamp is what a real keyboard's events carry from the operating system, so a
 * busy page that handles the keys late still sees a scanner's gaps; Playwright's own key presses
 * are stamped when each arrives, one browser round trip after the other, so on busy CI cores the
 * gaps grew past any scanner's and the scan read as a person's typing.
 */
export async function scanCode(
  page: Page,
  code: string,
  gapsMs: readonly number[] = [],
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    let pressedAtMs = Date.now();
    for (const [index, character] of [...code, '\n'].entries()) {
      if (index > 0) pressedAtMs += gapsMs[index - 1] ?? 5;
      const key = keyOf(character);
      const timestamp = pressedAtMs / 1000;
      const keyFields = { key: key.key, code: key.code, windowsVirtualKeyCode: key.keyCode };
      await session.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        ...keyFields,
        text: key.text,
        unmodifiedText: key.text,
        timestamp,
      });
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...keyFields, timestamp });
    }
  } finally {
    await session.detach();
  }
}

/**
 * Types `code` and Enter as a scanner does on a loaded machine or over Bluetooth: the gaps
 * between keys drawn from 0–80 ms (from `seed`, so a failure repeats), plus 5 ms of the
 * scanner's own.
 */
export async function typeUnevenly(page: Page, code: string, seed: number): Promise<void> {
  const extraMs = fc.sample(fc.integer({ min: 0, max: 80 }), { seed, numRuns: code.length });
  await scanCode(
    page,
    code,
    extraMs.map((extra) => extra + 5),
  );
}
