import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../hooks/useClaimQueue';
import { useStationFormat } from '../hooks/useStationFormat';
import classes from './ClaimQueueList.module.css';

type QueueRowViewProps = {
  readonly id: string;
  /** The row's position in the grid, counting the header as 1. */
  readonly rowIndex: number;
  /** Undefined while its page is being read. */
  readonly row: QueueRow | undefined;
  readonly active: boolean;
  readonly top: number;
  readonly height: number;
  readonly nowMs: number;
  readonly onOpen: (claimId: string) => void;
};

/** One claim of the queue. */
export function QueueRowView({
  id,
  rowIndex,
  row,
  active,
  top,
  height,
  nowMs,
  onOpen,
}: QueueRowViewProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const placement = { transform: `translateY(${top}px)`, height };
  if (row === undefined) {
    return (
      <div role="row" id={id} aria-rowindex={rowIndex} className={classes.row} style={placement}>
        <div role="gridcell" className={classes.loading}>
          {t('queue.loading')}
        </div>
      </div>
    );
  }
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={rowIndex}
      aria-selected={active}
      className={classes.row}
      data-active={active || undefined}
      style={placement}
      onClick={() => onOpen(row.id)}
    >
      <div role="gridcell">
        <Text span ff="monospace" fw={600} size="sm">
          {row.rmaNumber}
        </Text>
      </div>
      <div role="gridcell" className={classes.truncate}>
        {row.customerName ?? '—'}
      </div>
      <div role="gridcell" className={classes.truncate}>
        {row.deviceModel ?? '—'}
        {row.serial === undefined ? null : (
          <Text span size="xs" c="dimmed" ml={6}>
            {row.serial}
          </Text>
        )}
      </div>
      <div role="gridcell">
        <Badge variant="light" size="sm">
          {t(`status.${row.status}`)}
        </Badge>
      </div>
      <div role="gridcell" title={format.dateTime(row.createdAt)}>
        {format.age(row.createdAt, nowMs)}
      </div>
      <div role="gridcell">
        <Text span size="sm" c="dimmed">
          {t('queue.unassigned')}
        </Text>
      </div>
    </div>
  );
}
