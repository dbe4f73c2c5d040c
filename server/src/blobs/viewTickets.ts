import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { mediaTypeSchema } from '#shared/domain/evidence';
import type { BlobTicketResponse } from '#shared/sync/protocol';
import { blobViewRoute, syncApiPrefix, viewTicketParameter } from '#shared/sync/protocol';
import { SyncError } from '../errors';
import type { Device } from '../identity';
import type { Queryable } from '../storage/database';
import { sqlColumnOf, syncTableColumns } from '../storage/syncColumns';

/**
 * Viewing tickets: a short-lived URL a `<video>` plays a blob from, since it cannot send the
 * device token. A ticket names the device, the blob's media type and when it expires, signed
 * (HMAC-SHA-256) with the device's stored token hash: every server process on the database checks
 * it with no secret of its own, and a revoked or re-enrolled station's tickets stop at once. The
 * blob is in the signed text, so a ticket opens its own blob only.
 */

/** How long a ticket plays: long enough to watch a repair video, short enough to leak little. */
export const viewTicketLifetimeMs = 10 * 60_000;

/** What a ticket carries, readable by anyone holding it (ids and a media type, nothing private). */
const ticketClaimsSchema = z.tuple([z.string().min(1).max(100), z.int().min(0), mediaTypeSchema]);

/** What the view route needs of a ticket it accepted. */
export type AcceptedTicket = { readonly deviceId: string; readonly mediaType: string };

export type ViewTickets = {
  /** A ticket for `device` to view `sha256`, which a live evidence record of its center names. */
  readonly issue: (device: Device, sha256: string) => Promise<BlobTicketResponse>;
  /** The ticket's device and media type, or a refusal (wrong, another blob's, expired, revoked). */
  readonly check: (sha256: string, ticket: string) => Promise<AcceptedTicket>;
};

function signature(key: string, sha256: string, claims: string): Buffer {
  return createHmac('sha256', key).update(`fixline-view-ticket:${sha256}:${claims}`).digest();
}

function invalidTicket(why: string): SyncError {
  return new SyncError('view-ticket-invalid', `This viewing ticket ${why}: ask for a new one.`);
}

const evidence = syncTableColumns.evidence;
const mediaTypeSql = `SELECT ${sqlColumnOf('evidence', 'mediaType')} AS media_type FROM ${evidence.sqlTable} WHERE space_id = $1 AND ${sqlColumnOf('evidence', 'sha256')} = $2 AND ${sqlColumnOf('evidence', 'deletedAt')} IS NULL LIMIT 1`;

export function createViewTickets(database: Queryable, now: () => number = Date.now): ViewTickets {
  const deviceKey = async (deviceId: string) => {
    const [row] = await database.query<{ token_hash: string; revoked_at: unknown }>(
      'SELECT token_hash, revoked_at FROM enrolled_devices WHERE id = $1',
      [deviceId],
    );
    return row;
  };
  return {
    issue: async (device, sha256) => {
      const [named] = await database.query<{ media_type: string | null }>(mediaTypeSql, [
        device.spaceId,
        sha256,
      ]);
      const mediaType = mediaTypeSchema.safeParse(named?.media_type);
      if (!mediaType.success) {
        throw new SyncError(
          'blob-not-found',
          `No evidence of this center names blob ${sha256}: there is nothing to view.`,
        );
      }
      const key = await deviceKey(device.id);
      if (key === undefined) throw new Error('an authenticated device has no row');
      const expiresAtMs = now() + viewTicketLifetimeMs;
      const claims = Buffer.from(JSON.stringify([device.id, expiresAtMs, mediaType.data])).toString(
        'base64url',
      );
      const ticket = `${claims}.${signature(key.token_hash, sha256, claims).toString('base64url')}`;
      const route = blobViewRoute.replace(':sha256', sha256);
      return {
        path: `${syncApiPrefix}${route}?${viewTicketParameter}=${ticket}`,
        expiresAt: new Date(expiresAtMs).toISOString(),
        expiresInSeconds: viewTicketLifetimeMs / 1_000,
      };
    },
    check: async (sha256, ticket) => {
      const [claims = '', signed = '', ...rest] = ticket.split('.');
      let parsed: z.infer<typeof ticketClaimsSchema> | undefined;
      try {
        parsed = ticketClaimsSchema.safeParse(
          JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')),
        ).data;
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined || rest.length > 0)
        throw invalidTicket('is not one this server made');
      const [deviceId, expiresAtMs, mediaType] = parsed;
      const key = await deviceKey(deviceId);
      const expected = key === undefined ? undefined : signature(key.token_hash, sha256, claims);
      const given = Buffer.from(signed, 'base64url');
      if (
        key === undefined ||
        expected === undefined ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        throw invalidTicket('is not one this server made for this file');
      }
      if (key.revoked_at !== null) {
        throw new SyncError(
          'device-revoked',
          'The center revoked the station this viewing ticket was made for.',
        );
      }
      if (expiresAtMs <= now()) throw invalidTicket('has expired');
      return { deviceId, mediaType };
    },
  };
}
