import { Alert, Button, Stack, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';
import { fieldId } from './fieldTargets';

type SaveActionProps = {
  readonly saving: boolean;
  /** Why the last save did not go through, in the current language. */
  readonly failure: string | undefined;
  /** A failure nobody foresaw, whose technical details go under the message. */
  readonly unexpected: Failure | undefined;
  readonly onSave: () => void;
};

/** The Save button (Ctrl+S) and, under it, why the last attempt did not save. */
export function SaveAction({ saving, failure, unexpected, onSave }: SaveActionProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Tooltip label={`Ctrl+S ${t('intake.shortcuts.saveAction')}`}>
        <Button
          id={fieldId('save')}
          size="md"
          fullWidth
          loading={saving}
          onClick={onSave}
          aria-keyshortcuts="Control+S"
        >
          {t('intake.save.button')}
        </Button>
      </Tooltip>
      {failure === undefined ? null : (
        <Alert color="red" role="alert" py="xs">
          {failure}
          {unexpected === undefined ? null : <FailureDetails failure={unexpected} />}
        </Alert>
      )}
    </Stack>
  );
}
