import { Button, Group, Select, Switch } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import { builtInPacks } from '#shared/policy';
import type { QueueFilterCounts } from '../core';
import type { Person, QueueFilter } from '../core/model';
import { queueFilterSchema } from '../core/model';
import { useCountFormat } from '../hooks/useStationFormat';
import { policyPackName } from '../i18n/policyPackName';

type QueueFiltersProps = {
  readonly filter: QueueFilter;
  readonly counts: QueueFilterCounts | undefined;
  readonly technicians: readonly Person[];
  /** Changes the filter from the one in force when it applies, so quick changes compose. */
  readonly onChange: (update: (current: QueueFilter) => QueueFilter) => void;
  /** Someone points at or focuses the filters: time to count their choices. */
  readonly onReach: () => void;
  /** The first field, which `/` focuses. */
  readonly firstFieldRef: Ref<HTMLInputElement>;
};

const anyValue = 'any';

/** The queue's filters, each choice with how many claims it holds on its own. */
export function QueueFilters({
  filter,
  counts,
  technicians,
  onChange,
  onReach,
  firstFieldRef,
}: QueueFiltersProps) {
  const { t } = useTranslation();
  const formatCount = useCountFormat();
  const withCount = (label: string, count: number | undefined) =>
    count === undefined
      ? label
      : t('queueScreen.choiceCount', { label, count: formatCount(count) });
  const change = (patch: Partial<Record<keyof QueueFilter, string | true | undefined>>) =>
    onChange((current) => {
      const next: Record<string, unknown> = { ...current, ...patch };
      for (const [field, value] of Object.entries(next)) {
        if (value === undefined || value === anyValue) Reflect.deleteProperty(next, field);
      }
      return queueFilterSchema.safeParse(next).data ?? current;
    });
  return (
    <Group
      align="flex-end"
      gap="sm"
      wrap="wrap"
      role="search"
      aria-label={t('queueScreen.filters')}
      onMouseEnter={onReach}
      onFocus={onReach}
    >
      <Select
        ref={firstFieldRef}
        label={t('queueScreen.status')}
        w={230}
        allowDeselect={false}
        value={filter.status ?? anyValue}
        onChange={(value) => change({ status: value ?? undefined })}
        data={[
          { value: anyValue, label: withCount(t('queueScreen.anyStatus'), counts?.all) },
          ...claimStatusSchema.options.map((status) => ({
            value: status,
            label: withCount(t(`status.${status}`), counts?.byStatus.get(status)),
          })),
        ]}
      />
      <Select
        label={t('queueScreen.pack')}
        w={250}
        allowDeselect={false}
        value={filter.packId ?? anyValue}
        onChange={(value) => change({ packId: value ?? undefined })}
        data={[
          { value: anyValue, label: t('queueScreen.anyPack') },
          ...Object.values(builtInPacks).map((pack) => ({
            value: pack.id,
            label: withCount(policyPackName(t, pack.id), counts?.byPack.get(pack.id)),
          })),
        ]}
      />
      <Select
        label={t('queueScreen.assignee')}
        w={200}
        allowDeselect={false}
        value={filter.assigneeId ?? anyValue}
        onChange={(value) => change({ assigneeId: value ?? undefined })}
        data={[
          { value: anyValue, label: t('queueScreen.anyone') },
          ...technicians.map((technician) => ({
            value: technician.id,
            label: withCount(technician.name, counts?.byAssignee.get(technician.id)),
          })),
        ]}
      />
      <Switch
        mb={8}
        label={
          counts === undefined
            ? t('queueScreen.overdue')
            : t('queueScreen.overdueCount', { count: formatCount(counts.overdue) })
        }
        checked={filter.overdue === true}
        onChange={(event) => change({ overdue: event.currentTarget.checked ? true : undefined })}
      />
      {Object.keys(filter).length > 0 ? (
        <Button variant="subtle" size="sm" mb={4} onClick={() => onChange(() => ({}))}>
          {t('queueScreen.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
