import { z } from 'zod';
import { boundedText, nonNegativeMoneySchema, recordIdSchema } from './primitives';

/**
 * A part or service the center sells, with its list price; synced so every station quotes alike.
 * Two live parts never share a SKU (see `checkPartSkus` in shared/sync/rules).
 */
export const partSchema = z.object({
  id: recordIdSchema,
  sku: boundedText('code'),
  name: boundedText('line'),
  unitPrice: nonNegativeMoneySchema,
  /** The device models the part fits, as written on devices ("KOSPET Tank T3"); empty for any. */
  compatibleModels: z.array(boundedText('name')),
  /**
   * The audit event of the import page that last wrote the part: an import records one event per
   * page of parts rather than one per part, so this is how the part's history finds it.
   */
  importEventId: recordIdSchema.optional(),
});
export type Part = z.infer<typeof partSchema>;
