import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { EnrollRequest, EnrollResponse } from '#shared/sync/protocol';
import { SyncError } from './errors';
import { newRecordId } from './ids';
import type { Database, Queryable } from './storage/database';
import { errorCodeOf, toNumber } from './storage/database';

/** The center's space: its id (the center id), version counter and tombstone horizon. */
export type Space = {
  readonly id: string;
  readonly version: number;
  readonly horizon: number;
  /** Renewed by a restore: versions of another history are not this one's. */
  readonly history: string;
};

export async function readSpace(queryable: Queryable): Promise<Space> {
  const [space] = await queryable.query<{
    id: string;
    version: unknown;
    horizon: unknown;
    history: string;
  }>('SELECT id, version, horizon, history FROM space ORDER BY created_at LIMIT 1');
  if (space === undefined) throw new Error('the database has no space: run the migrations');
  return {
    id: space.id,
    version: toNumber(space.version),
    horizon: toNumber(space.horizon),
    history: space.history,
  };
}

/**
 * Starts a new history of the center after its database was restored from a backup, in one
 * statement: the history the backup was of is recorded as continued up to the restored version
 * (see {@link continuesHistory}), earlier continued histories no further than it, and the space
 * gets a new history for the versions it hands out from now on.
 */
export async function startNewHistory(queryable: Queryable): Promise<void> {
  await queryable.query(
    `WITH earlier AS (
       UPDATE continued_histories continued SET until_version = LEAST(continued.until_version, space.version)
       FROM space WHERE continued.space_id = space.id
     ), continued AS (
       INSERT INTO continued_histories (space_id, history, until_version)
       SELECT id, history, version FROM space
     )
     UPDATE space SET history = gen_random_uuid()::text`,
  );
}

/**
 * Whether a pull cursor of another `history` than the space's goes on in it: that history was
 * restored from a backup holding its versions up to at least the cursor's, the very rows the
 * station pulled.
 */
export async function continuesHistory(
  queryable: Queryable,
  spaceId: string,
  cursor: { readonly history: string; readonly version: number },
): Promise<boolean> {
  const rows = await queryable.query(
    'SELECT 1 FROM continued_histories WHERE space_id = $1 AND history = $2 AND until_version >= $3',
    [spaceId, cursor.history, cursor.version],
  );
  return rows.length > 0;
}

/** How long a pairing code can be used after it is made. */
export const pairingCodeLifetimeMs = 15 * 60_000;

// Crockford's base 32: no I, L, O or U to misread.
const pairingAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A pairing code as typed: upper case, without the dash or spaces. */
function normalizedPairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Makes a one-time pairing code (`ABCD-EFGH`, 40 random bits) valid for
 * {@link pairingCodeLifetimeMs}; the database keeps only its hash.
 */
export async function createPairingCode(
  database: Database,
  now: Date = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const characters = Array.from({ length: 8 }, () => pairingAlphabet[randomInt(32)]).join('');
  const code = `${characters.slice(0, 4)}-${characters.slice(4)}`;
  const expiresAt = new Date(now.getTime() + pairingCodeLifetimeMs);
  const space = await readSpace(database);
  await database.query(
    'INSERT INTO pairing_codes (code_hash, space_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256Hex(normalizedPairingCode(code)), space.id, now.toISOString(), expiresAt.toISOString()],
  );
  return { code, expiresAt };
}

/** An enrolled station, as a request's token identifies it. */
export type Device = {
  readonly id: string;
  readonly spaceId: string;
  readonly stationCode: string;
};

/**
 * Enrolls a station: uses up the pairing code, refuses a station code an active device holds and
 * a client id another device holds, and answers a new device token (kept only as its hash).
 */
