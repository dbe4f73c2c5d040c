import { useCallback, useState } from 'react';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import type { RepositoryError } from '../core';
import { useStationCore } from '../core';
import { useWriteContext } from './useWriteContext';

/** The most claims one bulk change moves: each is its own checked write, and a person reads the report. */
export const maxBulkClaims = 500;

/** What became of one claim of a bulk change. */
export type BulkOutcome =
  | { readonly id: RecordId; readonly rmaNumber: string; readonly ok: true }
  | {
      readonly id: RecordId;
      readonly rmaNumber: string;
      readonly ok: false;
      readonly error: RepositoryError;
      readonly clauses: readonly string[];
    };

/** Where a bulk change stands: not started, moving claim `done` of `count`, or finished. */
export type BulkProgress =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly count: number }
  | { readonly kind: 'finished'; readonly outcomes: readonly BulkOutcome[] };

/**
 * Moves claims to a status one by one through `ClaimRepository.transition`, so each is checked by
 * the workflow's guards and lands whole or not at all; reports every claim's outcome, refusals
 * with their reason and clauses. Unavailable (undefined `run`) while nobody is at the bench.
 */
export function useBulkStatusChange(): {
  readonly progress: BulkProgress;
  readonly run: ((claimIds: readonly RecordId[], to: ClaimStatus) => Promise<void>) | undefined;
  readonly reset: () => void;
} {
  const context = useWriteContext();
  const { commands, queries } = useStationCore();
  const [progress, setProgress] = useState<BulkProgress>({ kind: 'idle' });
  const run = useCallback(
    async (claimIds: readonly RecordId[], to: ClaimStatus) => {
      if (context === undefined) return;
      const outcomes: BulkOutcome[] = [];
      setProgress({ kind: 'running', done: 0, count: claimIds.length });
      for (const [index, id] of claimIds.entries()) {
        const [label] = await queries.claimLabels([id]);
        const rmaNumber = label?.rmaNumber ?? id;
        const result = await commands.claims.transition(id, to, context);
        outcomes.push(
          result.ok
            ? { id, rmaNumber, ok: true }
            : {
                id,
                rmaNumber,
                ok: false,
                error: result.error,
                clauses: result.error.clauses ?? [],
              },
        );
        setProgress({ kind: 'running', done: index + 1, count: claimIds.length });
      }
      setProgress({ kind: 'finished', outcomes });
    },
    [commands, context, queries],
  );
  const reset = useCallback(() => setProgress({ kind: 'idle' }), []);
  return { progress, run: context === undefined ? undefined : run, reset };
}
