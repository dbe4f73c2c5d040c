import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { RecordId } from '#shared/domain/primitives';
import { fail, ok } from '#shared/domain/result';
import type { PermissionAction, Role } from '#shared/domain/roles';
import { authorize, rolesEnforced } from '#shared/domain/roles';
import { claimDeadlineInputTables, stationCalendarChanged } from '../claimDeadline';
import type { DeadlineRecalculationProgress, RecalculationOptions } from '../deadlineRecalculation';
import {
  deadlineRecalculationProgress,
  markDeadlinesForRecalculation,
  recalculateDeadlines,
} from '../deadlineRecalculation';
import type { PinHashCost } from '../../station/personPin';
import {
  checkPin,
  hashPin,
  nextPinTryAt,
  pinHashCost,
  pinSchema,
  withWrongPin,
} from '../../station/personPin';
import type { FixlineDatabase } from '../database';
import type {
  BenchSettingsRow,
  CenterSettings,
  CenterWideSettings,
  IdleLockMinutes,
  Person,
  PinAttemptsSettingsRow,
  PinFailures,
  PrintingSettings,
  PrintingSettingsInput,
  QueueFilter,
  SavedView,
  SettingsRow,
  StationOwnSettingsRow,
  StationSettingsChanges,
  StationSettingsRow,
  StationSetup,
  StoredCenterSettings,
  StoredPerson,
  TableName,
} from '../records';
import {
  centerSettingsId,
  idleLockMinutesSchema,
  isLive,
  nobodyId,
  personRoles,
  personSchema,
  printingSettingsSchema,
  savedViewSchema,
  stationPrinting,
  stationSavedViews,
  stationSettingsChangesSchema,
  stationSetupSchema,
} from '../records';
import { runGuardedWrite } from '../writeGuard';
import { centerSettingsDefinition, personDefinition } from './definitions';
import type { RepositoryError, RepositoryResult } from './repositoryError';
import { Refusal, parseInput, permissionRefusal, storageFailure } from './repositoryError';
import type { RepositoryWriter } from './repositoryWriter';
import { personOfRow, readPeople, readStationSettings, writeScope } from './repositoryWriter';
import type { WriteSession } from './writeSession';
import { withoutUndefinedFields } from './writeSession';

/**
 * The station's settings and the center-wide records it shares with the other stations of its
 * center. The station's own row (its code, part of every RMA number it makes, so it never changes
 * afterwards; its language, printers, saved views and idle lock) is local. The people and the
 * center's settings (schema v6) are synced records, written stamped and to the outbox like every
 * other record, so a change made here reaches every station.
 */
export class StationRepository {
  readonly #now: () => number;
  readonly #pinHashCost: PinHashCost;

  constructor(
    private readonly db: FixlineDatabase,
    private readonly writer: RepositoryWriter,
    now: () => number = Date.now,
    hashCost: PinHashCost = pinHashCost,
    private readonly recalculation: RecalculationOptions = {},
  ) {
    this.#now = now;
    this.#pinHashCost = hashCost;
  }

  /**
   * The station as its screens see it: its own settings with the center's settings and people;
   * undefined until it is set up.
   */
  async get(): Promise<StationSettingsRow | undefined> {
    const [row, center, people] = await Promise.all([
      this.db.settings.get('station'),
      this.db.centerSettings.get(centerSettingsId),
      this.db.people.toArray(),
    ]);
    if (row?.key !== 'station') return undefined;
    return stationView(row, center, people.filter(isLive).map(personOfRow));
  }

