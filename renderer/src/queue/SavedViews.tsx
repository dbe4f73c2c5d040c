import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStationCore } from '../core';
import type { QueueFilter, SavedView } from '../core/model';
import type { RepositoryError } from '../core/model';
import { savedViewNameMaxLength, stationSavedViews } from '../core/model';
import { repositoryErrorText } from '../i18n/errorText';
import { useStationContext } from '../station/StationContext';
import classes from './ClaimQueueList.module.css';
import { filterKey } from './queueFilterParams';

type SavedViewsProps = {
  readonly filter: QueueFilter;
  readonly onApply: (filter: QueueFilter) => void;
};

/** Why a view was not saved: its name in the queue's words, anything else by its code. */
function viewErrorText(t: TFunction, error: RepositoryError, name: string): string {
  if (error.code !== 'invalid-input' || error.field !== 'name')
    return repositoryErrorText(t, error);
  return name.trim() === ''
    ? t('errors.viewName.empty')
    : t('errors.viewName.tooLong', { max: savedViewNameMaxLength });
}

/** The station's saved filter sets as chips: apply one in a click, save the current one, delete. */
export function SavedViews({ filter, onApply }: SavedViewsProps) {
  const { t } = useTranslation();
  const { station } = useStationContext();
  const { commands } = useStationCore();
  const views = stationSavedViews(station);
  const current = filterKey(filter);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await commands.station.saveView(name, filter);
    if (!saved.ok) {
      setError(viewErrorText(t, saved.error, name));
      return;
    }
    setNaming(false);
    setName('');
    setError(undefined);
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      color: 'teal',
      message: t('queueScreen.viewSaved', { name: saved.value.name }),
    });
  };
  const remove = async (view: SavedView) => {
    const removed = await commands.station.removeView(view.id);
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      ...(removed.ok
        ? { color: 'teal', message: t('queueScreen.viewDeleted', { name: view.name }) }
        : { color: 'red', message: repositoryErrorText(t, removed.error) }),
    });
  };

  return (
    <Group gap="xs" wrap="wrap" aria-label={t('queueScreen.views')} role="group">
      <Text size="sm" fw={600} c="dimmed">
        {t('queueScreen.views')}
      </Text>
      {views.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('queueScreen.noViews')}
        </Text>
      ) : null}
      {views.map((view) => {
        const active = filterKey(view.filter) === current;
        return (
          <Group
            key={view.id}
            gap={0}
            wrap="nowrap"
            className={classes.viewChip}
            data-active={active || undefined}
          >
            <Button
              size="compact-sm"
              variant={active ? 'filled' : 'light'}
              aria-label={t('queueScreen.applyView', { name: view.name })}
              aria-pressed={active}
              onClick={() => onApply(view.filter)}
              className={classes.viewApply}
            >
              {view.name}
            </Button>
            <ActionIcon
              size={26}
              variant={active ? 'filled' : 'light'}
              aria-label={t('queueScreen.deleteView', { name: view.name })}
              onClick={() => void remove(view)}
              className={classes.viewDelete}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Popover
        opened={naming}
        onChange={setNaming}
        position="bottom-start"
        withArrow
        trapFocus
        shadow="md"
      >
        <Popover.Target>
          <Button size="compact-sm" variant="default" onClick={() => setNaming((open) => !open)}>
            {t('queueScreen.saveView')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={(event) => void save(event)} aria-label={t('queueScreen.saveViewTitle')}>
            <Stack gap="xs" w={280}>
              <Text size="sm" fw={600}>
                {t('queueScreen.saveViewTitle')}
              </Text>
              <TextInput
                label={t('queueScreen.viewName')}
                description={t('queueScreen.viewNameHint')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={error}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button type="submit" size="sm">
                  {t('queueScreen.saveViewConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
