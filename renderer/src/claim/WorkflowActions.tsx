import { Alert, Button, Group, Kbd, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClaimStatus,
  ClaimTransitionError,
  ClaimTransitionErrorCode,
} from '#shared/domain/claimWorkflow';
import {
  allowedTransitions,
  claimTransitionErrorCodes,
  claimWorkflowContext,
  countEvidence,
  transitionClaim,
} from '#shared/domain/claimWorkflow';
import type { EvidenceKind } from '#shared/domain/vocabulary';
import type { Decision } from '#shared/policy';
import type {
  StoredClaim,
  StoredEvidence,
  StoredInspection,
  RepositoryError,
  RepositoryResult,
} from '../core';
import { useLanguage } from '../hooks/useStationFormat';
import { repositoryErrorText } from '../i18n/errorText';
import { clauseRule } from './clauseWords';
import { ForceTransitionButton } from './ForceTransitionButton';
import { useClaimQuotes } from './quote/useClaimQuotes';

type WorkflowActionsProps = {
  readonly claim: StoredClaim;
  readonly evidence: readonly Pick<StoredEvidence, 'kind'>[];
  /** The claim's recorded inspections (the latest is enough); undefined while they load. */
  readonly inspections: readonly Pick<StoredInspection, 'id'>[] | undefined;
  readonly decision: Decision | undefined;
  readonly canWrite: boolean;
  readonly onTransition: (to: ClaimStatus) => Promise<RepositoryResult<StoredClaim>>;
  /** Opens the evidence picker with a kind chosen, for a refusal that asks for evidence. */
  readonly onAddEvidence: (kind: EvidenceKind) => void;
  readonly onGoToInspection: () => void;
};

/** Steps that end a claim without a remedy: asked twice. */
const destructive: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>(['refused', 'cancelled']);

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'moved'; readonly to: ClaimStatus }
  | { readonly kind: 'refused'; readonly to: ClaimStatus; readonly error: RepositoryError };

/**
 * The statuses the claim may move to next, as buttons. A step the workflow's guards would refuse
 * now is disabled, with the guard's reason, clauses and what to do beside it; a refusal that only
 * shows on writing (another station moved the claim first) says why after the click.
 */
