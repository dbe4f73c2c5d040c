import { nobodyId, rolesBeforeRoles } from '#shared/domain/person';
import type { RecordId } from '#shared/domain/primitives';
import type { Quote } from '#shared/domain/quote';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import { roleSchema } from '#shared/domain/roles';
import { deletedAtField } from '#shared/sync/merge';
import type { Mutation, Rejection, RowChange, SyncTable } from '#shared/sync/protocol';
import type { SyncRuleRejection } from '#shared/sync/rejections';
import { validateRowChange, validateSyncRow } from '#shared/sync/rowSchemas';
import type { RmaNumberHolder, RuleLookups, SkuHolder } from '#shared/sync/rules';
import { checkRowRules, checkTransitionIntent } from '#shared/sync/rules';
import type { Queryable } from '../storage/database';
import { toNumber } from '../storage/database';
import { sqlColumnOf, syncTableColumns } from '../storage/syncColumns';
import type { StoredRow } from '../storage/syncRows';
import { lockRow } from '../storage/syncRows';

/**
 * The station's row rules (shared/sync/rowSchemas and ./rules), run by the server on each pushed
 * change against the rows it holds, so a change one station took is judged where every
 * station's changes meet. Pushes of a space run one after another (the space row is locked), so
 * the lookups see every change applied before this one.
 */

const quotesTable = syncTableColumns.quotes.sqlTable;
const partsTable = syncTableColumns.partsCatalog.sqlTable;

/** The claim's latest live quote other than `$3`: the one a revision must follow. */
const latestQuoteSql = `SELECT id, ${sqlColumnOf('quotes', 'revision')} AS revision FROM ${quotesTable} WHERE space_id = $1 AND ${sqlColumnOf('quotes', 'claimId')} = $2 AND id <> $3 AND ${sqlColumnOf('quotes', deletedAtField)} IS NULL ORDER BY revision DESC LIMIT 1`;

/** A live part other than `$3` holding the SKU `$2`. */
const skuHolderSql = `SELECT id, ${sqlColumnOf('partsCatalog', 'sku')} AS sku, ${sqlColumnOf('partsCatalog', 'name')} AS name FROM ${partsTable} WHERE space_id = $1 AND ${sqlColumnOf('partsCatalog', 'sku')} = $2 AND id <> $3 AND ${sqlColumnOf('partsCatalog', deletedAtField)} IS NULL LIMIT 1`;

const claimsTable = syncTableColumns.claims.sqlTable;

/** A claim other than `$3`, live or deleted, holding the RMA number `$2`. */
const rmaNumberHolderSql = `SELECT id, ${sqlColumnOf('claims', 'rmaNumber')} AS "rmaNumber" FROM ${claimsTable} WHERE space_id = $1 AND ${sqlColumnOf('claims', 'rmaNumber')} = $2 AND id <> $3 LIMIT 1`;

/** The rows other rules look at, read from the space's tables. */
function serverRuleLookups(queryable: Queryable, spaceId: string): RuleLookups {
  return {
    async quote(quoteId: RecordId): Promise<Quote | undefined> {
      const stored = await lockRow(queryable, spaceId, 'quotes', quoteId);
      if (stored === undefined) return undefined;
      // A tombstone the server made of a refused quote holds no quote to judge by.
      const quote = validateSyncRow('quotes', stored.row.values);
      return quote.ok ? quote.value : undefined;
    },
    async latestQuote(claimId: RecordId, exceptId: RecordId) {
      const [latest] = await queryable.query<{ id: string; revision: unknown }>(latestQuoteSql, [
        spaceId,
        claimId,
        exceptId,
      ]);
      return latest === undefined
        ? undefined
        : { id: latest.id, revision: toNumber(latest.revision) };
    },
    async skuTaken(sku: string, exceptId: RecordId): Promise<SkuHolder | undefined> {
      const [holder] = await queryable.query<SkuHolder>(skuHolderSql, [spaceId, sku, exceptId]);
      return holder;
    },
    async rmaNumberTaken(rmaNumber: string, exceptId: RecordId) {
      const [holder] = await queryable.query<RmaNumberHolder>(rmaNumberHolderSql, [
        spaceId,
        rmaNumber,
        exceptId,
      ]);
      return holder;
    },
  };
}

/**
 * A row the server deleted when it refused the change that made it holds only its id and
 * `deletedAt`. A change to it sent before the station heard keeps it deleted (no change
 * undeletes), so its fields need not make a whole record, nor meet the rules of a live one.
 */
function isPartialTombstone(table: SyncTable, current: StoredRow | undefined): boolean {
  return (
    current !== undefined &&
    Object.hasOwn(current.row.values, deletedAtField) &&
    !validateSyncRow(table, current.row.values).ok
  );
}

/**
 * Judges one row change as the station does: the row it leaves meets its table's schema
 * (`validateRowChange`, merged by the stamps the server holds), and the rules that look at other
 * rows (`checkRowRules`). Undefined when the change may be applied.
 * @param current the row as the server holds it, locked; undefined for a new row.
 */
