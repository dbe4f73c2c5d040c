import { z } from 'zod';
import { boundedText, isoDateTimeSchema, recordIdSchema } from './primitives';

/**
 * A free-text note on a claim, by a technician (`author` is the technician's id). Notes are never
 * edited in place by someone else: each is its own row, so concurrent notes never overwrite
 * each other. `body` is at most 10,000 characters.
 */
export const noteSchema = z.object({
  id: recordIdSchema,
  claimId: recordIdSchema,
  body: boundedText('note', { multiline: true }),
  author: recordIdSchema,
  at: isoDateTimeSchema,
});
export type Note = z.infer<typeof noteSchema>;