export function WorkflowActions(props: WorkflowActionsProps) {
  const { claim, evidence, inspections, decision, canWrite, onTransition } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const blockedId = useId();
  const quotes = useClaimQuotes(claim.id);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState<ClaimStatus>();
  const [confirming, setConfirming] = useState<ClaimStatus>();
  const next = allowedTransitions(claim.status);
  // The same guards the repository applies on writing, so a step offered here can succeed.
  const context =
    quotes === undefined || inspections === undefined
      ? undefined
      : claimWorkflowContext(claim, {
          evidence,
          inspections,
          quotes: quotes.map((entry) => entry.quote),
        });
  const refusals = new Map<ClaimStatus, ClaimTransitionError>();
  for (const to of next) {
    const checked = context === undefined ? undefined : transitionClaim(context, to);
    if (checked?.ok === false) refusals.set(to, checked.error);
  }
  const refusalDetails = (
    error: Pick<RepositoryError, 'code' | 'message' | 'clauses' | 'allowedStatuses'>,
  ) => (
    <RefusalDetails
      error={error}
      missing={doaMissing(evidence)}
      clauseText={(clause) => clauseRule(clause, language, decision)}
      onAddEvidence={props.onAddEvidence}
      onGoToInspection={props.onGoToInspection}
    />
  );

  async function move(to: ClaimStatus) {
    setConfirming(undefined);
    setBusy(to);
    const result = await onTransition(to);
    setBusy(undefined);
    setOutcome(result.ok ? { kind: 'moved', to } : { kind: 'refused', to, error: result.error });
  }

  const statusName = (status: ClaimStatus) => t(`status.${status}`);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id={titleId}>
            {t('claimScreen.workflow.title')}
          </Title>
          <ShortcutHints />
        </Group>
        {next.length === 0 ? (
          <Text c="dimmed">{t('claimScreen.workflow.final')}</Text>
        ) : (
          <Group gap="sm">
            {next.map((to, index) => (
              <Button
                key={to}
                color={destructive.has(to) ? 'red' : undefined}
                variant={destructive.has(to) ? 'outline' : index === 0 ? 'filled' : 'default'}
                disabled={!canWrite || refusals.has(to) || (busy !== undefined && busy !== to)}
                aria-describedby={refusals.has(to) ? `${blockedId}-${to}` : undefined}
                loading={busy === to}
                onClick={() => (destructive.has(to) ? setConfirming(to) : void move(to))}
              >
                {t(`claimScreen.workflow.move.${to}`)}
              </Button>
            ))}
          </Group>
        )}
        {[...refusals].map(([to, error]) => (
          <Paper
            key={to}
            withBorder
            p="sm"
            radius="sm"
            bg="gray.0"
            id={`${blockedId}-${to}`}
            role="group"
            aria-label={t('claimScreen.workflow.notYet', {
              step: t(`claimScreen.workflow.move.${to}`),
            })}
          >
            <Text size="sm" fw={600} mb={4}>
              {t('claimScreen.workflow.notYet', { step: t(`claimScreen.workflow.move.${to}`) })}
            </Text>
            {refusalDetails({ ...error, allowedStatuses: error.allowed })}
            <Group mt="xs">
              <ForceTransitionButton
                claimId={claim.id}
                to={to}
                onForced={() => setOutcome({ kind: 'moved', to })}
              />
            </Group>
          </Paper>
        ))}
        {canWrite ? null : (
          <Text size="sm" c="dimmed">
            {t('claimScreen.workflow.noTechnician')}
          </Text>
        )}
        {outcome.kind === 'moved' && outcome.to === claim.status ? (
          <Alert color="teal" variant="light" role="status">
            {t('claimScreen.workflow.moved', { status: statusName(outcome.to) })}
          </Alert>
        ) : null}
        {outcome.kind === 'refused' ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('claimScreen.workflow.refusedTitle', { status: statusName(outcome.to) })}
            // The orange title on its tint is under 4.5:1: dark text, the alert's colour says the rest.
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {refusalDetails(outcome.error)}
          </Alert>
        ) : null}
        {outcome.kind === 'refused' &&
        next.includes(outcome.to) &&
        hasOwnSentence(outcome.error.code) ? (
          <Group>
            <ForceTransitionButton
              claimId={claim.id}
              to={outcome.to}
              onForced={() => setOutcome({ kind: 'moved', to: outcome.to })}
            />
          </Group>
        ) : null}
      </Stack>
      <Modal
        opened={confirming !== undefined}
        onClose={() => setConfirming(undefined)}
        title={
          confirming === 'cancelled'
            ? t('claimScreen.workflow.confirm.cancelledTitle')
            : t('claimScreen.workflow.confirm.refusedTitle')
        }
      >
        <Stack>
          <Text>
            {confirming === 'cancelled'
              ? t('claimScreen.workflow.confirm.cancelledBody')
              : t('claimScreen.workflow.confirm.refusedBody')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(undefined)}>
              {t('claimScreen.workflow.confirm.keep')}
            </Button>
            <Button
              color="red"
              onClick={() => (confirming === undefined ? undefined : void move(confirming))}
            >
              {confirming === undefined ? '' : t(`claimScreen.workflow.move.${confirming}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** What a dead-on-arrival authorization still lacks, by the workflow's own count. */
function doaMissing(
  evidence: readonly Pick<StoredEvidence, 'kind'>[],
): 'both' | 'product' | 'packaging' | undefined {
  const counts = countEvidence(evidence);
  const product = counts.productPhotos + counts.videos > 0;
  const packaging = counts.packagingPhotos > 0;
  if (product && packaging) return undefined;
  return !product && !packaging ? 'both' : product ? 'packaging' : 'product';
}

type RefusalDetailsProps = {
  readonly error: Pick<RepositoryError, 'code' | 'message' | 'clauses' | 'allowedStatuses'>;
  readonly missing: 'both' | 'product' | 'packaging' | undefined;
  readonly clauseText: (clause: string) => string | undefined;
  readonly onAddEvidence: (kind: EvidenceKind) => void;
  readonly onGoToInspection: () => void;
};

/** Whether a refusal has its own sentence (the others are worded by `repositoryErrorText`). */
function hasOwnSentence(code: string): code is ClaimTransitionErrorCode {
  return (claimTransitionErrorCodes as readonly string[]).includes(code);
}

/** Why a step is refused, the clauses behind the rule, and what to do about it. */
function RefusalDetails({ error, missing, clauseText, ...actions }: RefusalDetailsProps) {
  const { t } = useTranslation();
  const message = hasOwnSentence(error.code)
    ? t(`claimScreen.workflow.refusal.${error.code}`, {
        missing: t(`claimScreen.workflow.doaMissing.${missing ?? 'both'}`),
      })
    : t('claimScreen.workflow.refusal.other', { reason: repositoryErrorText(t, error) });
  const clauses = error.clauses ?? [];
  const allowed = error.allowedStatuses ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm">{message}</Text>
      {clauses.length === 0 ? null : (
        <div>
          <Text size="sm" fw={600}>
            {t('claimScreen.workflow.clauses')}
          </Text>
          {clauses.map((clause) => (
            <Text key={clause} size="sm">
              <Text span fw={600} size="sm">
                {t('claim.clause', { id: clause })}
              </Text>
              {clauseText(clause) === undefined ? null : `: ${clauseText(clause)}`}
            </Text>
          ))}
        </div>
      )}
      {error.code === 'illegal-transition' && allowed.length > 0 ? (
        <Text size="sm">
          {t('claimScreen.workflow.allowed', {
            statuses: allowed.map((status) => t(`status.${status}`)).join(', '),
          })}
        </Text>
      ) : null}
      {error.code === 'doa-evidence-missing' ? (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('claimScreen.workflow.whatToDo')}:
          </Text>
          {missing === 'product' || missing === 'both' ? (
            <Button
              size="xs"
              variant="white"
              onClick={() => actions.onAddEvidence('product-photo')}
            >
              {t('claimScreen.workflow.todo.addProduct')}
            </Button>
          ) : null}
          {missing === 'packaging' || missing === 'both' ? (
            <Button size="xs" onClick={() => actions.onAddEvidence('packaging-photo')}>
              {t('claimScreen.workflow.todo.addPackaging')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {error.code === 'inspection-missing' ? (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('claimScreen.workflow.whatToDo')}:
          </Text>
          <Button size="xs" onClick={actions.onGoToInspection}>
            {t('claimScreen.workflow.todo.recordInspection')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The screen's keyboard shortcuts, as a hint beside the actions. */
function ShortcutHints() {
  const { t } = useTranslation();
  const hints = [
    ['N', t('claimScreen.shortcuts.note')],
    ['I', t('claimScreen.shortcuts.inspection')],
    ['E', t('claimScreen.shortcuts.evidence')],
  ] as const;
  return (
    <Group gap="sm" role="group" aria-label={t('claimScreen.shortcuts.title')}>
      {hints.map(([key, label]) => (
        <Text key={key} size="xs" c="dimmed">
          <Kbd size="xs">{key}</Kbd> {label}
        </Text>
      ))}
    </Group>
  );
}
