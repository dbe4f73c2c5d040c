import { rebuildClaimCounts } from '../claimCounts';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 11: the queue's counts also count each day's live claims, for no filter and each
 * condition alone (`all@2026-11-04`, `status:received@2026-11-04`), so a jump deep into the
 * queue finds the day its row falls on and walks that day's index entries only. No table or
 * index changes; the upgrade counts the claims again.
 */
export const schemaVersion11 = {
  version: 11,
  stores: {},
  upgrade: rebuildClaimCounts,
} satisfies SchemaVersion;
