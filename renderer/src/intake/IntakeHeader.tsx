import { Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The screen's title, what it is for, and its two shortcuts. */
export function IntakeHeader() {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" wrap="nowrap">
      <Stack gap={0}>
        <Title order={2}>{t('intake.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('intake.intro')}
        </Text>
      </Stack>
      <Group gap="md" c="dimmed">
        <Text size="xs">
          <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">S</Kbd> {t('intake.shortcuts.saveAction')}
        </Text>
        <Text size="xs">
          <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Shift</Kbd> + <Kbd size="xs">F</Kbd>{' '}
          {t('intake.shortcuts.searchAction')}
        </Text>
      </Group>
    </Group>
  );
}
