import { useCallback } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { RepositoryError, StationSetup } from '../core';
import { useStationCore } from '../core';
import { centerSettingsFromForm } from '../setup/centerForm';
import type { SetupFormValues } from '../setup/setupForm';
import { hashPin } from '../station/personPin';

/**
 * Sets the station up from the setup form: PINs become argon2id hashes here, before anything is
 * stored, and the first person is put at the bench.
 */
export function useStationSetup(): (
  values: SetupFormValues,
) => Promise<RepositoryError | undefined> {
  const { commands: repositories } = useStationCore();
  return useCallback(
    async (values) => {
      const technicians = await Promise.all(
        values.technicians.map(async (technician) => ({
          id: uuidv7(),
          name: technician.name.trim(),
          roles: technician.roles,
          pinHash: await hashPin(technician.pin),
        })),
      );
      const setup: StationSetup = {
        ...centerSettingsFromForm(values),
        stationCode: values.stationCode,
        technicians,
      };
      const result = await repositories.station.setUp(setup);
      if (!result.ok) return result.error;
      const [first] = technicians;
      if (first !== undefined) {
        const bench = await repositories.station.setBenchPerson(first.id);
        if (!bench.ok) return bench.error;
      }
      return undefined;
    },
    [repositories],
  );
}
