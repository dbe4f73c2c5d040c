import { v7 as uuidv7 } from 'uuid';
import type { IsoDate, IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { Quote, QuoteLine } from '#shared/domain/quote';
import { canEditQuote, latestQuote, reviseQuote } from '#shared/domain/quote';
import { checkQuoteRevisable } from '#shared/sync/rules';
import type { StoredQuote, StoredQuoteLine, SyncFields } from '../records';
import { isLive } from '../records';
import { quoteDefinition, quoteLineDefinition } from './definitions';
import { RecordRepository } from './recordRepository';
import type { RepositoryResult } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { refuseBrokenRule } from './syncRuleRefusal';
import { writeScope } from './repositoryWriter';
import type { WriteSession } from './writeSession';

/** The customer's answer to a sent quote, in the technician's words, and when they gave it. */
export type QuoteAnswer = {
  readonly status: 'approved' | 'declined';
  readonly customerAnswer: string;
  readonly answeredAt: IsoDateTime;
};

/** Sending and revising a quote read and copy its lines. */
const quoteTables = writeScope([quoteDefinition, quoteLineDefinition]);

/**
 * Quote revisions: a draft is edited like any record; {@link send} locks it (the definition's
 * check refuses any later change but the answer), {@link answer} records the customer's reply,
 * and {@link revise} copies a locked revision and its lines into the next draft, in one
 * transaction so a revision never lands without its lines.
 */
export class QuoteRepository extends RecordRepository<Quote, StoredQuote> {
  constructor(writer: RepositoryWriter) {
    super(writer, quoteDefinition);
  }

  /** Sends a draft: it gets its `sentAt` and never changes again. Refuses a quote with no lines. */
  async send(id: RecordId, context: WriteContext): Promise<RepositoryResult<StoredQuote>> {
    return this.writer.write(context, quoteTables, async (session) => {
      const quote = await session.findLive(quoteDefinition, id);
      if (!canEditQuote(quote)) {
        session.refuse({
          code: 'quote-not-editable',
          field: 'status',
          message: `Quote revision ${quote.revision} was already ${quote.status}.`,
        });
      }
      if ((await linesOf(session, id)).length === 0) {
        session.refuse({
          code: 'invalid-input',
          field: 'lines',
          message: 'lines: add at least one line before sending the quote.',
        });
      }
      const next = session.parse(quoteDefinition, { ...quote, status: 'sent', sentAt: session.at });
      return session.replace(quoteDefinition, quote, next);
    });
  }

  /** Records the customer's answer to a sent quote. */
  async answer(
    id: RecordId,
    answer: QuoteAnswer,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredQuote>> {
    return this.writer.write(context, quoteTables, async (session) => {
      const quote = await session.findLive(quoteDefinition, id);
      if (quote.status !== 'sent') {
        session.refuse({
          code: 'quote-not-editable',
          field: 'status',
          message: `Quote revision ${quote.revision} is ${quote.status}: only a sent quote takes the customer’s answer.`,
        });
      }
      if (quote.sentAt !== undefined && answer.answeredAt < quote.sentAt.slice(0, 10)) {
        session.refuse({
          code: 'invalid-input',
          field: 'answeredAt',
          message: 'answeredAt: the customer cannot have answered before the quote was sent.',
        });
      }
      const next = session.parse(quoteDefinition, { ...quote, ...answer });
      return session.replace(quoteDefinition, quote, next);
    });
  }

  /** Makes the next draft revision of the claim's latest quote, which must no longer be a draft. */
  async revise(
    id: RecordId,
    validUntil: IsoDate,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredQuote>> {
    return this.writer.write(context, quoteTables, async (session) => {
      const quote = await session.findLive(quoteDefinition, id);
      const revisions = await session
        .table<StoredQuote>('quotes')
        .where('claimId')
        .equals(quote.claimId)
        .filter(isLive)
        .toArray();
      refuseBrokenRule(session, checkQuoteRevisable(quote, latestQuote(revisions)));
      const lines: QuoteLine[] = (await linesOf(session, id)).map(withoutSyncFields);
      const revised = reviseQuote(
        { quote: withoutSyncFields(quote), lines },
        { newId: uuidv7, validUntil },
      );
      if (!revised.ok) {
        return session.refuse({
          code: 'invalid-input',
          field: 'status',
          message: revised.error.message,
        });
      }
      const stored = await session.insert(
        quoteDefinition,
        session.parse(quoteDefinition, revised.value.quote),
      );
      for (const line of revised.value.lines) {
        await session.insert(quoteLineDefinition, session.parse(quoteLineDefinition, line));
      }
      return stored;
    });
  }
}

function linesOf(session: WriteSession, quoteId: RecordId): Promise<StoredQuoteLine[]> {
  return session
    .table<StoredQuoteLine>('quoteLines')
    .where('quoteId')
    .equals(quoteId)
    .filter(isLive)
    .toArray();
}

/** The domain record of a stored row: what `reviseQuote` copies, without stamps or tombstones. */
function withoutSyncFields<Row extends object>(row: Row & SyncFields): Row {
  const {
    stamps: _stamps,
    deletedAt: _deletedAt,
    updatedBy: _updatedBy,
    station: _station,
    ...record
  } = row;
  return record as unknown as Row;
}
