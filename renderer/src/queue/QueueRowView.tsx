import type { MouseEvent } from 'react';
import type { QueueRow } from '../hooks/useClaimQueue';
import classes from './ClaimQueueList.module.css';
import { deadlineUrgency, deviceLabel } from './queueRowFormat';
import type { QueueRowFormat } from './useQueueFormat';

type QueueRowViewProps = {
  readonly id: string;
  /** The row's position in the grid, counting the header as 1. */
  readonly rowIndex: number;
  /** Undefined while its page is being read. */
  readonly row: QueueRow | undefined;
  readonly active: boolean;
  readonly selected: boolean;
  readonly top: number;
  readonly height: number;
  readonly nowMs: number;
  /** The list's formatters (see `useQueueRowFormat`). */
  readonly format: QueueRowFormat;
  /** Technician names by id. */
  readonly technicianNames: ReadonlyMap<string, string>;
  readonly onOpen: (claimId: string) => void;
  /** Selects or unselects the row; `range` (Shift held) selects from the last row chosen. */
  readonly onSelect: (claimId: string, range: boolean) => void;
};

/**
 * One claim of the queue. Its text is plain elements with the list's classes, not Mantine's
 * `Text`: a filter change or a far scroll mounts every row on screen at once.
 */
export function QueueRowView({
  id,
  rowIndex,
  row,
  active,
  selected,
  top,
  height,
  nowMs,
  format,
  technicianNames,
  onOpen,
  onSelect,
}: QueueRowViewProps) {
  const { t, label, shortDate } = format;
  const placement = { transform: `translateY(${top}px)`, height };
  if (row === undefined) {
    return (
      <div role="row" id={id} aria-rowindex={rowIndex} className={classes.row} style={placement}>
        <div role="gridcell" className={classes.loading}>
          {label('queue.loading')}
        </div>
      </div>
    );
  }
  const urgency = deadlineUrgency(row.nextDeadlineAt, nowMs);
  const assignee = row.assigneeId === undefined ? undefined : technicianNames.get(row.assigneeId);
  const onClick = (event: MouseEvent) => {
    if (event.shiftKey) {
      event.preventDefault();
      onSelect(row.id, true);
    } else onOpen(row.id);
  };
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={classes.row}
      data-active={active || undefined}
      data-selected={selected || undefined}
      style={placement}
      onClick={onClick}
    >
      <div role="gridcell" className={classes.check}>
        <input
          type="checkbox"
          className={classes.rowCheck}
          tabIndex={-1}
          checked={selected}
          aria-label={t('queueScreen.selectRow', { rma: row.rmaNumber })}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(row.id, event.shiftKey);
          }}
          onChange={() => undefined}
        />
      </div>
      <div role="gridcell">
        <span className={classes.rma}>{row.rmaNumber}</span>
      </div>
      <div role="gridcell" className={classes.truncate} title={row.customerName}>
        {row.customerName ?? '—'}
      </div>
      <div role="gridcell" className={classes.stack}>
        <span className={classes.truncate}>
          {deviceLabel(row.policyPackId, row.deviceModel) ?? '—'}
        </span>
        {row.serial === undefined ? null : (
          <span className={`${classes.serial} ${classes.truncate}`}>{row.serial}</span>
        )}
      </div>
      <div role="gridcell">
        <span className={classes.status}>{label(`status.${row.status}`)}</span>
      </div>
      <div role="gridcell" title={format.station.dateTime(row.createdAt)}>
        {format.station.age(row.createdAt, nowMs)}
      </div>
      <div
        role="gridcell"
        className={classes.truncate}
        title={
          row.nextDeadlineKind === undefined || row.nextDeadlineDate === undefined
            ? undefined
            : t('queueScreen.deadlineTitle', {
                kind: label(`queueScreen.deadlineKind.${row.nextDeadlineKind}`),
                date: format.date(row.nextDeadlineDate),
              })
        }
      >
        {row.nextDeadlineDate === undefined ? (
          <span className={classes.dimmed}>{label('queueScreen.noDeadline')}</span>
        ) : (
          <span className={classes.deadline} data-urgency={urgency}>
            {urgency === 'later' ? null : <span className={classes.dot} data-urgency={urgency} />}
            {shortDate(row.nextDeadlineDate)}
            {urgency === 'later' ? null : (
              <span className={classes.visuallyHidden}>
                {` (${label(urgency === 'passed' ? 'queueScreen.deadlinePassed' : 'queueScreen.deadlineSoon')})`}
              </span>
            )}
          </span>
        )}
      </div>
      <div role="gridcell" className={classes.truncate}>
        {assignee === undefined ? (
          // A dash keeps the column narrow in every language; a screen reader hears the word.
          <span className={classes.dimmed}>
            <span aria-hidden>—</span>
            <span className={classes.visuallyHidden}>{label('queue.unassigned')}</span>
          </span>
        ) : (
          assignee
        )}
      </div>
    </div>
  );
}
