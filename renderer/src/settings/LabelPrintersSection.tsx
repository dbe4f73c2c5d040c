import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultLabelPrinterPort,
  labelPrinterInputSchema,
  type IpcError,
  type LabelPrinter,
} from '#shared/ipc/contract';
import { bridgeErrorText } from '../i18n/errorText';
import type { MessageKey } from '../i18n/messageKey';
import { FailureDetails } from '../shell/FailureDetails';

type LabelPrintersSectionProps = {
  readonly labelPrinters: readonly LabelPrinter[];
  readonly onAdd: (input: {
    name: string;
    host: string;
    port: number;
  }) => Promise<{ ok: true } | { ok: false; error: IpcError }>;
  readonly onRemove: (id: string) => Promise<{ ok: true } | { ok: false; error: IpcError }>;
};

type Field = 'name' | 'host' | 'port';

/** What the bridge refused: adding or removing a printer, and its answer. */
type LabelPrinterFailure = {
  readonly sentence: 'printers.addFailed' | 'printers.removeFailed';
  readonly error: IpcError;
};

/** The i18n key of what is wrong with a field of the form. */
const fieldErrors: Record<Field, MessageKey> = {
  name: 'printers.errors.labelPrinterName',
  host: 'printers.errors.host',
  port: 'printers.errors.port',
};

/**
 * The station's network label printers: the list, and a form to add one. Main checks the
 * address (local network only) and keeps the list; documents then choose a printer from it.
 */
export function LabelPrintersSection({
  labelPrinters,
  onAdd,
  onRemove,
}: LabelPrintersSectionProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  // A NumberInput answers a string while its field is empty or half typed.
  const [port, setPort] = useState<number | string>(defaultLabelPrinterPort);
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const [failure, setFailure] = useState<LabelPrinterFailure | undefined>();
  const [adding, setAdding] = useState(false);

  async function add(): Promise<void> {
    setFailure(undefined);
    const parsed = labelPrinterInputSchema.safeParse({
      name,
      host,
      port: typeof port === 'number' ? port : Number.NaN,
    });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.flatMap((issue) => {
            const [field] = issue.path;
            return field === 'name' || field === 'host' || field === 'port'
              ? [[field, fieldErrors[field]]]
              : [];
          }),
        ),
      );
      return;
    }
    setErrors({});
    setAdding(true);
    const added = await onAdd(parsed.data);
    setAdding(false);
    if (added.ok) {
      setName('');
      setHost('');
      setPort(defaultLabelPrinterPort);
      return;
    }
    switch (added.error.code) {
      case 'not-allowed':
        setErrors({ host: 'printers.errors.notLocal' });
        return;
      case 'not-found':
        setErrors({ host: 'printers.errors.unknownHost' });
        return;
      default:
        setFailure({ sentence: 'printers.addFailed', error: added.error });
    }
  }

  async function remove(printer: LabelPrinter): Promise<void> {
    const removed = await onRemove(printer.id);
    setFailure(
      removed.ok ? undefined : { sentence: 'printers.removeFailed', error: removed.error },
    );
  }

  return (
    <Stack gap="xs" component="section" aria-label={t('printers.labelPrinters')}>
      <Text fw={600}>{t('printers.labelPrinters')}</Text>
      <Text size="sm">{t('printers.labelPrintersExplain')}</Text>
      {labelPrinters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('printers.noLabelPrinters')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {labelPrinters.map((printer) => (
            <List.Item key={printer.id}>
              <Group gap="xs">
                <Text size="sm">{t('printers.labelPrinterOption', printer)}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('printers.removeLabelPrinter', { name: printer.name })}
                  onClick={() => void remove(printer)}
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('printers.labelPrinterName')}
          value={name}
          error={errors.name === undefined ? undefined : t(errors.name)}
          w={200}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('printers.host')}
          value={host}
          error={errors.host === undefined ? undefined : t(errors.host, { host: host.trim() })}
          w={280}
          onChange={(event) => setHost(event.currentTarget.value)}
        />
        <NumberInput
          label={t('printers.port')}
          value={port}
          allowDecimal={false}
          allowNegative={false}
          error={errors.port === undefined ? undefined : t(errors.port)}
          w={120}
          onChange={setPort}
        />
        <Button mt={25} variant="default" loading={adding} onClick={() => void add()}>
          {t('printers.addLabelPrinter')}
        </Button>
      </Group>
      {failure === undefined ? null : (
        <Alert role="alert" color="red" variant="light">
          {t(failure.sentence, { reason: bridgeErrorText(t, failure.error) })}
          <FailureDetails failure={{ kind: 'bridge', error: failure.error }} />
        </Alert>
      )}
    </Stack>
  );
}
