import { z } from 'zod';
import { documentRequestSchema, type DocumentRequestInput } from '#shared/documents';
import { maxBatchJobs } from '#shared/ipc/contract';
import { renderInWorker, type WorkerRenderResult } from './renderInWorker';

const batchSchema = z
  .array(documentRequestSchema)
  .min(1, { error: 'expected at least one document' })
  .max(maxBatchJobs, { error: `a batch holds at most ${maxBatchJobs} documents` });

/**
 * Draws a batch of documents into ONE PDF in the document worker (the browser build's batch:
 * labels at 4×6 in, slips on A4 or Letter, each page its own size), checked against the same
 * schema as a print request first, since the worker trusts what it is sent.
 */
export async function renderBatchPdf(
  jobs: readonly DocumentRequestInput[],
): Promise<WorkerRenderResult> {
  const parsed = batchSchema.safeParse(jobs);
  if (!parsed.success) return { ok: false, invalid: true, message: z.prettifyError(parsed.error) };
  return renderInWorker(parsed.data);
}
