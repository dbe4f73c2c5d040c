import { Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivingDesk } from './useReceiving';
import classes from './WarehouseDesk.module.css';

type RmaLookupCardProps = {
  readonly desk: ReceivingDesk;
  /** The RMA number's field, focused by the desk when the next slip is awaited. */
  readonly inputRef: Ref<HTMLInputElement>;
};

/** The receiving desk's first step: scan (or type) the RMA number on the parcel's slip. */
export function RmaLookupCard({ desk, inputRef }: RmaLookupCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const problem = desk.lookupProblem;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('warehouse.receiving.title')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void desk.lookUp(desk.rmaInput);
        }}
      >
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            ref={inputRef}
            style={{ flex: 1 }}
            label={t('warehouse.receiving.rmaLabel')}
            description={t('warehouse.receiving.rmaHint')}
            value={desk.rmaInput}
            onChange={(event) => desk.setRmaInput(event.currentTarget.value)}
            error={
              problem === undefined
                ? undefined
                : problem.kind === 'not-an-rma-number'
                  ? t('warehouse.lookup.notAnRmaNumber', { code: problem.code })
                  : t('warehouse.lookup.notFound', { rmaNumber: problem.rmaNumber })
            }
            classNames={{ input: classes.code }}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" variant="light" mt={46}>
            {t('warehouse.receiving.find')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
