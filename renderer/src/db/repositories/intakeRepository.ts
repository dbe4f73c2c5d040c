import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { RecordId } from '#shared/domain/primitives';
import type { DraftRow, StoredClaim, StoredEvidence } from '../records';
import type { ClaimDraft } from './claimRepository';
import { insertNewClaim } from './claimRepository';
import {
  claimDefinition,
  customerDefinition,
  deviceDefinition,
  evidenceDefinition,
} from './definitions';
import type { RepositoryResult } from './repositoryError';
import { Refusal } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { writeScope } from './repositoryWriter';
import type { WriteSession } from './writeSession';
import { withCapturedThumbnail } from './evidenceRepository';

/** The customer of an intake: one picked from the search, or a new one typed at the counter. */
export type IntakeCustomer =
  | { readonly kind: 'existing'; readonly id: RecordId }
  | { readonly kind: 'new'; readonly customer: Omit<Customer, 'id'> };

/** The device of an intake: one already stored (found by its serial), or a new one. */
export type IntakeDevice =
  | { readonly kind: 'existing'; readonly id: RecordId }
  | { readonly kind: 'new'; readonly device: Omit<Device, 'id' | 'customerId'> };

/**
 * A file attached at intake. Its bytes are already in the attachment store (`storeAttachment`,
 * called when the file was dropped or captured), so the intake writes only the evidence record.
 */
export type IntakeEvidence = Pick<
  Evidence,
  'kind' | 'sha256' | 'fileName' | 'mediaType' | 'sizeBytes' | 'capturedAt'
>;

/** Everything an intake records. */
export type IntakeRecordsDraft = {
  readonly customer: IntakeCustomer;
  readonly device: IntakeDevice;
  readonly claim: Omit<ClaimDraft, 'customerId' | 'deviceId'>;
  readonly evidence: readonly IntakeEvidence[];
  /**
   * The key of the form's draft (see `DraftRepository`), removed with the records it became: a
   * draft left behind by a crash after the save would save the same claim a second time.
   */
  readonly draftKey?: string;
};

/** What an intake stored. */
export type SavedIntakeRecords = {
  readonly claim: StoredClaim;
  readonly customerId: RecordId;
  readonly deviceId: RecordId;
  readonly evidence: readonly StoredEvidence[];
};

/**
 * Runs `work`, prefixing the field of a refusal with `prefix` (`device.imei`,
 * `evidence.1.sha256`), so the caller knows which record of the intake was at fault.
 */
async function within<Value>(prefix: string, work: () => Promise<Value>): Promise<Value> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { field } = error.error;
    throw new Refusal({
      ...error.error,
      field: field === undefined ? prefix : `${prefix}.${field}`,
    });
  }
}

/** An intake's records, and the draft it removes. */
const intakeTables = writeScope(
  [customerDefinition, deviceDefinition, claimDefinition, evidenceDefinition],
  ['drafts'],
);

/**
 * A whole intake in one repository operation: the customer (when new), the device (when new), the
 * claim (in status `intake`, with the station's next RMA number) and one evidence record per file,
 * and the form's draft is removed. One transaction and one outbox entry, so the intake is stored, and syncs, whole or not at all;
 * each record is validated and audited as its own repository would.
 */
export class IntakeRepository {
  constructor(private readonly writer: RepositoryWriter) {}

  /**
   * Stores the intake. A refusal names the field by its path in `draft` (`customer.phone`,
   * `device.imei`, `claim.purchase.shopLink`, `evidence.0.sha256`); nothing is stored then.
   */
  async create(
    draft: IntakeRecordsDraft,
    context: WriteContext,
  ): Promise<RepositoryResult<SavedIntakeRecords>> {
    // The photos' thumbnails made since their files were stored (while the form was filled in)
    // are named by their records. Save never waits for one still being made: the technician's
    // save returns at once, and a record without one gains it once it is made (nameLateThumbnails).
    return this.writer.write(context, intakeTables, async (session) => {
      const customerId = await within('customer', () => customerIdOf(session, draft.customer));
      const deviceId = await within('device', () => deviceIdOf(session, draft.device, customerId));
      const claim = await within('claim', () =>
        insertNewClaim(session, { ...draft.claim, customerId, deviceId }),
      );
      const evidence: StoredEvidence[] = [];
      for (const [index, file] of draft.evidence.entries()) {
        const row = await within(`evidence.${index}`, async () =>
          session.insert(
            evidenceDefinition,
            await withCapturedThumbnail(
              session.parse(evidenceDefinition, {
                ...file,
                id: uuidv7(),
                claimId: claim.id,
                capturedBy: session.actor,
              }),
              session,
            ),
          ),
        );
        evidence.push(row);
      }
      if (draft.draftKey !== undefined)
        await session.table<DraftRow>('drafts').delete(draft.draftKey);
      return { claim, customerId, deviceId, evidence };
    });
  }
}

async function customerIdOf(session: WriteSession, customer: IntakeCustomer): Promise<RecordId> {
  if (customer.kind === 'existing') {
    return (await session.findLive(customerDefinition, customer.id)).id;
  }
  const row = session.parse(customerDefinition, { ...customer.customer, id: uuidv7() });
  return (await session.insert(customerDefinition, row)).id;
}

async function deviceIdOf(
  session: WriteSession,
  device: IntakeDevice,
  customerId: RecordId,
): Promise<RecordId> {
  if (device.kind === 'existing') {
    return (await session.findLive(deviceDefinition, device.id)).id;
  }
  const row = session.parse(deviceDefinition, { ...device.device, customerId, id: uuidv7() });
  return (await session.insert(deviceDefinition, row)).id;
}
