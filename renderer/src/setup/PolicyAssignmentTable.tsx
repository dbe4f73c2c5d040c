import { MultiSelect, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalesChannel } from '../../../shared/domain/vocabulary';
import { salesChannelSchema } from '../../../shared/domain/vocabulary';
import { builtInPacks, policyIdSchema } from '../../../shared/policy';
import type { SetupFormValues } from './setupForm';

type Assignment = SetupFormValues['policyAssignments'][number];

type PolicyAssignmentTableProps = {
  readonly assignments: readonly Assignment[];
  readonly onChange: (index: number, assignment: Assignment) => void;
  readonly errorOf: (index: number) => string | undefined;
};

/** Brand → policy pack, by the sales channels the device was bought through. */
export function PolicyAssignmentTable({
  assignments,
  onChange,
  errorOf,
}: PolicyAssignmentTableProps) {
  const { t } = useTranslation();
  const packs = Object.values(builtInPacks).map((pack) => ({
    value: pack.id,
    label: `${pack.title} (${pack.id})`,
  }));
  const channels = salesChannelSchema.options.map((channel) => ({
    value: channel,
    label: t(`channel.${channel}`),
  }));
  return (
    <Table verticalSpacing="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('setup.brand')}</Table.Th>
          <Table.Th w={340}>{t('setup.pack')}</Table.Th>
          <Table.Th>{t('setup.channels')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assignments.map((assignment, index) => (
          <Table.Tr key={`${assignment.brand}-${assignment.packId}`}>
            <Table.Td>
              <Text fw={600}>{assignment.brand}</Text>
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`${t('setup.pack')}: ${assignment.brand}`}
                allowDeselect={false}
                data={packs}
                value={assignment.packId}
                onChange={(value) => {
                  const packId = policyIdSchema.safeParse(value);
                  if (packId.success) onChange(index, { ...assignment, packId: packId.data });
                }}
              />
            </Table.Td>
            <Table.Td>
              <MultiSelect
                aria-label={`${t('setup.channels')}: ${assignment.brand}, ${assignment.packId}`}
                data={channels}
                value={assignment.channels}
                error={errorOf(index)}
                onChange={(values) =>
                  onChange(index, {
                    ...assignment,
                    channels: values.flatMap((value): SalesChannel[] => {
                      const channel = salesChannelSchema.safeParse(value);
                      return channel.success ? [channel.data] : [];
                    }),
                  })
                }
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
