import { SimpleGrid, Text } from '@mantine/core';

type FactListProps = {
  /** Label and value pairs, in reading order. */
  facts: readonly (readonly [label: string, value: string])[];
  /** Columns at full width (the list drops to fewer on narrow windows). */
  columns: 2 | 3;
  /** Bold values, for facts that identify the record. */
  emphasized?: boolean;
};

/** Facts about a record as a definition list in a grid: a small dimmed label over each value. */
export function FactList({ facts, columns, emphasized = false }: FactListProps) {
  return (
    <SimpleGrid
      cols={columns === 3 ? { base: 2, md: 3 } : { base: 1, sm: 2 }}
      spacing="md"
      verticalSpacing={columns === 3 ? 'sm' : 'xs'}
      component="dl"
      m={0}
    >
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={emphasized ? 500 : undefined}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
