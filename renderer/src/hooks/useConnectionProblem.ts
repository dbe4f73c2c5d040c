import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionProblem } from '../core';
import { useStationCore } from '../core';

/** Why this window cannot use the station's database (another window), kept current. */
export function useConnectionProblem(): ConnectionProblem | undefined {
  const { connection } = useStationCore();
  const subscribe = useCallback(
    (listener: () => void) => connection.subscribe(listener),
    [connection],
  );
  return useSyncExternalStore(subscribe, connection.problem);
}