export async function enroll(
  database: Database,
  request: EnrollRequest,
  now: Date = new Date(),
): Promise<EnrollResponse> {
  const token = randomBytes(32).toString('base64url');
  const deviceId = newRecordId();
  try {
    return await database.transaction(async (transaction) => {
      const space = await readSpace(transaction);
      const used = await transaction.query(
        'UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code_hash',
        [sha256Hex(normalizedPairingCode(request.pairingCode)), now.toISOString()],
      );
      if (used.length === 0) {
        throw new SyncError(
          'pairing-code-invalid',
          'This pairing code is wrong, used or expired: ask for a new one (npm run server -- pairing-code).',
        );
      }
      const taken = await transaction.query(
        'SELECT id FROM enrolled_devices WHERE space_id = $1 AND station_code = $2 AND revoked_at IS NULL',
        [space.id, request.stationCode],
      );
      if (taken.length > 0) throw stationCodeTaken(request.stationCode);
      const [holder] = await transaction.query<{ device_id: string }>(
        'SELECT device_id FROM clients WHERE id = $1',
        [request.clientId],
      );
      if (holder !== undefined) {
        throw new SyncError(
          'client-mismatch',
          'This local database is already enrolled as another device: leave the server first, or enroll from a restored copy.',
        );
      }
      await transaction.query(
        'INSERT INTO enrolled_devices (id, space_id, station_code, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5)',
        [deviceId, space.id, request.stationCode, sha256Hex(token), now.toISOString()],
      );
      await transaction.query('INSERT INTO clients (id, device_id) VALUES ($1, $2)', [
        request.clientId,
        deviceId,
      ]);
      return { deviceId, deviceToken: token, centerId: space.id, version: space.version };
    });
  } catch (error) {
    // The unique index on active station codes: a concurrent enrollment took it, or one before.
    if (errorCodeOf(error) === '23505' && String(error).includes('station_code')) {
      throw stationCodeTaken(request.stationCode);
    }
    throw error;
  }
}

function stationCodeTaken(stationCode: string): SyncError {
  return new SyncError(
    'station-code-taken',
    `Station code ${stationCode} is already used by an enrolled station of this center: choose another code, or revoke the old station (npm run server -- devices revoke <id>).`,
    { stationCode },
  );
}

/** The device a bearer token belongs to; refuses an unknown or revoked one. */
export async function authenticate(
  queryable: Queryable,
  authorization: string | undefined,
): Promise<Device> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) {
    throw new SyncError(
      'device-unknown',
      'This request has no device token (authorization: Bearer <token>): enroll the station first.',
    );
  }
  const [device] = await queryable.query<{
    id: string;
    space_id: string;
    station_code: string;
    revoked_at: unknown;
  }>('SELECT id, space_id, station_code, revoked_at FROM enrolled_devices WHERE token_hash = $1', [
    sha256Hex(token),
  ]);
  if (device === undefined) {
    throw new SyncError(
      'device-unknown',
      'This server does not know the station’s device token: enroll the station again.',
    );
  }
  if (device.revoked_at !== null) {
    throw new SyncError(
      'device-revoked',
      'The center revoked this station’s access to the sync server: enroll it again with a new pairing code.',
    );
  }
  return { id: device.id, spaceId: device.space_id, stationCode: device.station_code };
}

/**
 * The client's last applied mutation id, making the client on first use by its device (a
 * restored backup is a new client of the same device). Refuses a client of another device.
 * With `lock`, the client row stays locked to the end of the transaction (one push at a time).
 */
export async function clientLastMutationId(
  queryable: Queryable,
  device: Device,
  clientId: string,
  lock: boolean,
): Promise<number> {
  await queryable.query(
    'INSERT INTO clients (id, device_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
    [clientId, device.id],
  );
  const [client] = await queryable.query<{ device_id: string; last_mutation_id: unknown }>(
    `SELECT device_id, last_mutation_id FROM clients WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [clientId],
  );
  if (client === undefined || client.device_id !== device.id) {
    throw new SyncError(
      'client-mismatch',
      'This client id belongs to another station of the center: the local database must get a new client id.',
    );
  }
  return toNumber(client.last_mutation_id);
}

export type DeviceListing = {
  readonly id: string;
  readonly stationCode: string;
  readonly enrolledAt: Date;
  readonly lastSeenAt: Date | null;
  readonly revokedAt: Date | null;
};

export async function listDevices(queryable: Queryable): Promise<DeviceListing[]> {
  const rows = await queryable.query<{
    id: string;
    station_code: string;
    enrolled_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
  }>(
    'SELECT id, station_code, enrolled_at, last_seen_at, revoked_at FROM enrolled_devices ORDER BY enrolled_at',
  );
  return rows.map((row) => ({
    id: row.id,
    stationCode: row.station_code,
    enrolledAt: new Date(row.enrolled_at),
    lastSeenAt: row.last_seen_at === null ? null : new Date(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  }));
}

/** Revokes a device: its token stops working at once. False when no active device has the id. */
export async function revokeDevice(
  queryable: Queryable,
  deviceId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const revoked = await queryable.query(
    'UPDATE enrolled_devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId, now.toISOString()],
  );
  return revoked.length > 0;
}
