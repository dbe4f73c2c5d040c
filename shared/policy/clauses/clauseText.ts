import { z } from 'zod';
import { languageSchema } from '../../domain/vocabulary';

/** An excerpt of the brand's published policy, word for word, in the language it was written in. */
export const clauseSourceSchema = z.object({
  language: languageSchema,
  text: z.string().min(1),
});

/**
 * The words behind one clause: `rule` is the catalog's statement of it (docs/policies/clause-catalog.md)
 * in English and Bahasa Indonesia; `source` quotes the brand's own text, in every language the
 * seed has it in, so a technician and the printed slip can show exactly what the brand wrote.
 */
export const clauseTextSchema = z.object({
  rule: z.object({ en: z.string().min(1), id: z.string().min(1) }),
  source: z.array(clauseSourceSchema).min(1),
});
export type ClauseText = z.infer<typeof clauseTextSchema>;

/** Clause id (A1, B13, C8 …) → its words. */
export const clauseCatalogSchema = z.record(z.string().regex(/^[A-Z]\d{1,2}$/), clauseTextSchema);
export type ClauseCatalog = z.infer<typeof clauseCatalogSchema>;
