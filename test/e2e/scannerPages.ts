import fc from 'fast-check';
import type { Page } from 'playwright';

/**
 * Types `code` and Enter at the focused element, key by key, as a scanner does on a loaded
 * machine or over Bluetooth: each key held 0–80 ms (drawn from `seed`), so the gaps between keys
 * are that plus the browser's own delay. A seed makes a failure repeat.
 */
export async function typeUnevenly(page: Page, code: string, seed: number): Promise<void> {
  const keys = [...code, 'Enter'];
  const holdsMs = fc.sample(fc.integer({ min: 0, max: 80 }), { seed, numRuns: keys.length });
  for (const [index, key] of keys.entries()) {
    await page.keyboard.press(key, { delay: holdsMs[index] ?? 0 });
  }
}
