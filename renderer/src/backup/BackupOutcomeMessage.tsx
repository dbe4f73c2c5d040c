import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RestoreError } from '../core';
import type { BackupOutcome } from '../hooks/useStationBackup';
import { failureText, type Failure } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';
import { backupEn } from './messages';

type BackupOutcomeMessageProps = { readonly outcome: BackupOutcome };

/** What the last export, restore or reset did, in the screen's language. */
export function BackupOutcomeMessage({ outcome }: BackupOutcomeMessageProps) {
  const { t } = useTranslation();
  const status = (text: string) => (
    <Alert role="status" color="teal" variant="light">
      {text}
    </Alert>
  );
  const alert = (text: string, failure?: Failure) => (
    <Alert role="alert" color="red" variant="light">
      {text}
      {failure === undefined ? null : <FailureDetails failure={failure} />}
    </Alert>
  );
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'exporting':
      return status(t('backup.exporting'));
    case 'restoring':
      return status(t('backup.restoring'));
    case 'saved':
      return status(
        t(outcome.encrypted ? 'backup.savedEncrypted' : 'backup.saved', {
          path: outcome.path,
          claims: outcome.manifest.tables.claims ?? 0,
          attachments: outcome.manifest.attachments.length,
        }),
      );
    case 'canceled':
      return status(t('backup.canceled'));
    case 'export-failed':
      return alert(
        t('backup.exportFailed', { reason: failureText(t, outcome.failure) }),
        outcome.failure,
      );
    case 'restored':
      return status(
        t(outcome.summary.legacy ? 'backup.restoredLegacy' : 'backup.restored', {
          claims: outcome.summary.rows['claims'] ?? 0,
          attachments: outcome.summary.attachments,
        }),
      );
    case 'restore-refused':
      return alert(refusalText(t, outcome.error));
    case 'restore-failed':
      return alert(
        t('backup.restoreFailed', { reason: failureText(t, outcome.failure) }),
        outcome.failure,
      );
    case 'reset':
      return status(t('backup.reset.done'));
    case 'reset-failed':
      return alert(
        t('backup.reset.failed', { reason: failureText(t, outcome.failure) }),
        outcome.failure,
      );
  }
}

type Translate = TFunction;

/** A table's name in the screen's language; a table the messages do not know keeps its name. */
function tableWords(t: Translate, table: string | undefined): string {
  if (table === undefined) return '';
  return Object.hasOwn(backupEn.tables, table)
    ? t(`backup.tables.${table as keyof typeof backupEn.tables}`)
    : table;
}

/** A refusal in words: its code's sentence, with the table named in the screen's language. */
function refusalText(t: Translate, error: RestoreError): string {
  const { code, table, row, field, problem, entry, expected, found } = error;
  return t(`backup.refused.${code}`, {
    table: tableWords(t, table),
    row,
    field,
    problem,
    entry,
    expected,
    found,
  });
}
