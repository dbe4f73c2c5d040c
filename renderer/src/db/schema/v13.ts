import { foldFilterCountRows } from '../claimCounts';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 13: the queue's counts keep every filter's total in one row (`filters`) instead of a
 * row each, so a write moves them with one read and one write: a pulled slice of a few hundred
 * claims touched a few hundred rows, 15% of a first pull's time. The days' rows stay as they are.
 * No table or index changes; the upgrade folds the totals' rows into the one.
 */
export const schemaVersion13 = {
  version: 13,
  stores: {},
  upgrade: foldFilterCountRows,
} satisfies SchemaVersion;
