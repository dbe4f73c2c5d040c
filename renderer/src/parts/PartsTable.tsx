import { ActionIcon, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPart } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import classes from './PartsTable.module.css';

type PartsTableProps = {
  readonly parts: readonly StoredPart[];
  readonly onEdit: (part: StoredPart) => void;
  readonly onDelete: (part: StoredPart) => void;
};

const rowHeightPx = 44;

/** The catalog as a table that renders only the rows on screen: a catalog can hold thousands. */
export function PartsTable({ parts, onEdit, onDelete }: PartsTableProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Fixline does not use the React Compiler; the table re-renders on scroll, as TanStack intends.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: parts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 8,
  });
  return (
    <Paper withBorder radius="md" className={classes.frame}>
      <div role="table" aria-label={t('parts.listLabel')} aria-rowcount={parts.length + 1}>
        <div role="rowgroup" className={classes.head}>
          <div role="row" aria-rowindex={1} className={classes.row}>
            <div role="columnheader">{t('parts.columns.sku')}</div>
            <div role="columnheader">{t('parts.columns.name')}</div>
            <div role="columnheader">{t('parts.columns.models')}</div>
            <div role="columnheader" className={classes.price}>
              {t('parts.columns.price')}
            </div>
            <div role="columnheader">{t('parts.columns.currency')}</div>
            <div role="columnheader">{t('parts.columns.actions')}</div>
          </div>
        </div>
        <div ref={scrollRef} className={classes.scroller}>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const part = parts[item.index];
              if (part === undefined) return null;
              const models = part.compatibleModels.join(', ');
              return (
                <div
                  key={part.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={classes.row}
                  style={{ height: rowHeightPx, transform: `translateY(${item.start}px)` }}
                >
                  <div role="cell" className={classes.truncate}>
                    <Text span ff="monospace" size="sm">
                      {part.sku}
                    </Text>
                  </div>
                  <div role="cell" className={classes.truncate} title={part.name}>
                    {part.name}
                  </div>
                  <div role="cell" className={classes.truncate} title={models}>
                    {models === '' ? (
                      <Text span c="dimmed" size="sm">
                        {t('parts.anyModel')}
                      </Text>
                    ) : (
                      models
                    )}
                  </div>
                  <div role="cell" className={classes.price}>
                    {format.money(part.unitPrice)}
                  </div>
                  <div role="cell">{part.unitPrice.currency}</div>
                  <div role="cell">
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('parts.edit', { sku: part.sku })}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('parts.edit', { sku: part.sku })}
                          onClick={() => onEdit(part)}
                        >
                          ✎
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('parts.delete', { sku: part.sku })}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('parts.delete', { sku: part.sku })}
                          onClick={() => onDelete(part)}
                        >
                          ✕
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </Paper>
  );
}
