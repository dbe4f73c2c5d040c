import { fail, ok } from '../../../../shared/domain/result';
import type { FixlineDatabase } from '../database';
import { v7 as uuidv7 } from 'uuid';
import type { RecordId } from '../../../../shared/domain/primitives';
import type {
  BenchSettingsRow,
  PrintingSettings,
  PrintingSettingsInput,
  QueueFilter,
  SavedView,
  StationSettingsChanges,
  StationSettingsRow,
  StationSetup,
  Technician,
} from '../records';
import {
  printingSettingsSchema,
  savedViewSchema,
  stationPrinting,
  stationSavedViews,
  stationSettingsChangesSchema,
  stationSetupSchema,
} from '../records';
import { runGuardedWrite } from '../writeGuard';
import type { RepositoryResult } from './repositoryError';
import { Refusal, parseInput } from './repositoryError';
import { readStationSettings } from './repositoryWriter';

/**
 * The station's own settings, chosen at first run: its code (part of every RMA number it makes,
 * so it never changes afterwards) and the repair center it belongs to. Local: not synced.
 */
export class StationRepository {
  readonly #now: () => number;

  constructor(
    private readonly db: FixlineDatabase,
    now: () => number = Date.now,
  ) {
    this.#now = now;
  }

  /** The station's settings; undefined until it is set up. */
  async get(): Promise<StationSettingsRow | undefined> {
    const row = await this.db.settings.get('station');
    return row?.key === 'station' ? row : undefined;
  }

  /**
   * Sets up the station at first run; later, updates the center's details. Refuses a different
   * station code once one is set: RMA numbers already made carry it.
   */
  async setUp(setup: StationSetup): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(stationSetupSchema, setup);
    if (!parsed.ok) return parsed;
    try {
      return ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const existing = await readStationSettings(transaction);
          if (existing !== undefined && existing.stationCode !== parsed.value.stationCode) {
            throw new Refusal({
              code: 'station-already-set-up',
              field: 'stationCode',
              message: `stationCode: this station is ${existing.stationCode} and keeps that code, because its RMA numbers carry it.`,
            });
          }
          const row: StationSettingsRow = {
            key: 'station',
            ...parsed.value,
            // Printers are chosen in Settings and views in the queue, not at setup: keep them.
            ...(existing?.printing === undefined ? {} : { printing: existing.printing }),
            ...(existing?.savedViews === undefined ? {} : { savedViews: existing.savedViews }),
            setUpAt: existing?.setUpAt ?? new Date(this.#now()).toISOString(),
          };
          await transaction.table<StationSettingsRow, string>('settings').put(row);
          return row;
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
  }

  /**
   * Changes what first run chose, from Settings: the center's details, calendar, currency,
   * language and policy assignments. The station code, the technicians, printers and saved views
   * stay as they are; a refused change stores nothing and names the field at fault.
   */
  async updateSettings(
    changes: StationSettingsChanges,
  ): Promise<RepositoryResult<StationSettingsRow>> {
    const parsed = parseInput(stationSettingsChangesSchema, changes);
    if (!parsed.ok) return parsed;
    try {
      return ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const existing = await readStationSettings(transaction);
          if (existing === undefined) {
            throw new Refusal({
              code: 'station-not-set-up',
              message:
                'Set up this station (its station code and center) before changing its settings.',
            });
          }
          const row: StationSettingsRow = { ...existing, ...parsed.value };
          await transaction.table<StationSettingsRow, string>('settings').put(row);
          return row;
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
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
    try {
      return ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const existing = await readStationSettings(transaction);
          if (existing === undefined) {
            throw new Refusal({
              code: 'station-not-set-up',
              message:
                'Set up this station (its station code and center) before choosing printers.',
            });
          }
          const row: StationSettingsRow = { ...existing, printing: parsed.value };
          await transaction.table<StationSettingsRow, string>('settings').put(row);
          return row;
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
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
    try {
      return ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const existing = await readStationSettings(transaction);
          if (existing === undefined) {
            throw new Refusal({
              code: 'station-not-set-up',
              message: 'Set up this station (its station code and center) before saving views.',
            });
          }
          const { views, value } = change(stationSavedViews(existing));
          const row: StationSettingsRow = { ...existing, savedViews: views };
          await transaction.table<StationSettingsRow, string>('settings').put(row);
          return value;
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
  }

  /** The technician at the bench now; undefined before anyone is chosen or once they are removed. */
  async benchTechnician(): Promise<Technician | undefined> {
    const [station, bench] = await Promise.all([this.get(), this.db.settings.get('bench')]);
    if (bench?.key !== 'bench') return undefined;
    return station?.technicians?.find((technician) => technician.id === bench.technicianId);
  }

  /**
   * Records who is at the bench, so the changes made from now on are attributed to them. The
   * caller checks the technician's PIN first; this refuses anyone the station does not know.
   */
  async setBenchTechnician(technicianId: RecordId): Promise<RepositoryResult<BenchSettingsRow>> {
    try {
      return ok(
        await runGuardedWrite(this.db, ['settings'], async (transaction) => {
          const station = await readStationSettings(transaction);
          if (station === undefined) {
            throw new Refusal({
              code: 'station-not-set-up',
              message:
                'Set up this station (its station code and center) before choosing who is at the bench.',
            });
          }
          if (!(station.technicians ?? []).some((technician) => technician.id === technicianId)) {
            throw new Refusal({
              code: 'not-found',
              field: 'technicianId',
              message: `technicianId: no technician of this station has the id ${technicianId}; add them in the station's settings first.`,
            });
          }
          const row: BenchSettingsRow = { key: 'bench', technicianId };
          await transaction.table<BenchSettingsRow, string>('settings').put(row);
          return row;
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      throw error;
    }
  }
}
