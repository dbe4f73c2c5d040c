import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import { builtInPacks } from '#shared/policy';
import { useStationCore } from '../core';
import type { QueueFilter } from '../core/model';
import { useQueueCount, useQueueFilterCounts } from '../hooks/useClaimQueue';
import { useNow } from '../hooks/useNow';
import { useCountFormat } from '../hooks/useStationFormat';
import { useStationContext } from '../station/StationContext';
import { BulkStatusModal } from './BulkStatusModal';
import { ClaimQueueList } from './ClaimQueueList';
import classes from './ClaimQueueList.module.css';
import { useQueueNavigate } from './queueNavigation';
import { QueueFilters } from './QueueFilters';
import { filterFromParams, filterKey, filterQuery, isFiltered } from './queueFilterParams';
import { SavedViews } from './SavedViews';
import { minuteMs, queueMinuteIso, queuePath } from './warmQueue';

const packIds = Object.values(builtInPacks).map((pack) => pack.id);

type QueueScreenProps = {
  /** The query of the queue's address (`?status=…`), where its filter is kept. */
  readonly search: string;
};

/**
 * Every claim of the station, oldest first, filtered by status, pack, assignee and overdue
 * (combined), with saved views and a bulk status change of the selected claims.
 */
export function QueueScreen({ search }: QueueScreenProps) {
  const { t } = useTranslation();
  const formatCount = useCountFormat();
  const { station } = useStationContext();
  const navigate = useQueueNavigate();
  const searchParams = useMemo(() => new URLSearchParams(search), [search]);
  const filter = filterFromParams(searchParams);
  const nowMs = useNow(minuteMs);
  // Overdue is judged to the minute, so the queue is not read again on every render.
  const nowIso = queueMinuteIso(nowMs);
  const count = useQueueCount(filter, nowIso);
  const technicians = useMemo(() => station.technicians ?? [], [station.technicians]);
  // The filter counts are counted once someone reaches for the filters, not on every visit to
  // the queue or scan from it, and kept current after (overdue walks the overdue claims).
  const [countsWanted, setCountsWanted] = useState(false);
  // Hidden behind another screen (see KeptQueueScreen), the queue forgets the counts were wanted:
  // shown again it would count them first (the overdue count walks the overdue claims, ~700 ms at
  // 100,000), and a scan made as it comes back waited behind that.
  useEffect(() => () => setCountsWanted(false), []);
  const counts = useQueueFilterCounts(
    {
      statuses: claimStatusSchema.options,
      packIds,
      assigneeIds: technicians.map((technician) => technician.id),
    },
    nowIso,
    countsWanted,
  );
  const firstFilterRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => firstFilterRef.current?.focus()]]);
  // The address changes a moment after a filter does (HashRouter hears it as an event), so two
  // quick changes build on the last one made, not on the address not yet updated.
  const latestFilter = useRef(filter);
  useEffect(() => {
    latestFilter.current = filterFromParams(searchParams);
  }, [searchParams]);
  const updateFilter = (update: (current: QueueFilter) => QueueFilter) => {
    const next = update(latestFilter.current);
    latestFilter.current = next;
    navigate({
      pathname: queuePath,
      search: filterQuery(next),
    });
  };
  const applyFilter = (next: QueueFilter) => updateFilter(() => next);

  return (
    <Stack gap="sm" className={classes.screen}>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('queue.title')}</Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {count === undefined
            ? t('queue.loading')
            : t('queueScreen.count', { count, formattedCount: formatCount(count) })}
        </Text>
      </Group>
      <QueueFilters
        filter={filter}
        counts={counts}
        technicians={technicians}
        onChange={updateFilter}
        onReach={() => setCountsWanted(true)}
        firstFieldRef={firstFilterRef}
      />
      <SavedViews filter={filter} onApply={applyFilter} />
      {/* Keyed by the filter, so another filter starts again at its first row, with nothing selected. */}
      <QueueWorkspace
        key={filterKey(filter)}
        filter={filter}
        count={count}
        nowIso={nowIso}
        nowMs={nowMs}
      />
    </Stack>
  );
}

type QueueWorkspaceProps = {
  readonly filter: QueueFilter;
  readonly count: number | undefined;
  readonly nowIso: string;
  readonly nowMs: number;
};

/** The list of one filter, its selection and the bulk status change of what is selected. */
function QueueWorkspace({ filter, count: filterCount, nowIso, nowMs }: QueueWorkspaceProps) {
  const { t } = useTranslation();
  const { queries } = useStationCore();
  const formatCount = useCountFormat();
  const { station } = useStationContext();
  const [selection, setSelection] = useState<ReadonlySet<RecordId>>(new Set());
  const [anchorIndex, setAnchorIndex] = useState<number | undefined>(undefined);
  const [bulkOpen, setBulkOpen] = useState(false);
  const technicianNames = useMemo(
    () =>
      new Map((station.technicians ?? []).map((technician) => [technician.id, technician.name])),
    [station.technicians],
  );
  const count = filterCount ?? 0;
  const selectedIds = useMemo(() => [...selection], [selection]);

  const onSelect = useCallback(
    (index: number, claimId: RecordId, range: boolean) => {
      if (range && anchorIndex !== undefined) {
        const from = Math.min(anchorIndex, index);
        const to = Math.max(anchorIndex, index) + 1;
        void queries
          .queueIds(filter, nowIso, from, to)
          .then((ids) => setSelection((current) => new Set([...current, ...ids])));
        return;
      }
      setAnchorIndex(index);
      setSelection((current) => {
        const next = new Set(current);
        if (next.has(claimId)) next.delete(claimId);
        else next.add(claimId);
        return next;
      });
    },
    [anchorIndex, filter, nowIso, queries],
  );
  // Selects the whole filter (not only the rows read so far); again, selects nothing.
  const onSelectAll = useCallback(() => {
    if (filterCount === undefined) return;
    if (count > 0 && selection.size >= count) {
      setSelection(new Set());
      return;
    }
    void queries.queueIds(filter, nowIso, 0, count).then((ids) => setSelection(new Set(ids)));
  }, [count, filter, filterCount, nowIso, queries, selection.size]);

  return (
    <>
      {selection.size > 0 ? (
        <Group
          gap="sm"
          className={classes.selectionBar}
          role="toolbar"
          aria-label={t('queueScreen.changeStatus')}
        >
          <Text size="sm" fw={600} aria-live="polite">
            {t('queueScreen.selected', {
              count: selection.size,
              formattedCount: formatCount(selection.size),
            })}
          </Text>
          <Button size="compact-sm" onClick={() => setBulkOpen(true)}>
            {t('queueScreen.changeStatus')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setSelection(new Set())}>
            {t('queueScreen.clearSelection')}
          </Button>
        </Group>
      ) : null}
      <ClaimQueueList
        filter={filter}
        count={filterCount}
        nowIso={nowIso}
        nowMs={nowMs}
        filtered={isFiltered(filter)}
        selection={selection}
        technicianNames={technicianNames}
        onSelect={onSelect}
        onSelectAll={onSelectAll}
      />
      <BulkStatusModal
        opened={bulkOpen}
        claimIds={selectedIds}
        onClose={() => setBulkOpen(false)}
        onFinished={(refusedIds) => setSelection(new Set(refusedIds))}
      />
    </>
  );
}
