import { fail, ok } from '../../../../shared/domain/result';
import type { FixlineDatabase } from '../database';
import type { RecordId } from '../../../../shared/domain/primitives';
import type {
  BenchSettingsRow,
  PrintingSettings,
  PrintingSettingsInput,
  StationSettingsRow,
  StationSetup,
  Technician,
} from '../records';
import { printingSettingsSchema, stationPrinting, stationSetupSchema } from '../records';
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
            // Printers are chosen in Settings, not at setup: updating the center keeps them.
            ...(existing?.printing === undefined ? {} : { printing: existing.printing }),
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