  /**
   * Sets up the station at first run, with its people; later, updates the center's details
   * (a manager's job, see shared/domain/roles) and keeps the people, who change only through
   * {@link addPerson} and {@link updatePerson}. Refuses a different station code once one is set:
   * RMA numbers already made carry it.
   */
  async setUp(setup: StationSetup): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(stationSetupSchema, setup);
    if (!parsed.ok) return parsed;
    const { stationCode, language, technicians, ...centerWide } = parsed.value;
    let calendarChanged = false;
    const saved = await this.#writeRecords(async (transaction, existing) => {
      if (existing !== undefined && existing.stationCode !== stationCode) {
        throw new Refusal({
          code: 'station-already-set-up',
          field: 'stationCode',
          message: `stationCode: this station is ${existing.stationCode} and keeps that code, because its RMA numbers carry it.`,
        });
      }
      const row: StationOwnSettingsRow = withoutUndefinedFields({
        ...existing,
        key: 'station',
        stationCode,
        language,
        setUpAt: existing?.setUpAt ?? new Date(this.#now()).toISOString(),
      });
      await settingsTable(transaction).put(row);
      // The first person set up makes the center's first records; later, who is at the bench.
      const actor =
        existing === undefined ? (technicians?.[0]?.id ?? nobodyId) : await benchActor(transaction);
      return this.writer.writeIn(transaction, { actor }, async (session) => {
        if (existing !== undefined) session.authorize('edit-settings');
        // The people change only in their panel once the station is set up. Setting up is the
        // station's making, before anyone works at it: its records sync, with no audit event.
        if (existing === undefined) {
          await session.insertAll(personDefinition, technicians ?? [], { auditEach: false });
        }
        const change = await writeCenterSettings(session, centerWide);
        // Before setup there are no claims to recalculate.
        if (existing !== undefined) {
          calendarChanged = await markIfCalendarChanged(transaction, change, this.#now());
        }
        return stationView(row, change.after, await readPeople(transaction));
      });
    });
    if (saved.ok && calendarChanged) this.#startRecalculation();
    return saved;
  }

  /**
   * Changes what first run chose, from Settings: the center's details, calendar, currency and
   * policy assignments (for every station of the center) and this station's language; a
   * manager's work once the station has one. The station code, the people, printers and saved
   * views stay as they are; a refused change stores nothing and names the field at fault.
   */
  async updateSettings(
    changes: StationSettingsChanges,
  ): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(stationSettingsChangesSchema, changes);
    if (!parsed.ok) return parsed;
    const { language, ...centerWide } = parsed.value;
    let calendarChanged = false;
    const saved = await this.#writeRecords(async (transaction, existing) => {
      if (existing === undefined) throw new Refusal(stationNotSetUp);
      const row = withoutUndefinedFields({ ...existing, language });
      await settingsTable(transaction).put(row);
      const actor = await benchActor(transaction);
      return this.writer.writeIn(transaction, { actor }, async (session) => {
        session.authorize('edit-settings');
        const before = await session
          .table<StoredCenterSettings>('centerSettings')
          .get(centerSettingsId);
        // A field left out stays as it is; one given as undefined is cleared.
        const change = await writeCenterSettings(session, {
          ...centerWideOf(before),
          ...centerWide,
        });
        calendarChanged = await markIfCalendarChanged(transaction, change, this.#now());
        return stationView(row, change.after, await readPeople(transaction));
      });
    });
    if (saved.ok && calendarChanged) this.#startRecalculation();
    return saved;
  }

  /**
   * Recalculates the claims' deadline fields a calendar change marked (see
   * `deadlineRecalculation.ts`), or resumes a recalculation cut short, chunk by chunk; the app
   * calls it at start. Resolves when none is left; joins a run already going.
   */
  recalculateDeadlines(): Promise<void> {
    return recalculateDeadlines(this.db, this.recalculation);
  }

  /** How far the recalculation of deadlines is; undefined when none is under way. */
  deadlineRecalculation(): Promise<DeadlineRecalculationProgress | undefined> {
    return deadlineRecalculationProgress(this.db);
  }

  #startRecalculation(): void {
    // A failure leaves the marker where the last chunk put it: the next start resumes from there.
    this.recalculateDeadlines().catch(() => undefined);
  }

  /** Where this station prints each kind of document; empty until chosen. */
  async printing(): Promise<PrintingSettings> {
    return stationPrinting(await this.get());
  }

  /** Chooses the printer (and paper, or label printer address) of each kind of document. */
  async savePrinting(
    printing: PrintingSettingsInput,
  ): Promise<RepositoryResult<StationOwnSettingsRow>> {
    const parsed = parseInput(printingSettingsSchema, printing);
    if (!parsed.ok) return parsed;
    return this.#write(async (transaction, existing) => {
      await authorizeBench(transaction, 'edit-settings');
      const row: StationOwnSettingsRow = { ...existing, printing: parsed.value };
      await settingsTable(transaction).put(row);
      return row;
    });
  }

  /** The queue views this station saved, in the order they were saved. */
  async savedViews(): Promise<SavedView[]> {
    return stationSavedViews(await this.get());
  }

  /**
   * Saves the queue's `filter` under `name`. A view of the same name (in any letter case) is
   * replaced, so saving again updates it rather than making a twin.
   */
  async saveView(name: string, filter: QueueFilter): Promise<RepositoryResult<SavedView>> {
    const parsed = parseInput(savedViewSchema, { id: uuidv7(), name, filter });
    if (!parsed.ok) return parsed;
    const view = parsed.value;
    return this.#changeSavedViews((views) => {
      const sameName = views.find(
        (candidate) => candidate.name.toLowerCase() === view.name.toLowerCase(),
      );
      const saved = sameName === undefined ? view : { ...view, id: sameName.id };
      return {
        views:
          sameName === undefined
            ? [...views, saved]
            : views.map((candidate) => (candidate.id === sameName.id ? saved : candidate)),
        value: saved,
      };
    });
  }

  /** Deletes a saved queue view. */
  async removeView(viewId: RecordId): Promise<RepositoryResult<SavedView>> {
    return this.#changeSavedViews((views) => {
      const removed = views.find((view) => view.id === viewId);
      if (removed === undefined) {
        throw new Refusal({
          code: 'not-found',
          field: 'id',
          message: `id: no saved view has the id ${viewId}; it may have been deleted already.`,
        });
      }
      return { views: views.filter((view) => view !== removed), value: removed };
    });
  }

  async #changeSavedViews<Value>(
    change: (views: readonly SavedView[]) => { views: SavedView[]; value: Value },
  ): Promise<RepositoryResult<Value>> {
    return this.#write(async (transaction, existing) => {
      const { views, value } = change(stationSavedViews(existing));
      const row: StationOwnSettingsRow = { ...existing, savedViews: views };
      await settingsTable(transaction).put(row);
      return value;
    });
  }

  /** Who is at the bench now (an active person, or undefined) and whether the station is locked. */
  async bench(): Promise<BenchState> {
    const [people, bench] = await Promise.all([
      this.db.people.toArray(),
      this.db.settings.get('bench'),
    ]);
    if (bench?.key !== 'bench') return { person: undefined, locked: false };
    const person = activePerson(people.filter(isLive).map(personOfRow), bench.technicianId);
    return { person, locked: person !== undefined && bench.locked === true };
  }

  /**
   * Puts a person at the bench without a PIN: only for the first person, right after setup, who
   * just typed theirs. Everyone else signs in with {@link signIn}.
   */
  async setBenchPerson(personId: RecordId): Promise<RepositoryResult<BenchSettingsRow>> {
    return this.#write(async (transaction) => {
      await requireActivePerson(transaction, personId);
      const row: BenchSettingsRow = { key: 'bench', technicianId: personId };
      await settingsTable(transaction).put(row);
      return row;
    });
  }

  /**
   * Signs a person in at the bench (or unlocks the station for them) when `pin` is theirs.
   * Wrong PINs are counted per person; after a few, the next try must wait (see `pinWaitMs`),
   * which is said as `tryAgainAt`. A right PIN stored as the SHA-256 from before argon2id is
   * hashed again with argon2id (a change of the person's record, which syncs).
   */
  async signIn(personId: RecordId, pin: string): Promise<RepositoryResult<SignIn>> {
    const person = activePerson((await this.get())?.technicians ?? [], personId);
    if (person === undefined) return fail(personNotFound(personId));
    const tryAt = nextPinTryAt(await this.#failuresOf(personId));
    if (tryAt > this.#now()) return ok({ kind: 'wait', tryAgainAt: tryAt });
    const check = await checkPin(person, pin);
    // Hashed before the transaction: IndexedDB commits a transaction that waits on anything else.
    const upgradedHash =
      check === 'right-outdated' ? await hashPin(pin, this.#pinHashCost) : undefined;
    return this.#writeRecords(async (transaction) => {
      const attempts = await readPinAttempts(transaction);
      const { [personId]: failures, ...others } = attempts.byPerson;
      if (check === 'wrong') {
        const counted = withWrongPin(failures, new Date(this.#now()).toISOString());
        await settingsTable(transaction).put({
          key: 'pin-attempts',
          byPerson: { ...others, [personId]: counted },
        });
        return { kind: 'wrong-pin', tryAgainAt: nextPinTryAt(counted) };
      }
      await requireActivePerson(transaction, personId);
      await settingsTable(transaction).put({ key: 'pin-attempts', byPerson: others });
      if (upgradedHash !== undefined) {
        await this.writer.writeIn(transaction, { actor: personId }, async (session) => {
          const stored = await session.findLive(personDefinition, personId);
          const renewed = withoutUndefinedFields({
            ...personOfRow(stored),
            pinHash: upgradedHash,
            pinSalt: undefined,
          });
          await session.replace(personDefinition, stored, renewed, { byItsOwner: true });
        });
      }
      await settingsTable(transaction).put({ key: 'bench', technicianId: personId });
      return { kind: 'signed-in' };
    });
  }

  /** Locks the station: nothing can be done until the person at the bench types their PIN. */
  async lock(): Promise<RepositoryResult<boolean>> {
    return this.#write(async (transaction) => {
      const bench = await settingsTable(transaction).get('bench');
      if (bench?.key !== 'bench') return false;
      await settingsTable(transaction).put({ ...bench, locked: true });
      return true;
    });
  }

  /** Adds a person with their roles and PIN; only a manager may (see shared/domain/roles). */
  async addPerson(draft: PersonDraft): Promise<RepositoryResult<Person>> {
    const pin = parseInput(pinSchema, draft.pin);
    if (!pin.ok) return fail({ ...pin.error, field: 'pin' });
    const parsed = parseInput(personSchema, {
      id: uuidv7(),
      name: draft.name,
      roles: draft.roles,
      pinHash: await hashPin(pin.value, this.#pinHashCost),
    });
    if (!parsed.ok) return parsed;
    return this.#writePeople(async (session) => {
      await session.insert(personDefinition, parsed.value);
      return parsed.value;
    });
  }

  /**
   * Renames a person, sets their roles, or (de)activates them; only a manager may. Refuses a
   * change that would leave the center without an active manager, which would stop enforcing
   * roles for everyone.
   */
  async updatePerson(personId: RecordId, patch: PersonPatch): Promise<RepositoryResult<Person>> {
    return this.#writePeople(async (session) => {
      session.authorize('manage-people');
      const people = await readPeople(session.transaction);
      const existing = people.find((person) => person.id === personId);
      if (existing === undefined) throw new Refusal(personNotFound(personId));
      const parsed = parseInput(personSchema, { ...existing, ...patch });
      if (!parsed.ok) throw new Refusal(parsed.error);
      const changed = people.map((person) => (person.id === personId ? parsed.value : person));
      if (rolesEnforced(people.map(personRoles)) && !rolesEnforced(changed.map(personRoles))) {
        throw new Refusal({
          code: 'last-manager',
          field: 'roles',
          message: `${existing.name} is the last active manager: make someone else a manager first.`,
        });
      }
      const stored = await session.findLive(personDefinition, personId);
      await session.replace(personDefinition, stored, parsed.value);
      return parsed.value;
    });
  }

  /** Gives a person a new PIN (when they forgot theirs); only a manager may. */
  async resetPin(personId: RecordId, pin: string): Promise<RepositoryResult<Person>> {
    const parsedPin = parseInput(pinSchema, pin);
    if (!parsedPin.ok) return fail({ ...parsedPin.error, field: 'pin' });
    const pinHash = await hashPin(parsedPin.value, this.#pinHashCost);
    return this.#writePeople(async (session) => {
      session.authorize('manage-people');
      const stored = await session.table<StoredPerson>('people').get(personId);
      if (stored === undefined || !isLive(stored)) throw new Refusal(personNotFound(personId));
      const person = withoutUndefinedFields({
        ...personOfRow(stored),
        pinHash,
        pinSalt: undefined,
      });
      await session.replace(personDefinition, stored, person);
      const attempts = await readPinAttempts(session.transaction);
      const { [personId]: _forgotten, ...others } = attempts.byPerson;
      await settingsTable(session.transaction).put({ key: 'pin-attempts', byPerson: others });
      return person;
    });
  }

  /** Locks the station after `minutes` without input (undefined: never); only a manager may. */
  async setIdleLock(
    minutes: IdleLockMinutes | undefined,
  ): Promise<RepositoryResult<StationOwnSettingsRow>> {
    const parsed = parseInput(idleLockMinutesSchema.optional(), minutes);
    if (!parsed.ok) return fail({ ...parsed.error, field: 'idleLockMinutes' });
    return this.#write(async (transaction, station) => {
      await authorizeBench(transaction, 'edit-settings');
      const row = withoutUndefinedFields({ ...station, idleLockMinutes: parsed.value });
      await settingsTable(transaction).put(row);
      return row;
    });
  }

  async #failuresOf(personId: RecordId): Promise<PinFailures | undefined> {
    const row = await this.db.settings.get('pin-attempts');
    return row?.key === 'pin-attempts' ? row.byPerson[personId] : undefined;
  }

  /**
   * Runs `change` in a guarded write of the station's settings (and the people, who may do what),
   * refusing when the station is not set up.
   */
  async #write<Value>(
    change: (transaction: Transaction, station: StationOwnSettingsRow) => Promise<Value>,
    tables: readonly TableName[] = ['settings', 'people'],
  ): Promise<RepositoryResult<Value>> {
    return this.#refusalsAsResults(() =>
      runGuardedWrite(this.db, tables, async (transaction) => {
        const station = await readStationSettings(transaction);
        if (station === undefined) throw new Refusal(stationNotSetUp);
        return change(transaction, station);
      }),
    );
  }

  /**
   * Runs `change` in one transaction over the station's settings and the center-wide records
   * (and what a calendar change marks), so the station's row and the records it writes through
   * the {@link RepositoryWriter} are stored together or not at all.
   */
  async #writeRecords<Value>(
    change: (
      transaction: Transaction,
      station: StationOwnSettingsRow | undefined,
    ) => Promise<Value>,
  ): Promise<RepositoryResult<Value>> {
    return this.#refusalsAsResults(() =>
      runGuardedWrite(this.db, centerRecordTables, async (transaction) =>
        change(transaction, await readStationSettings(transaction)),
      ),
    );
  }

  /** Writes people records as the person at the bench, through the {@link RepositoryWriter}. */
  #writePeople<Value>(
    operation: (session: WriteSession) => Promise<Value>,
  ): Promise<RepositoryResult<Value>> {
    return this.#writeRecords(async (transaction, station) => {
      if (station === undefined) throw new Refusal(stationNotSetUp);
      return this.writer.writeIn(transaction, { actor: await benchActor(transaction) }, operation);
    });
  }

  async #refusalsAsResults<Value>(write: () => Promise<Value>): Promise<RepositoryResult<Value>> {
    try {
      return ok(await write());
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      const failure = storageFailure(error);
      if (failure !== undefined) return fail(failure);
      throw error;
    }
  }
}

