import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { RecordId } from '#shared/domain/primitives';
import { fail, ok } from '#shared/domain/result';
import type { PermissionAction, Role } from '#shared/domain/roles';
import { authorize, rolesEnforced } from '#shared/domain/roles';
import { stationCalendarChanged } from '../claimDeadline';
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
  IdleLockMinutes,
  Person,
  PinAttemptsSettingsRow,
  PinFailures,
  PrintingSettings,
  PrintingSettingsInput,
  QueueFilter,
  SavedView,
  SettingsRow,
  StationSettingsChanges,
  StationSettingsRow,
  StationSetup,
  TableName,
} from '../records';
import {
  idleLockMinutesSchema,
  personRoles,
  personSchema,
  printingSettingsSchema,
  savedViewSchema,
  stationPeople,
  stationPrinting,
  stationSavedViews,
  stationSettingsChangesSchema,
  stationSetupSchema,
} from '../records';
import { runGuardedWrite } from '../writeGuard';
import type { RepositoryError, RepositoryResult } from './repositoryError';
import { Refusal, parseInput, permissionRefusal } from './repositoryError';
import { readStationSettings } from './repositoryWriter';
import { withoutUndefinedFields } from './writeSession';

/**
 * The station's own settings, chosen at first run: its code (part of every RMA number it makes,
 * so it never changes afterwards) and the repair center it belongs to. Local: not synced.
 */
export class StationRepository {
  readonly #now: () => number;
  readonly #pinHashCost: PinHashCost;

  constructor(
    private readonly db: FixlineDatabase,
    now: () => number = Date.now,
    hashCost: PinHashCost = pinHashCost,
    private readonly recalculation: RecalculationOptions = {},
  ) {
    this.#now = now;
    this.#pinHashCost = hashCost;
  }

  /** The station's settings; undefined until it is set up. */
  async get(): Promise<StationSettingsRow | undefined> {
    const row = await this.db.settings.get('station');
    return row?.key === 'station' ? row : undefined;
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
    let calendarChanged = false;
    try {
      const saved = ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const existing = await readStationSettings(transaction);
          if (existing !== undefined && existing.stationCode !== parsed.value.stationCode) {
            throw new Refusal({
              code: 'station-already-set-up',
              field: 'stationCode',
              message: `stationCode: this station is ${existing.stationCode} and keeps that code, because its RMA numbers carry it.`,
            });
          }
          if (existing !== undefined) await authorizeBench(transaction, existing, 'edit-settings');
          const row: StationSettingsRow = {
            key: 'station',
            ...parsed.value,
            ...(existing === undefined ? {} : { technicians: stationPeople(existing) }),
            ...(existing?.idleLockMinutes === undefined
              ? {}
              : { idleLockMinutes: existing.idleLockMinutes }),
            // Printers are chosen in Settings and views in the queue, not at setup: keep them.
            ...(existing?.printing === undefined ? {} : { printing: existing.printing }),
            ...(existing?.savedViews === undefined ? {} : { savedViews: existing.savedViews }),
            setUpAt: existing?.setUpAt ?? new Date(this.#now()).toISOString(),
          };
          await transaction.table<StationSettingsRow, string>('settings').put(row);
          // Before setup there are no claims to recalculate.
          if (existing !== undefined) {
            calendarChanged = await markIfCalendarChanged(transaction, existing, row, this.#now());
          }
          return row;
        }),
      );
      if (calendarChanged) this.#startRecalculation();
      return saved;
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
  }

