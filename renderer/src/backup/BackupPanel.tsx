import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationBackup, type BackupOutcome } from '../hooks/useStationBackup';

/** Export the station to one file; restore one on a new or reset station. */
export function BackupPanel() {
  const { t } = useTranslation();
  const { outcome, exportBackup, restoreBackup } = useStationBackup();
  const restoreInputId = useId();
  const busy = outcome.kind === 'working';
  return (
    <section aria-labelledby={`${restoreInputId}-title`}>
      <h2 id={`${restoreInputId}-title`}>{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void exportBackup()}>
          {t('backup.export')}
        </button>
        <span>
          <label htmlFor={restoreInputId}>{t('backup.restore')}</label>{' '}
          <input
            id={restoreInputId}
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void restoreBackup(file);
              event.currentTarget.value = '';
            }}
          />
        </span>
      </div>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}

type OutcomeMessageProps = { outcome: BackupOutcome };

function OutcomeMessage({ outcome }: OutcomeMessageProps) {
  const { t } = useTranslation();
  const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'working':
      return <p role="status">{t('backup.working')}</p>;
    case 'saved':
      return <p role="status">{t('backup.saved', { path: outcome.path })}</p>;
    case 'canceled':
      return <p role="status">{t('backup.canceled')}</p>;
    case 'too-large':
      return (
        <p role="alert">
          {t('backup.tooLarge', {
            size: megabytes(outcome.sizeBytes),
            limit: megabytes(outcome.limitBytes),
          })}
        </p>
      );
    case 'save-failed':
      return <p role="alert">{t('backup.saveFailed', { reason: outcome.message })}</p>;
    case 'restored':
      return <p role="status">{t('backup.restored')}</p>;
    case 'restore-refused':
      return <p role="alert">{t(`backup.refused.${outcome.code}`)}</p>;
  }
}
