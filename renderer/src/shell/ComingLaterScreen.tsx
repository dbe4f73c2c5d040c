import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScreenLabelKey } from './navigation';

type ComingLaterScreenProps = { readonly labelKey: ScreenLabelKey };

/** What a screen of a later release shows today: honestly nothing, and where to go instead. */
export function ComingLaterScreen({ labelKey }: ComingLaterScreenProps) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Stack align="center" gap="sm" maw={480}>
        <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
          <Text fz={28} lh={1}>
            …
          </Text>
        </ThemeIcon>
        <Title order={2} size="h3" ta="center">
          {t('comingLater.title', { screen: t(labelKey) })}
        </Title>
        <Text c="dimmed" ta="center">
          {t('comingLater.body')}
        </Text>
        <Button component={Link} to="/" variant="light">
          {t('comingLater.toQueue')}
        </Button>
      </Stack>
    </Center>
  );
}
