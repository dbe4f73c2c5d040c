import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoredClaim } from '../core';

type AuthorizeModalProps = {
  /** The claim just saved that the policy offers a remedy for; undefined keeps the dialog shut. */
  readonly claim: StoredClaim | undefined;
  readonly onOpenClaim: (claim: StoredClaim) => void;
  readonly onAuthorize: (claim: StoredClaim) => void;
};

/** After saving a claim the policy covers: submit it for authorization now, or just open it. */
export function AuthorizeModal({ claim, onOpenClaim, onAuthorize }: AuthorizeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={claim !== undefined}
      onClose={() => {
        if (claim !== undefined) onOpenClaim(claim);
      }}
      title={claim === undefined ? '' : t('intake.save.authorizeTitle', { rma: claim.rmaNumber })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('intake.save.authorizeBody')}</Text>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              if (claim !== undefined) onOpenClaim(claim);
            }}
          >
            {t('intake.save.openClaim')}
          </Button>
          <Button
            data-autofocus
            onClick={() => {
              if (claim !== undefined) onAuthorize(claim);
            }}
          >
            {t('intake.save.authorize')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
