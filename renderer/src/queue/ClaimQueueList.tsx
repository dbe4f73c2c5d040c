import { Center, Checkbox, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '#shared/domain/primitives';
import type { QueueFilter } from '../core/model';
import { useQueueWindow } from '../hooks/useClaimQueue';
import classes from './ClaimQueueList.module.css';
import { useQueueNavigate } from './queueNavigation';
import { firstWindow, planWindow, spanHolds } from './queuePaging';
import { QueueRowView } from './QueueRowView';
import { useQueueRowFormat } from './useQueueFormat';

type ClaimQueueListProps = {
  readonly filter: QueueFilter;
  /** How many claims the filter holds; undefined while counting. */
  readonly count: number | undefined;
  readonly nowIso: string;
  readonly nowMs: number;
  readonly filtered: boolean;
  readonly selection: ReadonlySet<RecordId>;
  readonly technicianNames: ReadonlyMap<string, string>;
  /** Selects or unselects the claim at `index`; `range` selects from the last one chosen. */
  readonly onSelect: (index: number, claimId: RecordId, range: boolean) => void;
  /** Selects every claim of the filter, or none when all are selected. */
  readonly onSelectAll: () => void;
};

const rowHeightPx = 44;
/** The column headers' height: the rows start below them in the scrolling grid. */
const headHeightPx = 36;
/**
 * The queue as a grid that renders only the rows on screen and reads only a window around them,
 * paging by keys from the rows it has (see `planWindow`). j/k or the arrow keys, Page Up/Down, Home and End move the active row; Enter opens its
 * claim; x selects it; Ctrl+A selects the whole filter.
 */
export function ClaimQueueList({
  filter,
  count,
  nowIso,
  nowMs,
  filtered,
  selection,
  technicianNames,
  onSelect,
  onSelectAll,
}: ClaimQueueListProps) {
  const { t } = useTranslation();
  const rowFormat = useQueueRowFormat();
  const navigate = useQueueNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const rowCount = count ?? 0;
  // Fixline does not use the React Compiler; the grid re-renders on scroll, as TanStack intends.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    // A few rows beyond the screen: each row drawn is laid out too, and a jump down the list
    // draws all of them anew. Four and eight measured the same at 100,000 claims (first render,
    // jump); four draws fewer rows for it.
    overscan: 4,
    // The sticky headers sit above the rows inside the scrolling grid.
    scrollMargin: headHeightPx,
    scrollPaddingStart: headHeightPx,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = (items.at(-1)?.index ?? 0) + 1;
  const [planned, setPlanned] = useState(firstWindow);
  const loaded = useQueueWindow(filter, nowIso, planned.request);
  const visible = { start: firstVisible, end: lastVisible };
  // Planned as the rows on screen change, in this render (React draws it again at once with the
  // new plan, before anything is committed): the window's read starts one commit sooner.
  if (count !== undefined && !spanHolds(planned.covers, visible, count)) {
    setPlanned(planWindow(loaded, visible, count));
  }

  if (count === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <Center>
          <Text c="dimmed">{filtered ? t('queueScreen.emptyFiltered') : t('queue.empty')}</Text>
        </Center>
      </Paper>
    );
  }

  const rowAt = (index: number) =>
    loaded !== undefined && index >= loaded.start ? loaded.rows[index - loaded.start] : undefined;
  const rowId = (index: number) => `queue-row-${index}`;
  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), rowCount - 1);
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey) return;
    if (event.ctrlKey) {
      if (event.key === 'a' || event.key === 'A') {
        event.preventDefault();
        onSelectAll();
      }
      return;
    }
    const visibleRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? rowHeightPx) - headHeightPx) / rowHeightPx) -
        1,
    );
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      j: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      k: activeIndex - 1,
      PageDown: activeIndex + visibleRows,
      PageUp: activeIndex - visibleRows,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    const row = rowAt(activeIndex);
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      if (row !== undefined) navigate(`/claims/${row.id}`);
    } else if (event.key === 'x' || event.key === 'X') {
      event.preventDefault();
      if (row !== undefined) onSelect(activeIndex, row.id, event.shiftKey);
    }
  };
  const activeRendered = items.some((item) => item.index === activeIndex);
  const allSelected = rowCount > 0 && selection.size >= rowCount;

  return (
    <Paper withBorder radius="md" className={classes.frame}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={t('queue.listLabel')}
        aria-rowcount={rowCount + 1}
        aria-multiselectable
        aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
        aria-describedby="queue-keyboard-hint"
        tabIndex={0}
        className={classes.grid}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className={classes.head}>
          <div role="row" aria-rowindex={1} className={classes.row}>
            <div role="columnheader" className={classes.check}>
              <Checkbox
                size="xs"
                tabIndex={-1}
                aria-label={t('queueScreen.selectAll')}
                checked={allSelected}
                indeterminate={selection.size > 0 && !allSelected}
                onChange={onSelectAll}
              />
            </div>
            <div role="columnheader">{t('queue.rmaNumber')}</div>
            <div role="columnheader">{t('queue.customer')}</div>
            <div role="columnheader">{t('queue.device')}</div>
            <div role="columnheader">{t('queue.status')}</div>
            <div role="columnheader">{t('queue.age')}</div>
            <div role="columnheader">{t('queueScreen.nextDeadline')}</div>
            <div role="columnheader">{t('queue.assignee')}</div>
          </div>
        </div>
        <div
          role="rowgroup"
          className={classes.body}
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {items.map((item) => (
            <QueueRowView
              key={item.key}
              id={rowId(item.index)}
              rowIndex={item.index + 2}
              row={rowAt(item.index)}
              active={item.index === activeIndex}
              selected={selection.has(rowAt(item.index)?.id ?? '')}
              top={item.start - headHeightPx}
              height={item.size}
              nowMs={nowMs}
              format={rowFormat}
              technicianNames={technicianNames}
              onOpen={(claimId) => {
                setActiveIndex(item.index);
                navigate(`/claims/${claimId}`);
              }}
              onSelect={(claimId, range) => {
                setActiveIndex(item.index);
                onSelect(item.index, claimId, range);
              }}
            />
          ))}
        </div>
      </div>
      <Text id="queue-keyboard-hint" size="xs" c="dimmed" px="md" py={6} className={classes.hint}>
        {t('queueScreen.keyboardHint')}
      </Text>
    </Paper>
  );
}
