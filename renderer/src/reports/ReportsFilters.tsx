import { Button, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { builtInPacks } from '#shared/policy';
import { policyPackName } from '../i18n/policyPackName';

/** The filters as typed: ISO days (or '') and a pack id (or '' for all packs). */
export type ReportsFilterValues = { from: string; to: string; pack: string };

type ReportsFiltersProps = {
  values: ReportsFilterValues;
  onChange: (values: ReportsFilterValues) => void;
  onRefresh: () => void;
  /** The message for a range that ends before it starts. */
  rangeError: string | undefined;
};

const allPacks = 'all';

/** Opened between two days, and one policy pack; the reports follow as they change. */
export function ReportsFilters({ values, onChange, onRefresh, rangeError }: ReportsFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      <TextInput
        type="date"
        label={t('reports.openedFrom')}
        w={170}
        value={values.from}
        onChange={(event) => onChange({ ...values, from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('reports.openedTo')}
        w={170}
        value={values.to}
        error={rangeError}
        onChange={(event) => onChange({ ...values, to: event.currentTarget.value })}
      />
      <Select
        label={t('reports.pack')}
        w={260}
        allowDeselect={false}
        value={values.pack === '' ? allPacks : values.pack}
        onChange={(value) =>
          onChange({ ...values, pack: value === null || value === allPacks ? '' : value })
        }
        data={[
          { value: allPacks, label: t('reports.allPacks') },
          ...Object.values(builtInPacks).map((pack) => ({
            value: pack.id,
            label: policyPackName(t, pack.id),
          })),
        ]}
      />
      <Group gap="xs" mt={25}>
        <Button variant="default" onClick={() => onChange({ from: '', to: '', pack: '' })}>
          {t('reports.clearFilters')}
        </Button>
        <Tooltip label={t('reports.refreshHint')}>
          <Button variant="light" onClick={onRefresh}>
            {t('reports.refresh')}
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