/** Who is at the bench, as the header and the lock screen show it. */
export type BenchState = { readonly person: Person | undefined; readonly locked: boolean };

/** What a PIN typed at the bench came to; `tryAgainAt` is in ms since the epoch (0: now). */
export type SignIn =
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'wrong-pin'; readonly tryAgainAt: number }
  | { readonly kind: 'wait'; readonly tryAgainAt: number };

/** A new person, as the People panel enters them. */
export type PersonDraft = {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly pin: string;
};

/** What the People panel changes of a person. */
export type PersonPatch = Partial<Pick<Person, 'name' | 'roles' | 'active'>>;

const settingsTable = (transaction: Transaction) =>
  transaction.table<SettingsRow, string>('settings');

/**
 * The tables a write of the center-wide records opens: what the repository writer opens for
 * people and the center's settings, and what re-deriving deadlines after a calendar change reads.
 */
const centerRecordTables = writeScope(
  [personDefinition, centerSettingsDefinition],
  claimDeadlineInputTables,
);

const stationNotSetUp: RepositoryError = {
  code: 'station-not-set-up',
  message: 'Set up this station (its station code and center) first.',
};

/** The center-wide fields of the center's settings row, without its id and sync fields. */
function centerWideOf(row: StoredCenterSettings | undefined): Partial<CenterWideSettings> {
  if (row === undefined) return {};
  const {
    id: _id,
    stamps: _stamps,
    updatedBy: _updatedBy,
    station: _station,
    deletedAt: _deletedAt,
    ...settings
  } = row;
  return settings;
}