  /**
   * Changes what first run chose, from Settings: the center's details, calendar, currency,
   * language and policy assignments; a manager's work once the station has one. The station
   * code, the people, printers and saved views stay as they are; a refused change stores nothing
   * and names the field at fault.
   */
  async updateSettings(
    changes: StationSettingsChanges,
  ): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(stationSettingsChangesSchema, changes);
    if (!parsed.ok) return parsed;
    let calendarChanged = false;
    const saved = await this.#write(async (transaction, existing) => {
      await authorizeBench(transaction, existing, 'edit-settings');
      const row: StationSettingsRow = { ...existing, ...parsed.value };
      await settingsTable(transaction).put(row);
      calendarChanged = await markIfCalendarChanged(transaction, existing, row, this.#now());
      return row;
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
  ): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(printingSettingsSchema, printing);
    if (!parsed.ok) return parsed;
    return this.#write(async (transaction, existing) => {
      await authorizeBench(transaction, existing, 'edit-settings');
      const row: StationSettingsRow = { ...existing, printing: parsed.value };
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
      const row: StationSettingsRow = { ...existing, savedViews: views };
      await settingsTable(transaction).put(row);
      return value;
    });
  }

  /** Who is at the bench now (an active person, or undefined) and whether the station is locked. */
  async bench(): Promise<BenchState> {
    const [station, bench] = await Promise.all([this.get(), this.db.settings.get('bench')]);
    if (bench?.key !== 'bench') return { person: undefined, locked: false };
    const person = activePerson(station, bench.technicianId);
    return { person, locked: person !== undefined && bench.locked === true };
  }

  /**
   * Puts a person at the bench without a PIN: only for the first person, right after setup, who
   * just typed theirs. Everyone else signs in with {@link signIn}.
   */
  async setBenchPerson(personId: RecordId): Promise<RepositoryResult<BenchSettingsRow>> {
    return this.#write(async (transaction, station) => {
      requireActivePerson(station, personId);
      const row: BenchSettingsRow = { key: 'bench', technicianId: personId };
      await settingsTable(transaction).put(row);
      return row;
    });
  }

  /**
   * Signs a person in at the bench (or unlocks the station for them) when `pin` is theirs.
   * Wrong PINs are counted per person; after a few, the next try must wait (see `pinWaitMs`),
   * which is said as `tryAgainAt`. A right PIN stored as the SHA-256 from before argon2id is
   * hashed again with argon2id.
   */
  async signIn(personId: RecordId, pin: string): Promise<RepositoryResult<SignIn>> {
    const person = activePerson(await this.get(), personId);
    if (person === undefined) return fail(personNotFound(personId));
    const tryAt = nextPinTryAt(await this.#failuresOf(personId));
    if (tryAt > this.#now()) return ok({ kind: 'wait', tryAgainAt: tryAt });
    const check = await checkPin(person, pin);
    // Hashed before the transaction: IndexedDB commits a transaction that waits on anything else.
    const upgradedHash =
      check === 'right-outdated' ? await hashPin(pin, this.#pinHashCost) : undefined;
    return this.#write(async (transaction, station) => {
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
      requireActivePerson(station, personId);
      await settingsTable(transaction).put({ key: 'pin-attempts', byPerson: others });
      if (upgradedHash !== undefined) {
        await putPeople(transaction, station, (people) =>
          people.map((candidate) =>
            candidate.id === personId
              ? withoutUndefinedFields({ ...candidate, pinHash: upgradedHash, pinSalt: undefined })
              : candidate,
          ),
        );
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
    return this.#write(async (transaction, station) => {
      await authorizeBench(transaction, station, 'manage-people');
      await putPeople(transaction, station, (people) => [...people, parsed.value]);
      return parsed.value;
    });
  }

  /**
   * Renames a person, sets their roles, or (de)activates them; only a manager may. Refuses a
   * change that would leave the station without an active manager, which would stop enforcing
   * roles for everyone.
   */
  async updatePerson(personId: RecordId, patch: PersonPatch): Promise<RepositoryResult<Person>> {
    return this.#write(async (transaction, station) => {
      await authorizeBench(transaction, station, 'manage-people');
      const people = stationPeople(station);
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
      await putPeople(transaction, station, () => changed);
      return parsed.value;
    });
  }

  /** Gives a person a new PIN (when they forgot theirs); only a manager may. */
  async resetPin(personId: RecordId, pin: string): Promise<RepositoryResult<Person>> {
    const parsedPin = parseInput(pinSchema, pin);
    if (!parsedPin.ok) return fail({ ...parsedPin.error, field: 'pin' });
    const pinHash = await hashPin(parsedPin.value, this.#pinHashCost);
    return this.#write(async (transaction, station) => {
      await authorizeBench(transaction, station, 'manage-people');
      const existing = stationPeople(station).find((person) => person.id === personId);
      if (existing === undefined) throw new Refusal(personNotFound(personId));
      const person = withoutUndefinedFields({ ...existing, pinHash, pinSalt: undefined });
      await putPeople(transaction, station, (people) =>
        people.map((candidate) => (candidate.id === personId ? person : candidate)),
      );
      const attempts = await readPinAttempts(transaction);
      const { [personId]: _forgotten, ...others } = attempts.byPerson;
      await settingsTable(transaction).put({ key: 'pin-attempts', byPerson: others });
      return person;
    });
  }

  /** Locks the station after `minutes` without input (undefined: never); only a manager may. */
  async setIdleLock(
    minutes: IdleLockMinutes | undefined,
  ): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(idleLockMinutesSchema.optional(), minutes);
    if (!parsed.ok) return fail({ ...parsed.error, field: 'idleLockMinutes' });
    return this.#write(async (transaction, station) => {
      await authorizeBench(transaction, station, 'edit-settings');
      const row = withoutUndefinedFields({ ...station, idleLockMinutes: parsed.value });
      await settingsTable(transaction).put(row);
      return row;
    });
  }

  async #failuresOf(personId: RecordId): Promise<PinFailures | undefined> {
    const row = await this.db.settings.get('pin-attempts');
    return row?.key === 'pin-attempts' ? row.byPerson[personId] : undefined;
  }

  /** Runs `change` in a guarded write of the settings, refusing when the station is not set up. */
  async #write<Value>(
    change: (transaction: Transaction, station: StationSettingsRow) => Promise<Value>,
    tables: readonly TableName[] = ['settings'],
  ): Promise<RepositoryResult<Value>> {
    try {
      return ok(
        await runGuardedWrite(this.db, tables, async (transaction) => {
          const station = await readStationSettings(transaction);
          if (station === undefined) {
            throw new Refusal({
              code: 'station-not-set-up',
              message: 'Set up this station (its station code and center) first.',
            });
          }
          return change(transaction, station);
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
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
 * Every claim's deadlines are counted in the station's calendar: when a settings change moves it,
 * they are marked for recalculation in the same transaction, and recalculated in chunks after it
 * (see `deadlineRecalculation.ts`). Whether it did.
 */
async function markIfCalendarChanged(
  transaction: Transaction,
  before: StationSettingsRow,
  after: StationSettingsRow,
  nowMs: number,
): Promise<boolean> {
  if (!stationCalendarChanged(before, after)) return false;
  await markDeadlinesForRecalculation(transaction, new Date(nowMs).toISOString());
  return true;
}

function activePerson(
  station: StationSettingsRow | undefined,
  personId: RecordId,
): Person | undefined {
  const person = stationPeople(station).find((candidate) => candidate.id === personId);
  return person !== undefined && personRoles(person).active ? person : undefined;
}

function personNotFound(personId: RecordId): RepositoryError {
  return {
    code: 'not-found',
    field: 'personId',
    message: `personId: no active person of this station has the id ${personId}; add them in Settings → People first.`,
  };
}

function requireActivePerson(station: StationSettingsRow, personId: RecordId): void {
  if (activePerson(station, personId) === undefined) throw new Refusal(personNotFound(personId));
}

async function readPinAttempts(transaction: Transaction): Promise<PinAttemptsSettingsRow> {
  const row = await settingsTable(transaction).get('pin-attempts');
  return row?.key === 'pin-attempts' ? row : { key: 'pin-attempts', byPerson: {} };
}

async function putPeople(
  transaction: Transaction,
  station: StationSettingsRow,
  change: (people: Person[]) => Person[],
): Promise<void> {
  await settingsTable(transaction).put({ ...station, technicians: change(stationPeople(station)) });
}

/**
 * Refuses unless the person at the bench may do `action`. Station settings are local, so the
 * bench row, not a write context, says who is acting.
 */
async function authorizeBench(
  transaction: Transaction,
  station: StationSettingsRow,
  action: PermissionAction,
): Promise<void> {
  const bench = await settingsTable(transaction).get('bench');
  const people = stationPeople(station).map(personRoles);
  const decision = authorize(people, bench?.key === 'bench' ? bench.technicianId : '', action);
  if (!decision.ok) throw new Refusal(permissionRefusal(decision.error));
}
