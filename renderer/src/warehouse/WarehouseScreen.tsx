import { Alert, Group, Kbd, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { OutboundPanel } from './OutboundPanel';
import { PrintQueuePanel } from './PrintQueuePanel';
import { ReceivingPanel } from './ReceivingPanel';
import { useOutbound } from './useOutbound';
import { usePrintQueue } from './usePrintQueue';
import { useReceiving } from './useReceiving';

const deskTabs = ['receiving', 'printQueue', 'outbound'] as const;
type DeskTab = (typeof deskTabs)[number];

const isDeskTab = (value: string | null): value is DeskTab => deskTabs.some((tab) => tab === value);

/**
 * The warehouse desk: receiving, the print queue and outbound shipments. A barcode scan here goes
 * to the step of the tab in front of the clerk, never to the app-wide "open the claim" listener.
 */
export function WarehouseScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<DeskTab>('receiving');
  const receiving = useReceiving();
  const printQueue = usePrintQueue();
  const outbound = useOutbound();

  useBarcodeScanner(
    (code) => {
      switch (tab) {
        case 'receiving':
          receiving.takeScan(code);
          break;
        case 'printQueue':
          void printQueue.add(code);
          break;
        case 'outbound':
          outbound.takeScan(code);
          break;
      }
    },
    { exclusive: true },
  );

  useHotkeys(
    deskTabs.map((deskTab, index) => [`alt+${index + 1}`, () => setTab(deskTab)]),
    [],
  );

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('warehouse.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('warehouse.subtitle')}
        </Text>
      </div>
      {receiving.canWrite ? null : (
        <Alert color="yellow" variant="light" role="alert">
          {t('warehouse.needTechnician')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isDeskTab(value)) setTab(value);
        }}
        keepMounted
      >
        <Tabs.List aria-label={t('warehouse.tabs.label')} mb="md">
          {deskTabs.map((deskTab, index) => (
            <Tabs.Tab key={deskTab} value={deskTab}>
              <Group gap={8} wrap="nowrap">
                <span>{t(`warehouse.tabs.${deskTab}`)}</span>
                <span aria-hidden>
                  <Kbd size="xs">{t('warehouse.tabs.shortcut', { key: index + 1 })}</Kbd>
                </span>
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="receiving">
          <ReceivingPanel desk={receiving} active={tab === 'receiving'} />
        </Tabs.Panel>
        <Tabs.Panel value="printQueue">
          <PrintQueuePanel queue={printQueue} active={tab === 'printQueue'} />
        </Tabs.Panel>
        <Tabs.Panel value="outbound">
          <OutboundPanel desk={outbound} active={tab === 'outbound'} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
