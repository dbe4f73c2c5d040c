import { useCallback } from 'react';
import type { RepositoryResult, SignIn } from '../core';
import { useStationCore } from '../core';

/** Signs a person in at the bench (or unlocks the station) once their PIN checks out. */
export function useBenchSwitch(): (
  personId: string,
  pin: string,
) => Promise<RepositoryResult<SignIn>> {
  const { commands } = useStationCore();
  return useCallback((personId, pin) => commands.station.signIn(personId, pin), [commands]);
}
