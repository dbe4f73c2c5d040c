import { expect, it } from 'vitest';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { Mutation, PushResponse, RowChange, SyncRow } from '#shared/sync/protocol';
import { pullResponseSchema, pushResponseSchema } from '#shared/sync/protocol';
import { money } from '#shared/domain/primitives';
import type { Part } from '#shared/domain/part';
import { makeClaim, makeNote, makeQuote, makeQuoteLine, nextId } from '../factories/domain';
import type { Answer, Station } from './serverHarness';
import { describeEachDatabase, insertChange } from './serverHarness';

function pushed(answer: Answer): PushResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body);
}

function makePart(overrides: Partial<Part> = {}): Part {
  return {
    id: nextId(),
    sku: 'KT3-LCD',
    name: 'KOSPET Tank T3 display',
    unitPrice: money(4_500, 'USD'),
    compatibleModels: ['KOSPET Tank T3'],
    ...overrides,
  };
}

/** A station that pushes one mutation at a time and says what became of it. */
class Pusher {
  readonly clock: HybridLogicalClock;
  constructor(readonly station: Station) {
    this.clock = new HybridLogicalClock(station.stationCode);
  }

  stamp(): Hlc {
    return this.clock.tick(Date.now());
  }

  insert(table: RowChange['table'], record: { readonly id: string }): RowChange {
    return insertChange(table, record, this.stamp());
  }

  edit(
    table: RowChange['table'],
    id: string,
    set: RowChange['set'],
    base: Hlc,
    unset: string[] = [],
  ): RowChange {
    const fields = [...Object.keys(set), ...unset];
    return {
      table,
      id,
      set,
      unset,
      stamp: this.stamp(),
      base: Object.fromEntries(fields.map((field) => [field, base])),
    };
  }

  /** The outcome of one mutation of `changes`. */
  async push(changes: RowChange[], extra: Partial<Mutation> = {}) {
    const answer = pushed(
      await this.station.push([this.station.mutation(changes, this.clock, extra)]),
    );
    expect(answer.outcomes).toHaveLength(1);
    return answer.outcomes[0];
  }

  async rows(): Promise<SyncRow[]> {
    const answer = await this.station.pull({ cursor: null });
    expect(answer.status).toBe(200);
    return pullResponseSchema.parse(answer.body).rows;
  }

  async row(id: string): Promise<SyncRow | undefined> {
    return (await this.rows()).find((row) => row.id === id);
  }
}

const applied = { status: 'applied' };
const rejected = (code: string, more: Record<string, unknown> = {}) => ({
  status: 'rejected',
  rejection: { code, ...more },
});

