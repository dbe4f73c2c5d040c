import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { scannerTiming } from '../hooks/scanBurst';

/**
 * Single-letter shortcuts that a barcode scanner cannot set off: a scanner types a whole code
 * in one burst, so each action waits the longest gap a scanner leaves and is dropped if another
 * key follows within it (a serial like "ne-0042" must not jump into the note field mid-scan).
 * Ignored inside inputs, as Mantine's `useHotkeys` does.
 */
export function useBenchHotkeys(
  shortcuts: readonly (readonly [key: string, action: () => void])[],
) {
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    const cancel = () => clearTimeout(pending.current);
    window.addEventListener('keydown', cancel, { capture: true });
    return () => {
      window.removeEventListener('keydown', cancel, { capture: true });
      cancel();
    };
  }, []);
  useHotkeys(
    shortcuts.map(([key, action]) => [
      key,
      () => {
        pending.current = setTimeout(action, scannerTiming.longestGapMs);
      },
    ]),
  );
}
