import type { TFunction } from 'i18next';
import type { IpcError } from '#shared/ipc/result';
import type { AttachmentError, RepositoryError } from '../core/model';
import { formatByteSize } from '../core/model';
import type { MessageKey } from './messageKey';
import { en } from './en';

// The one place an error becomes a sentence. Errors carry a code and values; their `message` is
// English for logs and never reaches a translated sentence. Each switch below lists every code,
// so a new code without a sentence fails `tsc`.

/** What a repository refusal needs to be worded: its code and values, not its message. */
export type RepositoryErrorValues = Pick<
  RepositoryError,
  'code' | 'field' | 'action' | 'rolesAllowed' | 'clauses' | 'allowedStatuses'
>;

/** Something that went wrong, kept as data until a screen words it in its language. */
export type Failure =
  | { readonly kind: 'repository'; readonly error: RepositoryErrorValues }
  | { readonly kind: 'bridge'; readonly error: IpcError }
  | { readonly kind: 'attachment'; readonly error: AttachmentError; readonly fileName?: string }
  | { readonly kind: 'document'; readonly invalid: boolean; readonly detail: string }
  | { readonly kind: 'unexpected'; readonly detail: string };

/** A thrown value nobody foresaw (a bug, a browser refusal): kept with its detail, for support. */
export function unexpectedFailure(error: unknown): Failure {
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

/** Whether `key` names a leaf of the English messages (a field path under `fact.`, say). */
function isEnglishLeaf(key: string): key is MessageKey {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = Reflect.get(node, part);
  }
  return typeof node === 'string';
}

/** A field path in words: the fact's name where the messages have one, else the path itself. */
export function fieldText(t: TFunction, field: string): string {
  const key = `fact.${field}`;
  return isEnglishLeaf(key) ? t(key) : field;
}

function withField(
  t: TFunction,
  field: string | undefined,
  keys: { readonly named: MessageKey; readonly unnamed: MessageKey },
): string {
  return field === undefined || field === ''
    ? t(keys.unnamed)
    : t(keys.named, { field: fieldText(t, field) });
}

/**
 * Why the policy could not judge a claim or an intake, naming the field at fault (its English
 * `error` stays for the CLI and logs).
 */
export function evaluationErrorText(
  t: TFunction,
  error: { readonly path: readonly PropertyKey[] },
  keys: { readonly named: MessageKey; readonly unnamed: MessageKey },
): string {
  const field = error.path.filter((key): key is string => typeof key === 'string').join('.');
  return withField(t, field, keys);
}

/** A repository refusal in the screen's language, with its values worded too. */
export function repositoryErrorText(t: TFunction, error: RepositoryErrorValues): string {
  switch (error.code) {
    case 'invalid-input':
      return withField(t, error.field, {
        named: 'errors.repository.invalidInput',
        unnamed: 'errors.repository.invalidInputNoField',
      });
    case 'not-found':
      return withField(t, error.field, {
        named: 'errors.repository.notFound',
        unnamed: 'errors.repository.notFoundNoField',
      });
    case 'fixed-field':
      return withField(t, error.field, {
        named: 'errors.repository.fixedField',
        unnamed: 'errors.repository.fixedFieldNoField',
      });
    case 'station-not-set-up':
      return t('errors.repository.stationNotSetUp');
    case 'station-already-set-up':
      return t('errors.repository.stationAlreadySetUp');
    case 'quote-not-editable':
      return t('errors.repository.quoteNotEditable');
    case 'attachment-missing':
      return t('errors.repository.attachmentMissing');
    case 'not-author':
      return t('errors.repository.notAuthor');
    case 'storage-full':
      return t('storage.full');
    case 'conflict':
      return t('errors.repository.conflict');
    case 'not-permitted': {
      if (error.action === undefined || (error.rolesAllowed ?? []).length === 0)
        return t('errors.repository.notPermitted');
      const roles = (error.rolesAllowed ?? [])
        .map((role) => t(`people.roleArticle.${role}`))
        .join(t('people.or'));
      return t('people.refused', { roles, action: t(`people.action.${error.action}`) });
    }
    case 'unknown-person':
      return error.action === undefined
        ? t('errors.repository.unknownPerson')
        : t('people.unknownPerson', { action: t(`people.action.${error.action}`) });
    case 'last-manager':
      return t('errors.repository.lastManager');
    case 'device-not-received':
      return t('errors.repository.deviceNotReceived');
    case 'illegal-transition': {
      const refused = t('claimScreen.workflow.refusal.illegal-transition');
      const allowed = error.allowedStatuses ?? [];
      if (allowed.length === 0) return refused;
      const statuses = allowed.map((status) => t(`status.${status}`)).join(', ');
      return `${refused} ${t('claimScreen.workflow.allowed', { statuses })}`;
    }
    case 'doa-evidence-missing':
      return t('claimScreen.workflow.refusal.doa-evidence-missing', {
        missing: t('claimScreen.workflow.doaMissing.both'),
      });
    case 'already-in-status':
    case 'not-authorized':
    case 'inspection-missing':
    case 'remedy-missing':
    case 'quote-not-sent':
    case 'quote-not-approved':
      return t(`claimScreen.workflow.refusal.${error.code}`);
  }
}

/** What the desktop bridge (or the web bridge) answered, by its code. */
export function bridgeErrorText(t: TFunction, error: Pick<IpcError, 'code'>): string {
  switch (error.code) {
    case 'invalid-input':
    case 'invalid-output':
    case 'forbidden-sender':
    case 'not-allowed':
    case 'not-found':
    case 'not-supported':
    case 'failed':
      return t(`errors.bridge.${error.code}`);
  }
}

/** A file the attachment store refused. */
export function attachmentErrorText(
  t: TFunction,
  error: AttachmentError,
  fileName?: string,
): string {
  switch (error.code) {
    case 'too-large':
      return t('errors.attachment.tooLarge', {
        file: fileName === undefined ? t('errors.attachment.aFile') : `“${fileName}”`,
        size: formatByteSize(error.sizeBytes),
        limit: formatByteSize(error.maxBytes),
      });
    case 'storage-full':
      return t('storage.full');
  }
}

/** The sentence of any failure, in the screen's language. */
export function failureText(t: TFunction, failure: Failure): string {
  switch (failure.kind) {
    case 'repository':
      return repositoryErrorText(t, failure.error);
    case 'bridge':
      return bridgeErrorText(t, failure.error);
    case 'attachment':
      return attachmentErrorText(t, failure.error, failure.fileName);
    case 'document':
      return t(failure.invalid ? 'errors.document.invalid' : 'errors.document.failed');
    case 'unexpected':
      return t('errors.unexpected');
  }
}

/**
 * The labelled technical line shown under a failure's sentence, for support: what the operating
 * system, the document layout or a thrown exception said (English, as they say it). Undefined
 * when the sentence says all there is.
 */
export function failureDetailsText(t: TFunction, failure: Failure): string | undefined {
  const detail = technicalDetail(failure);
  return detail === undefined || detail === '' ? undefined : t('errors.details', { detail });
}

function technicalDetail(failure: Failure): string | undefined {
  switch (failure.kind) {
    case 'repository':
    case 'attachment':
      return undefined;
    case 'bridge':
      return failure.error.code === 'not-supported' || failure.error.code === 'forbidden-sender'
        ? undefined
        : failure.error.message;
    case 'document':
    case 'unexpected':
      return failure.detail;
  }
}