describeEachDatabase('sync server: the station’s row rules', (server) => {
  async function pusher(): Promise<Pusher> {
    return new Pusher(await server().enroll('JKT1'));
  }

  it('refuses a change to a sent quote, and applies the customer’s answer', async () => {
    const jkt = await pusher();
    const quote = makeQuote({ status: 'sent', sentAt: '2026-06-01T03:00:00.000Z' });
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('quotes', quote, created)])).toMatchObject(applied);

    const repriced = jkt.edit('quotes', quote.id, { validUntil: '2026-07-01' }, created);
    expect(await jkt.push([repriced])).toMatchObject(
      rejected('quote-sent', { table: 'quotes', id: quote.id }),
    );
    const line = makeQuoteLine({ quoteId: quote.id });
    expect(await jkt.push([jkt.insert('quoteLines', line)])).toMatchObject(
      rejected('quote-sent', { table: 'quoteLines', id: line.id }),
    );
    expect((await jkt.row(quote.id))?.values.validUntil).toBe(quote.validUntil);

    const answer = jkt.edit(
      'quotes',
      quote.id,
      { status: 'approved', answeredAt: '2026-06-02T03:00:00.000Z' },
      created,
    );
    expect(await jkt.push([answer])).toMatchObject(applied);
    expect((await jkt.row(quote.id))?.values.status).toBe('approved');
  });

  it('applies a draft quote’s edits and lines', async () => {
    const jkt = await pusher();
    const quote = makeQuote();
    const created = jkt.stamp();
    const line = makeQuoteLine({ quoteId: quote.id });
    expect(
      await jkt.push([insertChange('quotes', quote, created), jkt.insert('quoteLines', line)]),
    ).toMatchObject(applied);
    const edited = jkt.edit('quotes', quote.id, { validUntil: '2026-07-01' }, created);
    expect(await jkt.push([edited])).toMatchObject(applied);
    expect((await jkt.row(quote.id))?.values.validUntil).toBe('2026-07-01');
    expect(await jkt.row(line.id)).toBeDefined();
  });

  it('refuses a second revision made from the same quote', async () => {
    const jkt = await pusher();
    const claimId = nextId();
    const sent = { status: 'sent' as const, sentAt: '2026-06-01T03:00:00.000Z' };
    const first = makeQuote({ claimId, revision: 1, ...sent });
    const second = makeQuote({ claimId, revision: 2 });
    const rival = makeQuote({ claimId, revision: 2 });
    expect(await jkt.push([jkt.insert('quotes', first)])).toMatchObject(applied);
    expect(await jkt.push([jkt.insert('quotes', second)])).toMatchObject(applied);
    expect(await jkt.push([jkt.insert('quotes', rival)])).toMatchObject(
      rejected('quote-not-latest', { id: rival.id }),
    );
  });

  it('lets only a note’s author change it', async () => {
    const jkt = await pusher();
    const note = makeNote();
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('notes', note, created)])).toMatchObject(applied);
    const otherTechnician = nextId();
    const theirs = jkt.edit('notes', note.id, { body: 'Not my words' }, created);
    expect(await jkt.push([theirs], { actor: otherTechnician })).toMatchObject(
      rejected('not-author', { table: 'notes', id: note.id }),
    );
    const deleted = jkt.edit('notes', note.id, { deletedAt: '2026-06-02T03:00:00.000Z' }, created);
    expect(await jkt.push([deleted], { actor: otherTechnician })).toMatchObject(
      rejected('not-author'),
    );
    expect((await jkt.row(note.id))?.values).toMatchObject({ body: note.body });

    const own = jkt.edit('notes', note.id, { body: 'Screen replaced' }, created);
    expect(await jkt.push([own], { actor: note.author })).toMatchObject(applied);
    expect((await jkt.row(note.id))?.values.body).toBe('Screen replaced');
  });

  it('refuses a second live part with a SKU another part holds', async () => {
    const jkt = await pusher();
    const display = makePart();
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('partsCatalog', display, created)])).toMatchObject(applied);
    const twin = makePart({ name: 'Another display' });
    expect(await jkt.push([jkt.insert('partsCatalog', twin)])).toMatchObject(
      rejected('sku-taken', { table: 'partsCatalog', id: twin.id, field: 'sku' }),
    );
    const battery = makePart({ sku: 'KT3-BAT', name: 'Battery' });
    expect(await jkt.push([jkt.insert('partsCatalog', battery)])).toMatchObject(applied);
    // Its own SKU is no clash: a part's other fields change freely.
    const renamed = jkt.edit('partsCatalog', display.id, { name: 'T3 display' }, created);
    expect(await jkt.push([renamed])).toMatchObject(applied);
    // A deleted part holds no SKU.
    const deleted = jkt.edit(
      'partsCatalog',
      display.id,
      { deletedAt: '2026-06-02T03:00:00.000Z' },
      created,
    );
    expect(await jkt.push([deleted])).toMatchObject(applied);
    expect(await jkt.push([jkt.insert('partsCatalog', twin)])).toMatchObject(applied);
    expect((await jkt.rows()).filter((row) => row.table === 'partsCatalog')).toHaveLength(3);
  });

  it('refuses a second claim with an RMA number another claim of the center has', async () => {
    const jkt = await pusher();
    const first = makeClaim({ rmaNumber: 'RMA-JKT1-000042' });
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('claims', first, created)])).toMatchObject(applied);
    // A station restored from an older backup counts from 41 again and takes a claim in.
    const again = makeClaim({ rmaNumber: 'RMA-JKT1-000042' });
    expect(await jkt.push([jkt.insert('claims', again)])).toMatchObject(
      rejected('rma-number-taken', { table: 'claims', id: again.id, field: 'rmaNumber' }),
    );
    expect((await jkt.row(again.id))?.values).not.toHaveProperty('rmaNumber');
    // Its own number is no clash: the claim's other fields change freely.
    const edited = jkt.edit('claims', first.id, { stepsTried: 'Charged it overnight.' }, created);
    expect(await jkt.push([edited])).toMatchObject(applied);
    // A deleted claim keeps its number: a printed label may still carry it.
    const deleted = jkt.edit(
      'claims',
      first.id,
      { deletedAt: '2026-06-02T03:00:00.000Z' },
      created,
    );
    expect(await jkt.push([deleted])).toMatchObject(applied);
    const third = makeClaim({ rmaNumber: 'RMA-JKT1-000042' });
    expect(await jkt.push([jkt.insert('claims', third)])).toMatchObject(
      rejected('rma-number-taken'),
    );
    const next = makeClaim({ rmaNumber: 'RMA-JKT1-000043' });
    expect(await jkt.push([jkt.insert('claims', next)])).toMatchObject(applied);
  });

  it('refuses a part that breaks the part schema', async () => {
    const jkt = await pusher();
    const noName = makePart({ name: '' });
    expect(await jkt.push([jkt.insert('partsCatalog', noName)])).toMatchObject(
      rejected('invalid-row', { table: 'partsCatalog', id: noName.id, field: 'name' }),
    );
    const negative = makePart({ unitPrice: money(-1, 'USD') });
    expect(await jkt.push([jkt.insert('partsCatalog', negative)])).toMatchObject(
      rejected('invalid-row', { field: 'unitPrice.amount' }),
    );
    const part = makePart();
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('partsCatalog', part, created)])).toMatchObject(applied);
    const unpriced = jkt.edit('partsCatalog', part.id, {}, created, ['unitPrice']);
    expect(await jkt.push([unpriced])).toMatchObject(
      rejected('invalid-row', { field: 'unitPrice' }),
    );
    expect((await jkt.row(part.id))?.values.unitPrice).toEqual(part.unitPrice);
  });

  it('judges a status change from where the claim stands', async () => {
    const jkt = await pusher();
    const claim = makeClaim({ status: 'intake' });
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('claims', claim, created)])).toMatchObject(applied);
    const move = (from: 'intake' | 'awaiting-authorization', to: typeof claim.status) =>
      jkt.push([jkt.edit('claims', claim.id, { status: to }, created)], {
        intent: { kind: 'transition', claimId: claim.id, from, to },
      });
    expect(await move('intake', 'inspected')).toMatchObject(
      rejected('transition-not-allowed', { table: 'claims', id: claim.id, field: 'status' }),
    );
    expect(await move('intake', 'awaiting-authorization')).toMatchObject(applied);
    // Another station made the same move: nothing to refuse.
    expect(await move('intake', 'awaiting-authorization')).toMatchObject(applied);
    expect(await move('awaiting-authorization', 'cancelled')).toMatchObject(applied);
    expect(await move('awaiting-authorization', 'intake')).toMatchObject(
      rejected('transition-not-allowed'),
    );
    expect((await jkt.row(claim.id))?.values.status).toBe('cancelled');
  });

  it('takes a late edit to a row it refused, which stays deleted', async () => {
    const jkt = await pusher();
    const note = { ...makeNote(), body: '' };
    const created = jkt.stamp();
    expect(await jkt.push([insertChange('notes', note, created)])).toMatchObject(
      rejected('invalid-row'),
    );
    const late = jkt.edit('notes', note.id, { body: 'Fixed' }, created);
    expect(await jkt.push([late])).toMatchObject(applied);
    expect((await jkt.row(note.id))?.values.deletedAt).toEqual(expect.any(String));
    const undelete = jkt.edit('notes', note.id, {}, created, ['deletedAt']);
    expect(await jkt.push([undelete])).toMatchObject(rejected('invalid-row'));
  });
});
