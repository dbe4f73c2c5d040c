import { useCallback } from 'react';
import { appDatabase } from '../db/appDatabase';
import type { Technician } from '../db/records';
import { createRepositories } from '../db/repositories';
import { isTechnicianPin } from '../station/technicianPin';

/** What a switch of technician came to. */
export type BenchSwitchOutcome = 'switched' | 'wrong-pin' | 'refused';

/** Puts a technician at the bench once their PIN checks out. */
export function useBenchSwitch(): (
  technician: Technician,
  pin: string,
) => Promise<BenchSwitchOutcome> {
  return useCallback(async (technician, pin) => {
    if (!(await isTechnicianPin(technician, pin))) return 'wrong-pin';
    const result = await createRepositories(appDatabase()).station.setBenchTechnician(
      technician.id,
    );
    return result.ok ? 'switched' : 'refused';
  }, []);
}
