import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordId } from '#shared/domain/primitives';
import { appDatabase } from '../../db/appDatabase';
import type { StoredQuote, StoredQuoteLine } from '../../db/records';

/** Every revision of a claim's quote, oldest first, each with its live lines. */
export type ClaimQuotes = readonly {
  readonly quote: StoredQuote;
  readonly lines: readonly StoredQuoteLine[];
}[];

/** The quote revisions of a claim, kept current; undefined while loading. */
export function useClaimQuotes(claimId: RecordId): ClaimQuotes | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
    const quotes = await db.quotes
      .where('claimId')
      .equals(claimId)
      .filter((quote) => quote.deletedAt === undefined)
      .toArray();
    quotes.sort((a, b) => a.revision - b.revision);
    const lines = await db.quoteLines
      .where('quoteId')
      .anyOf(quotes.map((quote) => quote.id))
      .filter((line) => line.deletedAt === undefined)
      .toArray();
    // Lines in the order they were added: UUIDv7 ids sort by time.
    lines.sort((a, b) => a.id.localeCompare(b.id));
    return quotes.map((quote) => ({
      quote,
      lines: lines.filter((line) => line.quoteId === quote.id),
    }));
  }, [claimId]);
}