/**
 * The station as its screens see it (see `StationSettingsRow`). A center whose settings have not
 * reached this station yet is shown by the station's code until they do.
 */
function stationView(
  row: StationOwnSettingsRow,
  center: StoredCenterSettings | undefined,
  people: Person[],
): StationSettingsRow {
  return {
    center: { name: row.stationCode },
    ...centerWideOf(center),
    ...row,
    technicians: people,
  };
}

/** The center's settings before and after a write. */
type CenterSettingsChange = {
  readonly before: StoredCenterSettings | undefined;
  readonly after: StoredCenterSettings;
};

/**
 * Writes the center's settings row as `settings` says (a field left out is removed), creating the
 * row the first time.
 */
async function writeCenterSettings(
  session: WriteSession,
  settings: CenterWideSettings,
): Promise<CenterSettingsChange> {
  const next: CenterSettings = withoutUndefinedFields({ ...settings, id: centerSettingsId });
  const before = await session.table<StoredCenterSettings>('centerSettings').get(centerSettingsId);
  // Made once, at setup (see `setUp`), or by the v6 upgrade; changed from Settings after.
  const after =
    before === undefined
      ? (await session.insertAll(centerSettingsDefinition, [next], { auditEach: false }))[0]
      : await session.replace(centerSettingsDefinition, before, next);
  if (after === undefined) throw new Error('insertAll stores every row it is given');
  return { before, after };
}

