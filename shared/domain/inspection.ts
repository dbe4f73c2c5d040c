import { z } from 'zod';
import { boundedText, isoDateTimeSchema, recordIdSchema } from './primitives';
import { misuseKindSchema } from './vocabulary';

/**
 * The technician's dead-on-arrival verdict: `doa` (it arrived damaged or not working, B2),
 * `not-doa` (B6), or `not-applicable` when the customer did not claim it arrived damaged.
 */
export const doaVerdictSchema = z.enum(['doa', 'not-doa', 'not-applicable']);
export type DoaVerdict = z.infer<typeof doaVerdictSchema>;

/**
 * What the inspection on arrival found (B15). Signs of misuse are rows of their own
 * ({@link misuseFindingSchema}). Invariants: a fault cannot be both confirmed and not found;
 * a `doa` verdict means the technician confirmed the fault (B5).
 */
export const inspectionSchema = z
  .object({
    id: recordIdSchema,
    claimId: recordIdSchema,
    faultConfirmed: z.boolean(),
    doaVerdict: doaVerdictSchema,
    /** Tested and no defect found (C7): not the same as "not yet tested". */
    noDefectFound: z.boolean(),
    inspectedAt: isoDateTimeSchema,
    inspectedBy: recordIdSchema,
  })
  .refine((inspection) => !(inspection.faultConfirmed && inspection.noDefectFound), {
    error: 'a confirmed fault and "no defect found" contradict each other: choose one',
    path: ['noDefectFound'],
  })
  .refine((inspection) => inspection.doaVerdict !== 'doa' || inspection.faultConfirmed, {
    error: 'a dead-on-arrival verdict needs a confirmed fault (B5)',
    path: ['doaVerdict'],
  });
export type Inspection = z.infer<typeof inspectionSchema>;

/**
 * One sign of misuse or damage found by an inspection (most void the warranty, B12, B13).
 * `evidenceIds` are the photos or videos that show it: a set written once with the finding, so
 * it may be an array; it holds no duplicates.
 */
export const misuseFindingSchema = z.object({
  id: recordIdSchema,
  inspectionId: recordIdSchema,
  kind: misuseKindSchema,
  note: boundedText('description', { multiline: true }).optional(),
  evidenceIds: z.array(recordIdSchema).refine((ids) => new Set(ids).size === ids.length, {
    error: 'expected each piece of evidence at most once',
  }),
});
export type MisuseFinding = z.infer<typeof misuseFindingSchema>;
