import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extendBurst,
  scannedCode,
  scannedText,
  scannerTiming,
  type Keystroke,
} from '../../renderer/src/hooks/scanBurst';

/** The burst the keys of `code` make with `gapsMs` between them, and when Enter came after. */
function typed(code: string, gapsMs: readonly number[], enterGapMs = 5) {
  let atMs = 1000;
  let burst: Keystroke[] = [];
  [...code].forEach((key, index) => {
    if (index > 0) atMs += gapsMs[(index - 1) % gapsMs.length] ?? 0;
    burst = extendBurst(burst, { key, atMs });
  });
  return { burst, enterAtMs: atMs + enterGapMs };
}

const rmaNumber = 'RMA-JKT1-000002';

describe('scannedText', () => {
  it('reads a burst of fast keys ending with Enter as a scan', () => {
    const { burst, enterAtMs } = typed(rmaNumber, [4]);
    expect(scannedText(burst, enterAtMs)).toBe(rmaNumber);
  });

  it('keeps the whole code when one key comes slowly, as on a loaded machine', () => {
    // The receiving desk's bug: a 40 ms gap after "RMA" used to restart the scan at "-JKT1…".
    const gaps = [5, 5, 40, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    const { burst, enterAtMs } = typed(rmaNumber, gaps);
    expect(scannedText(burst, enterAtMs)).toBe(rmaNumber);
  });

  it('tolerates a few gaps of up to 200 ms, as a Bluetooth scanner leaves', () => {
    const gaps = [10, 180, 10, 10, 10, 190, 10, 10, 10, 10, 150, 10, 10, 10];
    const { burst, enterAtMs } = typed(rmaNumber, gaps);
    expect(scannedText(burst, enterAtMs)).toBe(rmaNumber);
  });

  it('reads keys with random gaps of 0 to 80 ms as a scan of the whole code', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 14, maxLength: 14 }),
        (gaps) => {
          const { burst, enterAtMs } = typed(rmaNumber, gaps, gaps[0]);
          expect(scannedText(burst, enterAtMs)).toBe(rmaNumber);
        },
      ),
      { seed: 9, numRuns: 500 },
    );
  });

  it.each([80, 120, 250])('takes steady typing at %i ms a key for a person', (gapMs) => {
    const { burst, enterAtMs } = typed(rmaNumber, [gapMs], gapMs);
    expect(scannedText(burst, enterAtMs)).toBeUndefined();
  });

  it('takes a fast typist, quick on some pairs of keys and slower on others, for a person', () => {
    const { burst, enterAtMs } = typed('the screen is dark', [45, 110, 130, 60, 140, 95, 120], 110);
    expect(scannedText(burst, enterAtMs)).toBeUndefined();
  });

  it('needs at least the minimum length', () => {
    const code = 'AB-12';
    expect(code.length).toBeLessThan(scannerTiming.minimumLength);
    const { burst, enterAtMs } = typed(code, [3]);
    expect(scannedText(burst, enterAtMs)).toBeUndefined();
  });

  it('does not take an Enter that came long after the last key', () => {
    const { burst, enterAtMs } = typed(rmaNumber, [4], scannerTiming.longestGapMs + 1);
    expect(scannedText(burst, enterAtMs)).toBeUndefined();
  });
});

describe('extendBurst', () => {
  it('starts a new burst after a gap no scanner leaves', () => {
    const first = extendBurst([], { key: 'A', atMs: 0 });
    const second = extendBurst(first, { key: 'B', atMs: scannerTiming.longestGapMs + 1 });
    expect(second.map((keystroke) => keystroke.key)).toEqual(['B']);
  });
});

describe('scannedCode', () => {
  it('takes the focused field’s value when the scan caught only its tail', () => {
    expect(scannedCode('-JKT1-000002', 'RMA-JKT1-000002')).toBe('RMA-JKT1-000002');
  });

  it('keeps the scan when the keys did not reach the field', () => {
    expect(scannedCode('SN-W0001', 'RMA-JKT1-000001')).toBe('SN-W0001');
    expect(scannedCode('SN-W0001', '')).toBe('SN-W0001');
  });

  it('keeps the scan where no text field has the focus', () => {
    expect(scannedCode(rmaNumber, undefined)).toBe(rmaNumber);
  });
});