/**
 * Every claim's deadlines are counted in the center's calendar: when a settings change moves it,
 * they are marked for recalculation in the same transaction, and recalculated in chunks after it
 * (see `deadlineRecalculation.ts`). Whether it did.
 */
async function markIfCalendarChanged(
  transaction: Transaction,
  { before, after }: CenterSettingsChange,
  nowMs: number,
): Promise<boolean> {
  if (!stationCalendarChanged(before, after)) return false;
  await markDeadlinesForRecalculation(transaction, new Date(nowMs).toISOString());
  return true;
}

function activePerson(people: readonly Person[], personId: RecordId): Person | undefined {
  const person = people.find((candidate) => candidate.id === personId);
  return person !== undefined && personRoles(person).active ? person : undefined;
}

function personNotFound(personId: RecordId): RepositoryError {
  return {
    code: 'not-found',
    field: 'personId',
    message: `personId: no active person of this station has the id ${personId}; add them in Settings → People first.`,
  };
}

async function requireActivePerson(transaction: Transaction, personId: RecordId): Promise<void> {
  if (activePerson(await readPeople(transaction), personId) === undefined) {
    throw new Refusal(personNotFound(personId));
  }
}

async function readPinAttempts(transaction: Transaction): Promise<PinAttemptsSettingsRow> {
  const row = await settingsTable(transaction).get('pin-attempts');
  return row?.key === 'pin-attempts' ? row : { key: 'pin-attempts', byPerson: {} };
}

/**
 * Who changes the center-wide records from this station: the person at the bench, or, on a
 * station nobody signed in at yet, {@link nobodyId} (the permission rules then judge).
 */
async function benchActor(transaction: Transaction): Promise<RecordId> {
  const bench = await settingsTable(transaction).get('bench');
  return bench?.key === 'bench' ? bench.technicianId : nobodyId;
}

/**
 * Refuses unless the person at the bench may do `action`, for the station's own settings, which
 * are not records with a write context: the bench row says who is acting.
 */
async function authorizeBench(transaction: Transaction, action: PermissionAction): Promise<void> {
  const people = (await readPeople(transaction)).map(personRoles);
  const decision = authorize(people, await benchActor(transaction), action);
  if (!decision.ok) throw new Refusal(permissionRefusal(decision.error));
}
