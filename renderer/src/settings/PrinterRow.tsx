import { Fieldset, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '#shared/documents';
import { paperSizeSchema } from '#shared/documents/documentSchemas';
import type { LabelPrinter, PrinterInfo } from '#shared/ipc/contract';
import type { PrinterFormErrors, PrinterRowForm } from './printerForm';
import { takesZpl } from './printerForm';

type PrinterRowProps = {
  readonly kind: DocumentKind;
  readonly row: PrinterRowForm;
  readonly errors: PrinterFormErrors[DocumentKind];
  readonly printers: readonly PrinterInfo[];
  readonly labelPrinters: readonly LabelPrinter[];
  readonly onChange: (patch: Partial<PrinterRowForm>) => void;
};

/** The printer of one kind of document: a system printer and its paper, or a label printer. */
export function PrinterRow({
  kind,
  row,
  errors,
  printers,
  labelPrinters,
  onChange,
}: PrinterRowProps) {
  const { t } = useTranslation();
  const document = t(`documents.kind.${kind}`);
  // A saved printer that the system no longer lists stays shown, so saving does not drop it.
  const listed = printers.some((printer) => printer.name === row.printer);
  const options = [
    { value: 'none', label: t('printers.notChosen') },
    ...printers.map((printer) => ({
      value: `system:${printer.name}`,
      label: printer.isDefault
        ? t('printers.defaultPrinter', { name: printer.description ?? printer.name })
        : (printer.description ?? printer.name),
    })),
    ...(row.mode === 'system' && !listed && row.printer !== ''
      ? [
          {
            value: `system:${row.printer}`,
            label: t('printers.notListed', { name: row.printer }),
          },
        ]
      : []),
    ...(takesZpl(kind)
      ? labelPrinters.map((printer) => ({
          value: `zpl:${printer.id}`,
          label: t('printers.labelPrinterOption', printer),
        }))
      : []),
    // A label printer removed since it was chosen stays shown, as one to replace.
    ...(row.mode === 'zpl' && !labelPrinters.some((printer) => printer.id === row.labelPrinterId)
      ? [{ value: `zpl:${row.labelPrinterId}`, label: t('printers.labelPrinterMissing') }]
      : []),
  ];
  const value =
    row.mode === 'system'
      ? `system:${row.printer}`
      : row.mode === 'zpl'
        ? `zpl:${row.labelPrinterId}`
        : row.mode;
  return (
    <Fieldset legend={document} p="sm">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('printers.printer')}
          data={options}
          value={value}
          allowDeselect={false}
          error={errors?.printer === undefined ? undefined : t(errors.printer)}
          w={280}
          onChange={(next) => {
            if (next === null || next === 'none') onChange({ mode: 'none' });
            else if (next.startsWith('zpl:'))
              onChange({ mode: 'zpl', labelPrinterId: next.slice('zpl:'.length) });
            else onChange({ mode: 'system', printer: next.slice('system:'.length) });
          }}
        />
        {row.mode === 'system' && !takesZpl(kind) ? (
          <Select
            label={t('printers.paper')}
            data={paperSizeSchema.options}
            value={row.paper}
            allowDeselect={false}
            w={120}
            onChange={(next) => {
              const paper = paperSizeSchema.safeParse(next);
              if (paper.success) onChange({ paper: paper.data });
            }}
          />
        ) : null}
      </Group>
    </Fieldset>
  );
}
