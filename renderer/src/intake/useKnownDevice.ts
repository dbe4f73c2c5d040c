import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '../db/appDatabase';
import type { StoredDevice } from '../db/records';
import { isLive } from '../db/records';

/** A device already stored under the serial or IMEI typed, with how many claims it had. */
export type KnownDevice = { readonly device: StoredDevice; readonly claimCount: number };

/**
 * The stored device with the serial (in the letter case typed, or upper case, as printed) or
 * the IMEI typed; undefined while there is none. Kept current as the fields change.
 */
export function useKnownDevice(serial: string, imei: string): KnownDevice | undefined {
  const typedSerial = serial.trim();
  const typedImei = imei.replace(/[\s-]/g, '');
  const found = useLiveQuery(async () => {
    const db = appDatabase();
    let devices: StoredDevice[] = [];
    if (typedSerial !== '') {
      const variants = [...new Set([typedSerial, typedSerial.toUpperCase()])];
      devices = (await db.devices.where('serial').anyOf(variants).toArray()).filter(isLive);
    }
    if (devices.length === 0 && typedImei !== '') {
      devices = (await db.devices.where('imei').equals(typedImei).toArray()).filter(isLive);
    }
    const device = devices[0];
    if (device === undefined) return null;
    const claimCount = await db.claims.where('deviceId').equals(device.id).filter(isLive).count();
    return { device, claimCount };
  }, [typedSerial, typedImei]);
  return found ?? undefined;
}
