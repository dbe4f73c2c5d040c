import { ActionIcon, MultiSelect, Select, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalesChannel } from '#shared/domain/vocabulary';
import { salesChannelSchema } from '#shared/domain/vocabulary';
import { builtInPacks, policyIdSchema } from '#shared/policy';
import type { PolicyAssignmentFormValues } from './centerForm';

type PolicyAssignmentTableProps = {
  readonly assignments: readonly PolicyAssignmentFormValues[];
  readonly onChange: (index: number, assignment: PolicyAssignmentFormValues) => void;
  readonly onRemove: (index: number) => void;
  readonly errorOf: (index: number, part: 'brand' | 'channels') => string | undefined;
};

/**
 * The rules that pick a device's policy pack: a brand, the sales channels it was bought through,
 * and the pack. A channel can move from one rule to another (KOSPET bought on eBay to the
 * official store's pack, whose clause C1 refers the customer to the seller).
 */
export function PolicyAssignmentTable({
  assignments,
  onChange,
  onRemove,
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
          <Table.Th w={150}>{t('setup.brand')}</Table.Th>
          <Table.Th w={340}>{t('setup.pack')}</Table.Th>
          <Table.Th>{t('setup.channels')}</Table.Th>
          <Table.Th w={48}>
            <VisuallyHidden>{t('centerForm.removeRuleColumn')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assignments.map((assignment, index) => {
          const rule = t('centerForm.rule', { number: index + 1 });
          return (
            // Rules have no identity of their own and every field is controlled: the row's place is its key.
            <Table.Tr key={index}>
              <Table.Td>
                <TextInput
                  aria-label={`${t('setup.brand')} (${rule})`}
                  value={assignment.brand}
                  error={errorOf(index, 'brand')}
                  onChange={(event) =>
                    onChange(index, { ...assignment, brand: event.currentTarget.value })
                  }
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('setup.pack')} (${rule})`}
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
                  aria-label={`${t('setup.channels')} (${rule})`}
                  searchable
                  data={channels}
                  value={assignment.channels}
                  error={errorOf(index, 'channels')}
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
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('centerForm.removeRule', { rule })}
                  onClick={() => onRemove(index)}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
