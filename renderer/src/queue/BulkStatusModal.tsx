import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import { useCoreQuery } from '../core';
import type { BulkOutcome } from '../hooks/useBulkStatusChange';
import { maxBulkClaims, useBulkStatusChange } from '../hooks/useBulkStatusChange';
import { useCountFormat } from '../hooks/useStationFormat';
import { repositoryErrorText } from '../i18n/errorText';

type BulkStatusModalProps = {
  readonly opened: boolean;
  readonly claimIds: readonly RecordId[];
  readonly onClose: () => void;
  /** Called when the change is over, with the claims it refused (to keep them selected). */
  readonly onFinished: (refusedIds: readonly RecordId[]) => void;
};

/** How many RMA numbers the confirmation names before it says "and N more". */
const namedClaims = 12;

/**
 * Confirms a bulk status change (how many claims, which, to what), runs it claim by claim, and
 * reports what changed and what was refused with the reason and its clauses.
 */
export function BulkStatusModal({ opened, claimIds, onClose, onFinished }: BulkStatusModalProps) {
  const { t } = useTranslation();
  const formatCount = useCountFormat();
  const [target, setTarget] = useState<ClaimStatus | null>(null);
  const { progress, run, reset } = useBulkStatusChange();
  const tooMany = claimIds.length > maxBulkClaims;
  const named = useCoreQuery(
    async (core) => (opened ? core.queries.claimLabels(claimIds.slice(0, namedClaims)) : []),
    [opened, claimIds],
  );
  const running = progress.kind === 'running';

  const close = () => {
    if (running) return;
    if (progress.kind === 'finished') {
      onFinished(progress.outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.id));
    }
    reset();
    setTarget(null);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      closeButtonProps={{ 'aria-label': t('queueScreen.bulkClose') }}
      size="lg"
      title={t('queueScreen.bulkTitle', {
        count: claimIds.length,
        formattedCount: formatCount(claimIds.length),
      })}
    >
      {progress.kind === 'finished' ? (
        <BulkReport outcomes={progress.outcomes} onClose={close} />
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('queueScreen.bulkWhich')}
            </Text>
            <Group gap={6}>
              {(named ?? []).map((claim) => (
                <Badge key={claim.id} variant="light" color="gray" tt="none" ff="monospace">
                  {claim.rmaNumber} · {t(`status.${claim.status}`)}
                </Badge>
              ))}
            </Group>
            {claimIds.length > namedClaims ? (
              <Text size="sm" c="dimmed">
                {t('queueScreen.bulkMore', { count: formatCount(claimIds.length - namedClaims) })}
              </Text>
            ) : null}
          </Stack>
          {tooMany ? (
            <Alert color="orange">
              {t('queueScreen.bulkTooMany', { max: formatCount(maxBulkClaims) })}
            </Alert>
          ) : null}
          {run === undefined ? <Alert color="orange">{t('queueScreen.bulkNobody')}</Alert> : null}
          <Select
            label={t('queueScreen.bulkTarget')}
            description={t('queueScreen.bulkTargetHint')}
            placeholder={t('queueScreen.bulkTarget')}
            value={target}
            onChange={(value) => setTarget(claimStatusSchema.safeParse(value).data ?? null)}
            data={claimStatusSchema.options.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            }))}
            disabled={running || tooMany}
            data-autofocus
          />
          {running ? (
            <Stack gap={4}>
              <Progress value={(progress.done / Math.max(1, progress.count)) * 100} />
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('queueScreen.bulkRunning', { done: progress.done, count: progress.count })}
              </Text>
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={running}>
              {t('queueScreen.bulkCancel')}
            </Button>
            <Button
              disabled={target === null || tooMany || run === undefined}
              loading={running}
              onClick={() => {
                if (target !== null) void run?.(claimIds, target);
              }}
            >
              {t('queueScreen.bulkApply', {
                count: claimIds.length,
                formattedCount: formatCount(claimIds.length),
              })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

type BulkReportProps = {
  readonly outcomes: readonly BulkOutcome[];
  readonly onClose: () => void;
};

/** What a bulk change did: every refused claim with its reason, then the claims it changed. */
function BulkReport({ outcomes, onClose }: BulkReportProps) {
  const { t } = useTranslation();
  const refused = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome]));
  const changed = outcomes.filter((outcome) => outcome.ok);
  return (
    <Stack gap="md">
      <Alert color={refused.length > 0 ? 'orange' : 'teal'} role="status">
        {t('queueScreen.bulkDone', { changed: changed.length, refused: refused.length })}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Stack gap="sm">
          {refused.length > 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('queueScreen.bulkRefusedList')}
              </Text>
              <List size="sm" spacing={6} aria-label={t('queueScreen.bulkRefusedList')}>
                {refused.map((outcome) => (
                  <List.Item key={outcome.id}>
                    <Text span ff="monospace" fw={600} size="sm">
                      {outcome.rmaNumber}
                    </Text>
                    {': '}
                    {repositoryErrorText(t, outcome.error)}
                    {outcome.clauses.length > 0 ? (
                      <Text span size="sm" fw={600} ml={6}>
                        {t('queueScreen.clauses', { clauses: outcome.clauses.join(', ') })}
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
          {changed.length > 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('queueScreen.bulkChangedList')}
              </Text>
              <Text size="sm" ff="monospace">
                {changed.map((outcome) => outcome.rmaNumber).join(', ')}
              </Text>
            </Stack>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('queueScreen.bulkClose')}
        </Button>
      </Group>
    </Stack>
  );
}
