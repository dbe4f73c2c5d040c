import type { Result } from '#shared/domain/result';
import { fail } from '#shared/domain/result';
import type {
  IntakeRecordsDraft,
  Repositories,
  RepositoryError,
  SavedIntakeRecords,
  WriteContext,
} from '../core/model';

export type { IntakeCustomer, IntakeDevice, IntakeEvidence } from '../core/model';

/** Everything an intake records: customer, device, claim and the files attached. */
export type IntakeInput = IntakeRecordsDraft;

/** What an intake stored. */
export type SavedIntake = SavedIntakeRecords;

/** The records of an intake, in the order they are written. */
export type IntakeStep = 'customer' | 'device' | 'claim' | 'evidence';

/**
 * Why an intake was not saved: the repository's refusal, the record it came from (`step`, with
 * the file's position for evidence) and that record's field, so the form can show the message
 * next to the field. Nothing was stored.
 */
export type IntakeSaveError = RepositoryError & {
  readonly step: IntakeStep | undefined;
  readonly evidenceIndex?: number;
};

const steps: readonly string[] = ['customer', 'device', 'claim', 'evidence'];
const isStep = (value: string | undefined): value is IntakeStep =>
  value !== undefined && steps.includes(value);

/** Splits a refusal's field path (`evidence.1.sha256`) into its record and the record's field. */
function locate(error: RepositoryError): IntakeSaveError {
  const [head, ...rest] = (error.field ?? '').split('.');
  if (!isStep(head)) return { ...error, step: undefined };
  if (head === 'evidence') {
    const [index, ...field] = rest;
    return {
      ...error,
      step: head,
      evidenceIndex: Number(index),
      field: field.length === 0 ? undefined : field.join('.'),
    };
  }
  return { ...error, step: head, field: rest.length === 0 ? undefined : rest.join('.') };
}

/**
 * Saves an intake: the customer (when new), the device (when new), the claim (with the station's
 * next RMA number, in status `intake`) and one evidence record per attached file, in one
 * transaction and one outbox entry, so either every record is stored or none is. Every record is
 * attributed to `context.actor`, who is also recorded as the files' capturer. The files' bytes
 * must already be stored (`storeAttachment`); evidence of a missing file is refused.
 */
export async function saveIntake(
  repositories: Repositories,
  input: IntakeInput,
  context: WriteContext,
): Promise<Result<SavedIntake, IntakeSaveError>> {
  const saved = await repositories.intakes.create(input, context);
  return saved.ok ? saved : fail(locate(saved.error));
}
