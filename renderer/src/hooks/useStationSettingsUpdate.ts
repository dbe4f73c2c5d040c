import { useCallback } from 'react';
import { appDatabase } from '../db/appDatabase';
import { createRepositories } from '../db/repositories';
import type { RepositoryError } from '../db/repositories';
import { centerSettingsFromForm, type CenterFormValues } from '../setup/centerForm';

/** Saves the Settings form: the station's details as first run chose them, changed. */
export function useStationSettingsUpdate(): (
  values: CenterFormValues,
) => Promise<RepositoryError | undefined> {
  return useCallback(async (values) => {
    const result = await createRepositories(appDatabase()).station.updateSettings(
      centerSettingsFromForm(values),
    );
    return result.ok ? undefined : result.error;
  }, []);
}
