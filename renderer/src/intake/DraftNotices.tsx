import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saveFailureText } from '../i18n/saveFailureText';
import classes from './IntakeScreen.module.css';
import type { IntakeDraft } from './useIntakeDraft';

type DraftNoticesProps = {
  readonly draft: Pick<IntakeDraft, 'restoredAt' | 'keepError'>;
  /** The station's time zone, for the time the draft was kept. */
  readonly timeZone: string;
  readonly language: string;
  readonly onDiscard: () => void;
};

/** A draft restored from the last visit (with a way to start afresh), or why it cannot be kept. */
export function DraftNotices({ draft, timeZone, language, onDiscard }: DraftNoticesProps) {
  const { t } = useTranslation();
  const restoredTime =
    draft.restoredAt === undefined
      ? undefined
      : new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }).format(new Date(draft.restoredAt));
  return (
    <>
      {restoredTime === undefined ? null : (
        <Alert color="blue" py={6} role="status" className={classes.notice}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('intake.draft.restored', { time: restoredTime })}</Text>
            <Button size="compact-sm" variant="default" onClick={onDiscard}>
              {t('intake.draft.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {draft.keepError === undefined ? null : (
        <Alert color="red" py={6} role="alert" className={classes.notice}>
          {saveFailureText(t, draft.keepError, (reason) =>
            t('intake.draft.keepFailed', { reason }),
          )}
        </Alert>
      )}
    </>
  );
}
