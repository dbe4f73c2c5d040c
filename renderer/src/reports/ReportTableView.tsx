import { Table } from '@mantine/core';
import type { ReportTable } from './reportTables';

type ReportTableViewProps = {
  table: ReportTable;
  /** Names the table for screen readers. */
  caption: string;
};

/** Every figure of a report, so no number is only in a chart's tooltip. */
export function ReportTableView({ table, caption }: ReportTableViewProps) {
  const align = (index: number) => (table.numeric[index] === true ? 'right' : 'left');
  return (
    <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          {table.headers.map((header, index) => (
            <Table.Th
              key={header}
              ta={align(index)}
              style={table.numeric[index] === true ? { whiteSpace: 'nowrap' } : undefined}
            >
              {header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row, rowIndex) => (
          <Table.Tr key={rowIndex}>
            {row.map((cell, index) => (
              <Table.Td
                key={index}
                ta={align(index)}
                style={table.numeric[index] === true ? { whiteSpace: 'nowrap' } : undefined}
              >
                {cell.text}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
