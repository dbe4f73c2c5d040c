import type { SchemaVersion } from './schemaVersion';

/**
 * Version 10: evidence is indexed by its thumbnail's file (`thumbnailSha256`, named since
 * thumbnails sync as files of their own). The attachment queue lists after every sync which
 * files the records name; reading the index's keys instead of every evidence row keeps that
 * cheap at a station of 100,000 claims. Nothing to rewrite: IndexedDB builds the index.
 */
export const schemaVersion10 = {
  version: 10,
  stores: {
    evidence: 'id, claimId, sha256, thumbnailSha256',
  },
} satisfies SchemaVersion;
