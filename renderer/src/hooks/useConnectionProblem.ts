import { useCallback, useSyncExternalStore } from 'react';
import { appDatabase } from '../db/appDatabase';
import type { ConnectionProblem } from '../db/database';

/** Why this window cannot use the station's database (another window), kept current. */
export function useConnectionProblem(): ConnectionProblem | undefined {
  const subscribe = useCallback(
    (listener: () => void) => appDatabase().onConnectionProblem(listener),
    [],
  );
  return useSyncExternalStore(subscribe, () => appDatabase().connectionProblem);
}
