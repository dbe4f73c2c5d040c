import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Inspection, MisuseFinding } from '#shared/domain/inspection';
import type { Note } from '#shared/domain/note';
import type { QuoteLine } from '#shared/domain/quote';
import type { ShipmentLeg } from '#shared/domain/shipment';
import type { FixlineDatabase } from '../database';
import type {
  StoredCustomer,
  StoredDevice,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  StoredQuoteLine,
  StoredShipmentLeg,
} from '../records';
import { ClaimRepository } from './claimRepository';
import { DraftRepository } from './draftRepository';
import { EvidenceRepository } from './evidenceRepository';
import {
  customerDefinition,
  deviceDefinition,
  inspectionDefinition,
  misuseFindingDefinition,
  noteDefinition,
  quoteLineDefinition,
  shipmentLegDefinition,
} from './definitions';
import { PartsCatalogRepository } from './partsCatalogRepository';
import { QuoteRepository } from './quoteRepository';
import { RecordRepository } from './recordRepository';
import type { RepositoryOptions } from './repositoryWriter';
import { RepositoryWriter } from './repositoryWriter';
import { StationRepository } from './stationRepository';
import { IntakeRepository } from './intakeRepository';

/** Every repository of the database: the only way to write it. */
export type Repositories = {
  readonly station: StationRepository;
  readonly customers: RecordRepository<Customer, StoredCustomer>;
  readonly devices: RecordRepository<Device, StoredDevice>;
  readonly claims: ClaimRepository;
  readonly evidence: EvidenceRepository;
  readonly inspections: RecordRepository<Inspection, StoredInspection>;
  readonly misuseFindings: RecordRepository<MisuseFinding, StoredMisuseFinding>;
  readonly quotes: QuoteRepository;
  readonly quoteLines: RecordRepository<QuoteLine, StoredQuoteLine>;
  readonly shipmentLegs: RecordRepository<ShipmentLeg, StoredShipmentLeg>;
  readonly notes: RecordRepository<Note, StoredNote>;
  readonly partsCatalog: PartsCatalogRepository;
  /** Drafts of forms not saved yet; local, never synced. */
  readonly drafts: DraftRepository;
  /** A whole intake (customer, device, claim, evidence) in one write: all stored, or none. */
  readonly intakes: IntakeRepository;
};

/** Builds the repositories of `db`. */
export function createRepositories(
  db: FixlineDatabase,
  options: RepositoryOptions = {},
): Repositories {
  const writer = new RepositoryWriter(db, options);
  return {
    station: new StationRepository(
      db,
      writer,
      options.now,
      options.pinHashCost,
      options.deadlineRecalculation,
    ),
    customers: new RecordRepository(writer, customerDefinition),
    devices: new RecordRepository(writer, deviceDefinition),
    claims: new ClaimRepository(writer),
    evidence: new EvidenceRepository(writer),
    inspections: new RecordRepository(writer, inspectionDefinition),
    misuseFindings: new RecordRepository(writer, misuseFindingDefinition),
    quotes: new QuoteRepository(writer),
    quoteLines: new RecordRepository(writer, quoteLineDefinition),
    shipmentLegs: new RecordRepository(writer, shipmentLegDefinition),
    notes: new RecordRepository(writer, noteDefinition),
    partsCatalog: new PartsCatalogRepository(writer),
    drafts: new DraftRepository(db, options.now),
    intakes: new IntakeRepository(writer),
  };
}

export { ClaimRepository, rmaSequenceName } from './claimRepository';
export type { ClaimDraft, ClaimPatch } from './claimRepository';
export { PartsCatalogRepository } from './partsCatalogRepository';
export type { PartsImportCounts, PartsImportProgress } from './partsCatalogRepository';
export { QuoteRepository } from './quoteRepository';
export type { QuoteAnswer } from './quoteRepository';
export { RecordRepository } from './recordRepository';
export type { RepositoryError, RepositoryErrorCode, RepositoryResult } from './repositoryError';
export type { RepositoryOptions, WriteContext } from './repositoryWriter';
export { DraftRepository } from './draftRepository';
export { IntakeRepository } from './intakeRepository';
export type {
  IntakeCustomer,
  IntakeDevice,
  IntakeEvidence,
  IntakeRecordsDraft,
  SavedIntakeRecords,
} from './intakeRepository';
export { StationRepository } from './stationRepository';
export type { BenchState, PersonDraft, PersonPatch, SignIn } from './stationRepository';