export async function checkRowChange(
  queryable: Queryable,
  spaceId: string,
  mutation: Mutation,
  change: RowChange,
  current: StoredRow | undefined,
): Promise<SyncRuleRejection | undefined> {
  const checked = validateRowChange(change.table, current?.row.values, change, current?.row.stamps);
  if (isPartialTombstone(change.table, current)) {
    const keepsTombstone =
      checked.ok ||
      (checked.error.code === 'invalid-row' &&
        checked.error.field !== deletedAtField &&
        checked.error.field !== 'id');
    return keepsTombstone ? undefined : checked.error;
  }
  if (!checked.ok) return checked.error;
  const ruled = await checkRowRules(
    change.table,
    current?.row.values,
    checked.value,
    mutation.actor,
    serverRuleLookups(queryable, spaceId),
  );
  return ruled.ok ? undefined : ruled.error;
}

/**
 * A claim's status change, judged from the status the server holds (another station may have
 * moved it since). Only the step itself is judged, as `checkTransitionIntent` does: a manager's
 * override records the same intent past the workflow's other guards, and the guards' records
 * may come in the same mutation.
 */
export async function checkIntent(
  queryable: Queryable,
  spaceId: string,
  mutation: Mutation,
): Promise<Rejection | undefined> {
  const intent = mutation.intent;
  if (intent?.kind !== 'transition') return undefined;
  const claim = await lockRow(queryable, spaceId, 'claims', intent.claimId);
  const status = claimStatusSchema.safeParse(claim?.row.values.status);
  if (!status.success) {
    return {
      code: 'transition-not-allowed',
      message: `Claim ${intent.claimId} is not on the server, so it cannot move to ${intent.to}.`,
      table: 'claims',
      id: intent.claimId,
      field: 'status',
    };
  }
  const step = checkTransitionIntent(status.data, intent);
  return step.ok ? undefined : step.error;
}

/** What a change by {@link nobodyId} (a station nobody has signed in at) may touch. */
const nobodysTables: ReadonlySet<SyncTable> = new Set(['centerSettings', 'people', 'auditEvents']);

const peopleTable = syncTableColumns.people.sqlTable;
/** The author `$2` as the center holds them, and whether the center has anyone yet. */
const authorSql = `SELECT ${peopleTable}.id AS id, ${sqlColumnOf('people', deletedAtField)} AS "deletedAt", ${sqlColumnOf('people', 'active')} AS active, ${sqlColumnOf('people', 'roles')} AS roles,
  EXISTS (SELECT 1 FROM ${peopleTable} WHERE space_id = $1) AS anyone
  FROM (SELECT 1) AS one LEFT JOIN ${peopleTable} ON space_id = $1 AND id = $2`;

/**
 * Who made a mutation must be a person of the center who may work now: each change carries who
 * made it, and a change by someone the center does not know (a person of another center, a
 * made-up id), by a deleted or deactivated person, or by one holding no role this server knows
 * (a role of a newer version) is refused. What each role may change is the row rules' to judge.
 * A person's own new row in the mutation names them (a station's setup pushes its people in a
 * change by its first person); a center with no people yet takes every change; {@link nobodyId}
 * may only change the center's settings and people. `known` remembers the people found, for the
 * rest of a push.
 */
export async function checkAuthor(
  queryable: Queryable,
  spaceId: string,
  mutation: Mutation,
  known: Set<RecordId>,
): Promise<Rejection | undefined> {
  const { actor } = mutation;
  // A change to people may deactivate someone the push named before: look again after it.
  const forgetKnown = () => {
    if (mutation.changes.some((change) => change.table === 'people')) known.clear();
  };
  if (known.has(actor)) {
    forgetKnown();
    return undefined;
  }
  if (actor === nobodyId) {
    if (mutation.changes.every((change) => nobodysTables.has(change.table))) return undefined;
    return refusedAuthor(
      'a change made before anyone signed in at the station can only be to the center’s settings or people: sign in, then make it again.',
    );
  }
  const [found] = await queryable.query<{
    id: string | null;
    deletedAt: string | null;
    active: boolean | null;
    roles: unknown;
    anyone: boolean;
  }>(authorSql, [spaceId, actor]);
  if (found?.anyone !== true) return undefined;
  if (found.id === null) {
    // A station's first-run setup pushes its people in a change by its first person; a second
    // station set up on its own brings them so into a center that has people.
    const namesThemselves = mutation.changes.some(
      (change) => change.table === 'people' && change.id === actor,
    );
    if (namesThemselves) return undefined;
    return refusedAuthor(
      `${actor} is not a person of this center, and only the center's people make changes (was the station set up for another center?).`,
    );
  }
  if (found.deletedAt !== null) {
    return refusedAuthor(`${actor} was deleted from this center's people, and makes no changes.`);
  }
  if (found.active === false) {
    return refusedAuthor(
      `${actor} is deactivated, and makes no changes: a manager may reactivate them.`,
    );
  }
  const roles = found.roles === null ? rolesBeforeRoles : found.roles;
  const knownRoles = Array.isArray(roles)
    ? roles.filter((role) => roleSchema.safeParse(role).success)
    : [];
  if (knownRoles.length === 0) {
    return refusedAuthor(
      `${actor} holds no role this server knows (${JSON.stringify(roles)}), so makes no changes here: update the server.`,
    );
  }
  known.add(actor);
  forgetKnown();
  return undefined;
}

function refusedAuthor(reason: string): Rejection {
  return { code: 'unknown-author', message: `actor: ${reason}`, field: 'actor' };
}
