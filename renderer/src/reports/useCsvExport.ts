import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import { bridgeErrorText } from '../i18n/errorText';
import { reportCsv } from './reportCsv';
import type { ReportTable } from './reportTables';

/** The file name of a report's CSV: `fixline-<report>-<today>.csv`. */
export function csvFileName(reportSlug: string, today: string): string {
  return `fixline-${reportSlug}-${today}.csv`;
}

/**
 * Saves a report's table as CSV: a save dialog on the desktop, a download in the browser. Says
 * where it went, or why it could not be saved.
 */
export function useCsvExport() {
  const { t } = useTranslation();
  return useCallback(
    async (table: ReportTable, fileName: string) => {
      const saved = await saveFile(getBridge(), {
        documentType: 'csv',
        suggestedName: fileName,
        content: new Blob([reportCsv(table)]),
      });
      if (!saved.ok) {
        notifications.show({
          closeButtonProps: { 'aria-label': t('notification.close') },
          color: 'red',
          message: t('reports.exportFailed', { reason: bridgeErrorText(t, saved.error) }),
        });
      } else if (saved.value.outcome === 'saved') {
        notifications.show({
          closeButtonProps: { 'aria-label': t('notification.close') },
          color: 'teal',
          message: t('reports.exported', { path: saved.value.path }),
        });
      }
    },
    [t],
  );
}
