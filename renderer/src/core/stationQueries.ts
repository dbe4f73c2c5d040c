import type { FixlineDatabase } from '../db/database';
import type { StoredAuditEvent, StoredDevice, StoredPart } from '../db/records';
import { isLive } from '../db/records';

/** A device already stored under the serial or IMEI typed, with how many claims it had. */
export type KnownDevice = { readonly device: StoredDevice; readonly claimCount: number };

/**
 * The stored device with `serial` (in the letter case typed, or upper case, as printed) or else
 * `imei`; undefined when there is none. Both are taken as typed: trim them first.
 */
export async function knownDevice(
  db: FixlineDatabase,
  serial: string,
  imei: string,
): Promise<KnownDevice | undefined> {
  let devices: StoredDevice[] = [];
  if (serial !== '') {
    const variants = [...new Set([serial, serial.toUpperCase()])];
    devices = (await db.devices.where('serial').anyOf(variants).toArray()).filter(isLive);
  }
  if (devices.length === 0 && imei !== '') {
    devices = (await db.devices.where('imei').equals(imei).toArray()).filter(isLive);
  }
  const device = devices[0];
  if (device === undefined) return undefined;
  const claimCount = await db.claims.where('deviceId').equals(device.id).filter(isLive).count();
  return { device, claimCount };
}

/** Every live part of the catalog, by SKU. */
export function partsCatalog(db: FixlineDatabase): Promise<StoredPart[]> {
  return db.partsCatalog
    .orderBy('sku')
    .filter((part) => part.deletedAt === undefined)
    .toArray();
}

/**
 * Every change of a part, oldest first: its own audit events (made in the Parts screen) and the
 * event of the import page that last wrote it (an import records one event per page of parts,
 * which the part names as `importEventId`).
 */
export async function partHistory(
  db: FixlineDatabase,
  partId: string,
): Promise<StoredAuditEvent[]> {
  const [part, own] = await Promise.all([
    db.partsCatalog.get(partId),
    db.auditEvents.where('[entity+entityId]').equals(['partsCatalog', partId]).toArray(),
  ]);
  const imported =
    part?.importEventId === undefined ? undefined : await db.auditEvents.get(part.importEventId);
  const events = imported === undefined ? own : [...own, imported];
  return events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
