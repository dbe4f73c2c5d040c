import type { KnownDevice } from '../core';
import { useCoreQuery } from '../core';

export type { KnownDevice } from '../core';

/**
 * The stored device with the serial (in the letter case typed, or upper case, as printed) or
 * the IMEI typed; undefined while there is none. Kept current as the fields change.
 */
export function useKnownDevice(serial: string, imei: string): KnownDevice | undefined {
  const typedSerial = serial.trim();
  const typedImei = imei.replace(/[\s-]/g, '');
  const found = useCoreQuery(
    async ({ queries }) => (await queries.knownDevice(typedSerial, typedImei)) ?? null,
    [typedSerial, typedImei],
  );
  return found ?? undefined;
}
