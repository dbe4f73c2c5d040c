import { Alert } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePersistentStorage } from '../hooks/usePersistentStorage';
import classes from './StorageWarning.module.css';

type StorageWarningProps = {
  /**
   * Above every screen the user may hide it until the browser closes; Settings shows it always,
   * so the risk stays on record.
   */
  readonly dismissible?: boolean;
};

/** Says so when the browser may evict the station's data (see requestPersistentStorage). */
export function StorageWarning({ dismissible = false }: StorageWarningProps) {
  const { t } = useTranslation();
  const storage = usePersistentStorage();
  const [dismissed, setDismissed] = useSessionStorage({
    key: 'fixline-storage-warning-dismissed',
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  if (storage !== 'denied' && storage !== 'unsupported') return null;
  if (dismissible && dismissed) return null;
  return (
    <Alert
      color="yellow"
      py="xs"
      mb={dismissible ? 'md' : 0}
      role="alert"
      className={classes.notice}
      withCloseButton={dismissible}
      closeButtonLabel={t('storage.dismiss')}
      onClose={() => setDismissed(true)}
    >
      {t('storage.notPersistent')}
    </Alert>
  );
}
