import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Grid,
  Group,
  Kbd,
  Modal,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceIdentifier, receivingStanding } from '#shared/domain/receivingCheck';
import { CheckRow } from './CheckRow';
import { ClaimSummary } from './ClaimSummary';
import { PhotoThumbnail } from './PhotoThumbnail';
import { ReceivedList } from './ReceivedList';
import { RefusalAlert } from './RefusalAlert';
import type { ReceivingDesk } from './useReceiving';
import classes from './WarehouseDesk.module.css';

type ReceivingPanelProps = { readonly desk: ReceivingDesk; readonly active: boolean };

/** The parcel's condition on arrival, as the clerk ticks it (B8). */
const conditionFields = ['unopened', 'unused', 'originalPackaging'] as const;
/** Receiving: scan the RMA slip, check the parcel against B14, record its condition, receive it. */
export function ReceivingPanel({ desk, active }: ReceivingPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const claimTitleId = useId();
  const rmaRef = useRef<HTMLInputElement>(null);
  const serialRef = useRef<HTMLInputElement>(null);
  const [photoProblem, setPhotoProblem] = useState<string | undefined>();
  const [emptyConfirmOpen, emptyConfirm] = useDisclosure(false);
  const { bundle, checks, outcome } = desk;
  const working = outcome.kind === 'working';
  const standing = bundle === undefined ? undefined : receivingStanding(bundle.claim.status);

  // The next thing to scan has the focus: the serial once a parcel is expected, else the slip.
  const expectingSerial = standing?.kind === 'expected' && checks?.rightItem !== 'pass';
  const claimId = bundle?.claim.id;
  useEffect(() => {
    if (!active) return;
    if (expectingSerial) serialRef.current?.focus();
    else if (claimId === undefined) rmaRef.current?.focus();
  }, [active, expectingSerial, claimId]);

  // What was just read stays in its field, selected, so the next scan replaces it.
  const { readCount } = desk;
  useEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLInputElement && focused.type === 'text') focused.select();
  }, [readCount]);

  useHotkeys(
    [['mod+Enter', () => active && checks?.canReceive === true && void desk.receive()]],
    [],
  );

  function addPhotos(files: File[]): void {
    const notImages = files.filter((file) => !file.type.startsWith('image/'));
    setPhotoProblem(
      notImages[0] === undefined
        ? undefined
        : t('warehouse.receiving.notAnImage', { name: notImages[0].name }),
    );
    const images = files.filter((file) => file.type.startsWith('image/'));
    desk.setPhotos([...desk.photos, ...images]);
  }

  const status = bundle === undefined ? '' : t(`status.${bundle.claim.status}`);
  const rmaNumber = bundle?.claim.rmaNumber ?? '';
  const standingMessage =
    standing === undefined || standing.kind === 'expected'
      ? undefined
      : t(
          standing.kind === 'not-authorized'
            ? 'warehouse.receiving.notAuthorized'
            : standing.kind === 'already-received'
              ? 'warehouse.receiving.alreadyReceived'
              : 'warehouse.receiving.ended',
          { rmaNumber, status },
        );
  const expected = bundle?.device === undefined ? '—' : deviceIdentifier(bundle.device);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
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
                  ref={rmaRef}
                  style={{ flex: 1 }}
                  label={t('warehouse.receiving.rmaLabel')}
                  description={t('warehouse.receiving.rmaHint')}
                  value={desk.rmaInput}
                  onChange={(event) => desk.setRmaInput(event.currentTarget.value)}
                  error={
                    desk.lookupProblem === undefined
                      ? undefined
                      : desk.lookupProblem.kind === 'not-an-rma-number'
                        ? t('warehouse.lookup.notAnRmaNumber', { code: desk.lookupProblem.code })
                        : t('warehouse.lookup.notFound', {
                            rmaNumber: desk.lookupProblem.rmaNumber,
                          })
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

          {outcome.kind === 'received' ? (
            <Alert color="teal" variant="light" role="status">
              {t('warehouse.receiving.received', { rmaNumber: outcome.rmaNumber })}
            </Alert>
          ) : null}

          {bundle !== undefined && checks !== undefined ? (
            <ClaimSummary bundle={bundle} titleId={claimTitleId}>
              <Stack gap="sm">
                <Title order={4} size="h5">
                  {t('warehouse.receiving.checksTitle')}
                </Title>
                <CheckRow
                  label={t('warehouse.receiving.check.authorized')}
                  state={checks.authorized}
                >
                  {standingMessage === undefined ? null : (
                    <>
                      <RefusalAlert message={standingMessage} clauses={['B14']} />
                      <Group>
                        <Button variant="default" onClick={desk.startNextParcel}>
                          {t('warehouse.receiving.nextParcel')}
                        </Button>
                      </Group>
                    </>
                  )}
                </CheckRow>
                {standing?.kind === 'expected' ? (
                  <>
                    <CheckRow
                      label={t('warehouse.receiving.check.rightItem')}
                      state={checks.rightItem}
                    >
                      <form
                        onSubmit={(event) => {
                          event.preventDefault();
                          desk.compareSerial(desk.serialInput);
                        }}
                      >
                        <Group align="flex-end" gap="sm" wrap="nowrap">
                          <TextInput
                            ref={serialRef}
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
                            model: bundle.device?.model ?? '—',
                          })}
                          clauses={['B14']}
                        />
                      ) : checks.rightItem === 'pass' ? (
                        <Text size="sm" c="teal.9">
                          {t('warehouse.receiving.serialMatches', {
                            scanned: desk.scannedSerial ?? '',
                          })}
                        </Text>
                      ) : null}
                    </CheckRow>
                    <CheckRow
                      label={t('warehouse.receiving.check.notEmpty')}
                      state={checks.notEmpty}
                    >
                      <Group gap="md">
                        <Checkbox
                          label={t('warehouse.receiving.contentConfirmed')}
                          checked={desk.contentConfirmed === true}
                          disabled={outcome.kind === 'empty-recorded'}
                          onChange={(event) =>
                            desk.setContentConfirmed(event.currentTarget.checked ? true : undefined)
                          }
                        />
                        <Button
                          variant="outline"
                          color="red"
                          size="xs"
                          disabled={working || outcome.kind === 'empty-recorded'}
                          onClick={emptyConfirm.open}
                        >
                          {t('warehouse.receiving.parcelEmpty')}
                        </Button>
                      </Group>
                      {outcome.kind === 'empty-recorded' ? (
                        <>
                          <RefusalAlert
                            message={t('warehouse.receiving.emptyRecorded', {
                              rmaNumber: outcome.rmaNumber,
                            })}
                            clauses={['B14']}
                          />
                          <Group>
                            <Button variant="default" onClick={desk.startNextParcel}>
                              {t('warehouse.receiving.nextParcel')}
                            </Button>
                          </Group>
                        </>
                      ) : null}
                    </CheckRow>

                    <Title order={4} size="h5" mt="xs">
                      {t('warehouse.receiving.conditionTitle')}
                    </Title>
                    <Group gap="lg">
                      {conditionFields.map((field) => (
                        <Checkbox
                          key={field}
                          label={t(`warehouse.receiving.${field}`)}
                          checked={desk.condition[field]}
                          onChange={(event) =>
                            desk.setCondition({
                              ...desk.condition,
                              [field]: event.currentTarget.checked,
                            })
                          }
                        />
                      ))}
                    </Group>
                    <TagsInput
                      label={t('warehouse.receiving.accessoriesLabel')}
                      description={t('warehouse.receiving.accessoriesHint')}
                      value={[...desk.condition.accessories]}
                      onChange={(accessories) =>
                        desk.setCondition({
                          ...desk.condition,
                          accessories: accessories.map((item) => item.trim()).filter(Boolean),
                        })
                      }
                    />

                    <Title order={4} size="h5" mt="xs">
                      {t('warehouse.receiving.photosTitle')}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('warehouse.receiving.photosHint')}
                    </Text>
                    <Group gap="sm" align="flex-start">
                      <FileButton onChange={addPhotos} accept="image/*" multiple>
                        {(props) => (
                          <Button variant="default" {...props}>
                            {t('warehouse.receiving.photosLabel')}
                          </Button>
                        )}
                      </FileButton>
                      {desk.photos.map((photo, index) => (
                        <PhotoThumbnail
                          key={`${photo.name}-${index}`}
                          photo={photo}
                          onRemove={() =>
                            desk.setPhotos(desk.photos.filter((_, kept) => kept !== index))
                          }
                        />
                      ))}
                    </Group>
                    {photoProblem === undefined ? null : (
                      <Text size="sm" c="red.9" role="alert">
                        {photoProblem}
                      </Text>
                    )}

                    {outcome.kind === 'refused' ? (
                      <RefusalAlert
                        message={t('warehouse.receiving.refused', {
                          rmaNumber,
                          reason: outcome.refusal.message,
                        })}
                        clauses={outcome.refusal.clauses}
                      />
                    ) : null}
                    <Group justify="space-between" mt="xs">
                      <Text size="sm" c="dimmed">
                        {checks.canReceive ? null : t('warehouse.receiving.receiveBlocked')}
                      </Text>
                      <Button
                        size="md"
                        disabled={!checks.canReceive || !desk.canWrite}
                        loading={working}
                        onClick={() => void desk.receive()}
                        rightSection={
                          <Kbd size="xs">{t('warehouse.receiving.receiveShortcut')}</Kbd>
                        }
                      >
                        {t('warehouse.receiving.receive')}
                      </Button>
                    </Group>
                  </>
                ) : null}
              </Stack>
            </ClaimSummary>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <ReceivedList parcels={desk.session} />
      </Grid.Col>

      <Modal
        opened={emptyConfirmOpen}
        onClose={emptyConfirm.close}
        title={t('warehouse.receiving.emptyConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('warehouse.receiving.emptyConfirmBody', { rmaNumber })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={emptyConfirm.close}>
              {t('warehouse.receiving.emptyCancel')}
            </Button>
            <Button
              color="red"
              data-autofocus
              onClick={() => {
                emptyConfirm.close();
                void desk.recordEmpty(t('warehouse.receiving.emptyNote', { rmaNumber }));
              }}
            >
              {t('warehouse.receiving.emptyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Grid>
  );
}
