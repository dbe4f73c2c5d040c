import { useCallback } from 'react';
import type { RepositoryError } from '../core';
import { useStationCore } from '../core';
import { centerSettingsFromForm, type CenterFormValues } from '../setup/centerForm';

/** Saves the Settings form: the station's details as first run chose them, changed. */
export function useStationSettingsUpdate(): (
  values: CenterFormValues,
) => Promise<RepositoryError | undefined> {
  const { commands } = useStationCore();
  return useCallback(
    async (values) => {
      const result = await commands.station.updateSettings(centerSettingsFromForm(values));
      return result.ok ? undefined : result.error;
    },
    [commands],
  );
}
