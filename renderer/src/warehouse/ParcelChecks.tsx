import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRow } from './CheckRow';
import { RefusalAlert } from './RefusalAlert';
import type { ReceivingDesk } from './useReceiving';
import classes from './WarehouseDesk.module.css';

/** What the B14 checks of an expected parcel need from the desk. */
type ParcelCheckProps = {
  readonly desk: ReceivingDesk;
  readonly checks: NonNullable<ReceivingDesk['checks']>;
  readonly rmaNumber: string;
};

type RightItemCheckProps = ParcelCheckProps & {
  /** The serial's field, focused by the desk once a parcel is expected. */
  readonly inputRef: Ref<HTMLInputElement>;
  /** The serial or IMEI the claim's device has, as the clerk should find it. */
  readonly expected: string;
  readonly model: string;
};

/** B14, the right item: the serial scanned from the device is compared with the claim's. */
export function RightItemCheck({
  desk,
  checks,
  rmaNumber,
  inputRef,
  expected,
  model,
}: RightItemCheckProps) {
  const { t } = useTranslation();
  return (
    <CheckRow label={t('warehouse.receiving.check.rightItem')} state={checks.rightItem}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          desk.compareSerial(desk.serialInput);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            ref={inputRef}
            style={{ flex: 1 }}
            label={t('warehouse.receiving.serialLabel')}
            description={t('warehouse.receiving.serialHint', { expected })}
            value={desk.serialInput}
            onChange={(event) => desk.setSerialInput(event.currentTarget.value)}
            classNames={{ input: classes.code }}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" variant="light">
            {t('warehouse.receiving.compare')}
          </Button>
        </Group>
      </form>
      {checks.rightItem === 'fail' ? (
        <RefusalAlert
          message={t('warehouse.receiving.wrongItem', {
            scanned: desk.scannedSerial ?? '',
            rmaNumber,
            expected,
            model,
          })}
          clauses={['B14']}
        />
      ) : checks.rightItem === 'pass' ? (
        <Text size="sm" c="teal.9">
          {t('warehouse.receiving.serialMatches', { scanned: desk.scannedSerial ?? '' })}
        </Text>
      ) : null}
    </CheckRow>
  );
}

/**
 * B14, not empty: the clerk confirms the parcel holds the device, or records it empty (after a
 * confirmation, since that ends the return), then moves on to the next parcel.
 */
export function ContentCheck({ desk, checks, rmaNumber }: ParcelCheckProps) {
  const { t } = useTranslation();
  const [confirmOpen, confirm] = useDisclosure(false);
  const { outcome } = desk;
  const recorded = outcome.kind === 'empty-recorded';
  return (
    <CheckRow label={t('warehouse.receiving.check.notEmpty')} state={checks.notEmpty}>
      <Group gap="md">
        <Checkbox
          label={t('warehouse.receiving.contentConfirmed')}
          checked={desk.contentConfirmed === true}
          disabled={recorded}
          onChange={(event) =>
            desk.setContentConfirmed(event.currentTarget.checked ? true : undefined)
          }
        />
        <Button
          variant="outline"
          color="red"
          size="xs"
          disabled={outcome.kind === 'working' || recorded}
          onClick={confirm.open}
        >
          {t('warehouse.receiving.parcelEmpty')}
        </Button>
      </Group>
      {outcome.kind === 'empty-recorded' ? (
        <>
          <ParcelRefusal
            message={t('warehouse.receiving.emptyRecorded', { rmaNumber: outcome.rmaNumber })}
            onNextParcel={desk.startNextParcel}
          />
        </>
      ) : null}
      <Modal
        opened={confirmOpen}
        onClose={confirm.close}
        title={t('warehouse.receiving.emptyConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('warehouse.receiving.emptyConfirmBody', { rmaNumber })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('warehouse.receiving.emptyCancel')}
            </Button>
            <Button
              color="red"
              data-autofocus
              onClick={() => {
                confirm.close();
                void desk.recordEmpty(t('warehouse.receiving.emptyNote', { rmaNumber }));
              }}
            >
              {t('warehouse.receiving.emptyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </CheckRow>
  );
}

/** Why this parcel stops here (B14), and the way on to the next one. */
export function ParcelRefusal({
  message,
  onNextParcel,
}: {
  readonly message: string;
  readonly onNextParcel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RefusalAlert message={message} clauses={['B14']} />
      <Group>
        <Button variant="default" onClick={onNextParcel}>
          {t('warehouse.receiving.nextParcel')}
        </Button>
      </Group>
    </>
  );
}
