import type { RuleResult, SyncRuleCode } from '#shared/sync/rejections';
import type { RepositoryErrorCode } from './repositoryError';
import type { WriteSession } from './writeSession';

/**
 * The station's refusal code of each rule shared with the sync server (shared/sync/rules): the
 * screens translate the repository's codes, which stay as they were before the rules moved.
 */
const repositoryCodes = {
  'invalid-row': 'invalid-input',
  'unknown-field': 'invalid-input',
  'insert-only': 'fixed-field',
  'quote-sent': 'quote-not-editable',
  'quote-not-latest': 'conflict',
  'not-author': 'not-author',
  'sku-taken': 'conflict',
  'rma-number-taken': 'conflict',
  'transition-not-allowed': 'illegal-transition',
} as const satisfies Record<SyncRuleCode, RepositoryErrorCode>;

/** Refuses the session's write when a shared rule is broken, with the station's code for it. */
export function refuseBrokenRule(session: WriteSession, result: RuleResult): void {
  if (result.ok) return;
  const { code, message, field } = result.error;
  session.refuse({
    code: repositoryCodes[code],
    message,
    ...(field === undefined ? {} : { field }),
  });
}
