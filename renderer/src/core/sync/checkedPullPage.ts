import { z } from 'zod';
import type { PullResponse, SyncRow } from '#shared/sync/protocol';
import { pullResponseSchema, syncRowSchema } from '#shared/sync/protocol';
import { yieldToPage } from '../../db/sync/slicedApply';

/** Rows checked in one go: a few ms of the page's main thread at most. */
const rowsPerCheck = 100;

/** The answer without its rows, which are checked apart, a chunk at a time. */
const pullEnvelopeSchema = pullResponseSchema.extend({ rows: z.array(z.unknown()) });
const rowChunkSchema = z.array(syncRowSchema);

/**
 * A pull answer checked against `pullResponseSchema`, its rows a chunk at a time with the page's
 * other work let in between (see `yieldToPage`): checked in one go, a page of 1,000 rows held the
 * main thread for 25–75 ms on a 2-core machine while the page before it was being applied, and a
 * save at the bench waited behind it. `undefined` when the answer is not a valid one.
 */
export async function checkedPullPage(body: unknown): Promise<PullResponse | undefined> {
  const envelope = pullEnvelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const rows: SyncRow[] = [];
  for (let start = 0; start < envelope.data.rows.length; start += rowsPerCheck) {
    if (start > 0) await yieldToPage();
    const chunk = rowChunkSchema.safeParse(envelope.data.rows.slice(start, start + rowsPerCheck));
    if (!chunk.success) return undefined;
    rows.push(...chunk.data);
  }
  return { ...envelope.data, rows };
}
