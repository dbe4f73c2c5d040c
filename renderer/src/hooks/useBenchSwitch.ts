import { useCallback } from 'react';
import { appDatabase } from '../db/appDatabase';
import type { RepositoryResult, SignIn } from '../db/repositories';
import { createRepositories } from '../db/repositories';

/** Signs a person in at the bench (or unlocks the station) once their PIN checks out. */
export function useBenchSwitch(): (
  personId: string,
  pin: string,
) => Promise<RepositoryResult<SignIn>> {
  return useCallback(
    (personId, pin) => createRepositories(appDatabase()).station.signIn(personId, pin),
    [],
  );
}
