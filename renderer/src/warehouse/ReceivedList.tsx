import { Paper, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationFormat } from '../hooks/useStationFormat';
import type { ReceivedParcel } from './useReceiving';

type ReceivedListProps = { readonly parcels: readonly ReceivedParcel[] };

/** The parcels received at this desk since the screen opened, newest first. */
export function ReceivedList({ parcels }: ReceivedListProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('warehouse.receiving.sessionTitle')}
      </Title>
      {parcels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('warehouse.receiving.sessionEmpty')}
        </Text>
      ) : (
        <Table striped aria-labelledby={titleId} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warehouse.receiving.sessionColumns.rma')}</Table.Th>
              <Table.Th>{t('warehouse.receiving.sessionColumns.at')}</Table.Th>
              <Table.Th ta="right">{t('warehouse.receiving.sessionColumns.photos')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parcels.map((parcel) => (
              <Table.Tr key={`${parcel.claimId}-${parcel.at}`}>
                <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {parcel.rmaNumber}
                </Table.Td>
                <Table.Td fz="sm">{format.dateTime(parcel.at)}</Table.Td>
                <Table.Td fz="sm" ta="right">
                  {parcel.photoCount}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
