import type { z } from 'zod';
import type { ClaimStatus, ClaimTransitionErrorCode } from '#shared/domain/claimWorkflow';
import type { Result } from '#shared/domain/result';
import type { PermissionAction, PermissionRefusal, Role } from '#shared/domain/roles';
import { fail, ok } from '#shared/domain/result';
import { describeFirstIssue } from '#shared/domain/validation';
import { isStorageFull } from '../writeGuard';

/**
 * Why a repository refused a write. Codes are stable, for the UI to translate; messages are
 * English and say what to fix.
 * - `invalid-input`: a field breaks the domain schema (`field` names it).
 * - `not-found`: the record, or one it refers to (`field`), does not exist or was deleted.
 * - `fixed-field`: the field never changes once the record exists (an RMA number, a file's digest).
 * - `station-not-set-up` / `station-already-set-up`: the station code is chosen once, at first run.
 * - `quote-not-editable`: the quote was sent; change a new revision instead.
 * - `attachment-missing`: evidence must point at bytes already in the attachment store.
 * - `not-author`: only the author of a note may change it.
 * - `storage-full`: the disk or the browser's quota is full; nothing was written.
 * - `conflict`: a unique value is already taken (an RMA number, when two stations share a code).
 * - `not-permitted`: the person at the bench has none of the roles allowed to do `action`
 *   (`rolesAllowed` lists them); `unknown-person`: the actor is not an active person here.
 * - `last-manager`: the change would leave the station without an active manager.
 * - `device-not-received`: an inspection needs the device at the center: receive it first (B14).
 * - the codes of a refused claim transition (see `transitionClaim`).
 */
export type RepositoryErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'fixed-field'
  | 'station-not-set-up'
  | 'station-already-set-up'
  | 'quote-not-editable'
  | 'attachment-missing'
  | 'not-author'
  | 'storage-full'
  | 'conflict'
  | 'not-permitted'
  | 'unknown-person'
  | 'last-manager'
  | 'device-not-received'
  | ClaimTransitionErrorCode;

/** A refused write: nothing of it was stored. */
export type RepositoryError = {
  readonly code: RepositoryErrorCode;
  readonly message: string;
  /** The field at fault, as a dotted path (`purchase.invoiceDate`), when there is one. */
  readonly field?: string;
  /** The policy clauses behind a refused claim transition. */
  readonly clauses?: readonly string[];
  /** Where a claim may go instead, for a refused claim transition. */
  readonly allowedStatuses?: readonly ClaimStatus[];
  /** What the person tried to do, for a `not-permitted` refusal. */
  readonly action?: PermissionAction;
  /** The roles that may do `action`, for a `not-permitted` refusal. */
  readonly rolesAllowed?: readonly Role[];
};

/** The outcome of a repository write. */
export type RepositoryResult<Value> = Result<Value, RepositoryError>;

/**
 * Thrown inside a repository transaction to refuse the write: throwing aborts the transaction,
 * so whatever the operation wrote before the refusal is rolled back with it.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';

  constructor(readonly error: RepositoryError) {
    super(error.message);
  }
}

/** The refusal of an action the person at the bench may not do (see shared/domain/roles). */
export function permissionRefusal(refusal: PermissionRefusal): RepositoryError {
  const doing = refusal.action.replaceAll('-', ' ');
  return {
    code: refusal.code,
    action: refusal.action,
    rolesAllowed: refusal.rolesAllowed,
    message:
      refusal.code === 'unknown-person'
        ? `Sign in as an active person of this station to ${doing}.`
        : `Only a ${refusal.rolesAllowed.join(' or ')} may ${doing}: switch to one at the bench to do it.`,
  };
}

/** The refusal of input that fails `schema`, naming the first field at fault. */
export function invalidInput(error: z.ZodError): RepositoryError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.');
  return {
    code: 'invalid-input',
    message: describeFirstIssue(error),
    ...(field === undefined || field === '' ? {} : { field }),
  };
}

/** Parses `input` with `schema`: the parsed value, or a refusal naming the field at fault. */
export function parseInput<Output>(
  schema: z.ZodType<Output>,
  input: unknown,
): RepositoryResult<Output> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(invalidInput(parsed.error));
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = 'name' in error && typeof error.name === 'string' ? error.name : undefined;
  // Dexie wraps IndexedDB errors and keeps the original as `inner`.
  const inner = 'inner' in error ? errorName(error.inner) : undefined;
  return inner ?? name;
}

/**
 * The refusal for a storage failure the user can act on (a full disk, a taken unique value);
 * undefined for anything else, which is a bug and is thrown on. The screens word `storage-full`
 * themselves (see `describeRepositoryError`).
 */
export function storageFailure(error: unknown): RepositoryError | undefined {
  if (isStorageFull(error)) {
    return {
      code: 'storage-full',
      message:
        'Storage is full: free space on this computer or remove old videos, then save again. Nothing was saved.',
    };
  }
  if (errorName(error) === 'ConstraintError') {
    return {
      code: 'conflict',
      message:
        'A value that must be unique is already stored (for example an RMA number, when two stations were given the same station code). Nothing was saved.',
    };
  }
  return undefined;
}
