import { useTranslation } from 'react-i18next';
import { BackupPanel } from './backup/BackupPanel';
import { usePersistentStorage } from './hooks/usePersistentStorage';

export function App() {
  const { t } = useTranslation();
  const storage = usePersistentStorage();
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <p>{t('app.tagline')}</p>
      {storage === 'denied' || storage === 'unsupported' ? (
        <p role="alert">{t('storage.notPersistent')}</p>
      ) : null}
      <BackupPanel />
    </main>
  );
}
