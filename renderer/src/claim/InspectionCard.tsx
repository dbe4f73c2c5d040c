import { saveFailureText } from '../i18n/saveFailureText';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { RefObject } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DoaVerdict } from '#shared/domain/inspection';
import { doaVerdictSchema } from '#shared/domain/inspection';
import type { MisuseKind } from '#shared/domain/vocabulary';
import type { PolicyPack } from '#shared/policy';
import type {
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  RepositoryError,
} from '../core';
import type { InspectionInput } from '../hooks/useClaimActions';
import type { RecordedInspection } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import { policyPackName } from '../i18n/policyPackName';

type InspectionCardProps = {
  readonly recorded: RecordedInspection | undefined;
  readonly pack: PolicyPack | undefined;
  readonly evidence: readonly StoredEvidence[];
  readonly canWrite: boolean;
  /** Whether the device is at the center: it is inspected only once received (B14). */
  readonly deviceReceived: boolean;
  readonly technicianName: (id: string) => string;
  /** The card's section, focused by the `i` shortcut and by a refusal's "go to the inspection". */
  readonly sectionRef: RefObject<HTMLElement | null>;
  readonly onSave: (
    input: InspectionInput,
    recorded: StoredInspection | undefined,
    findings: readonly StoredMisuseFinding[],
  ) => Promise<RepositoryError | undefined>;
};

/** What the inspection on arrival found: the fault, the DOA verdict, and signs of misuse (B15). */
export function InspectionCard(props: InspectionCardProps) {
  const { recorded, sectionRef } = props;
  const { t } = useTranslation();
  const format = useStationFormat();
  const titleId = useId();
  const inspection = recorded?.inspection;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      ref={sectionRef}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id={titleId}>
            {t('claimScreen.inspection.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {inspection === undefined
              ? t('claimScreen.inspection.notYet')
              : t('claimScreen.inspection.lastBy', {
                  name: props.technicianName(inspection.inspectedBy),
                  time: format.dateTime(inspection.inspectedAt),
                })}
          </Text>
        </Group>
        {props.deviceReceived ? null : (
          <Alert color="yellow" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('claimScreen.inspection.notReceived')}</Text>
              <Button component={Link} to="/warehouse" variant="default" size="compact-sm">
                {t('claimScreen.inspection.openDesk')}
              </Button>
            </Stack>
          </Alert>
        )}
        {recorded === undefined ? null : (
          // Starts from the inspection as stored when the screen opened; saving writes it whole.
          <InspectionForm {...props} recorded={recorded} />
        )}
      </Stack>
    </Paper>
  );
}

const faults = ['confirmed', 'not-confirmed', 'no-defect-found'] as const;
type Fault = (typeof faults)[number];
const isFault = (value: string): value is Fault => faults.some((fault) => fault === value);
type FindingDraft = { note: string; evidenceIds: readonly string[] };

function faultOf(inspection: StoredInspection | undefined): Fault {
  if (inspection?.faultConfirmed === true) return 'confirmed';
  if (inspection?.noDefectFound === true) return 'no-defect-found';
  return 'not-confirmed';
}

function InspectionForm({
  recorded,
  pack,
  evidence,
  canWrite,
  deviceReceived,
  onSave,
}: InspectionCardProps & { readonly recorded: RecordedInspection }) {
  const { t } = useTranslation();
  const [fault, setFault] = useState<Fault>(faultOf(recorded.inspection));
  const [verdict, setVerdict] = useState<DoaVerdict>(
    recorded.inspection?.doaVerdict ?? 'not-applicable',
  );
  const [findings, setFindings] = useState<ReadonlyMap<MisuseKind, FindingDraft>>(
    () =>
      new Map(
        recorded.findings.map((finding) => [
          finding.kind,
          { note: finding.note ?? '', evidenceIds: finding.evidenceIds },
        ]),
      ),
  );
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: RepositoryError }>();
  const verdictError =
    verdict === 'doa' && fault !== 'confirmed'
      ? t('claimScreen.inspection.doaNeedsFault')
      : undefined;

  const voiding = pack?.exclusions.voiding ?? [];
  const checklist: { kind: MisuseKind; voids: boolean }[] = [
    ...voiding.map((kind) => ({ kind, voids: true })),
    ...(pack?.exclusions.notCovered ?? [])
      .filter((kind) => !voiding.includes(kind))
      .map((kind) => ({ kind, voids: false })),
  ];
  const evidenceOptions = evidence.map((item) => ({
    value: item.id,
    label: `${t(`claimScreen.evidence.kind.${item.kind}`)} · ${item.fileName}`,
  }));

  function setFinding(kind: MisuseKind, draft: FindingDraft | undefined) {
    setFindings((current) => {
      const next = new Map(current);
      if (draft === undefined) next.delete(kind);
      else next.set(kind, draft);
      return next;
    });
  }

  async function save() {
    if (verdictError !== undefined) return;
    setSaving(true);
    const error = await onSave(
      {
        faultConfirmed: fault === 'confirmed',
        noDefectFound: fault === 'no-defect-found',
        doaVerdict: verdict,
        findings,
      },
      recorded.inspection,
      recorded.findings,
    );
    setSaving(false);
    setOutcome(error === undefined ? { ok: true } : { ok: false, error });
  }

  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="inspection-fault">
            {t('claimScreen.inspection.fault')}
          </Text>
          <SegmentedControl
            aria-labelledby="inspection-fault"
            value={fault}
            onChange={(value) => {
              if (isFault(value)) setFault(value);
            }}
            data={faults.map((value) => ({
              value,
              label: t(`claimScreen.inspection.faultValue.${value}`),
            }))}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="inspection-doa">
            {t('claimScreen.inspection.doa')}
          </Text>
          <SegmentedControl
            aria-labelledby="inspection-doa"
            value={verdict}
            onChange={(value) => {
              const parsed = doaVerdictSchema.safeParse(value);
              if (parsed.success) setVerdict(parsed.data);
            }}
            data={doaVerdictSchema.options.map((value) => ({
              value,
              label: t(`claimScreen.inspection.verdict.${value}`),
            }))}
          />
        </Stack>
      </Group>
      {verdictError === undefined ? null : (
        <Text size="sm" c="red.8" role="alert">
          {verdictError}
        </Text>
      )}
      {pack === undefined ? (
        <Text size="sm" c="dimmed">
          {t('claimScreen.inspection.noPack')}
        </Text>
      ) : (
        <Stack gap={6} role="group" aria-labelledby="inspection-misuse">
          <Text size="sm" fw={500} id="inspection-misuse">
            {t('claimScreen.inspection.misuseTitle', { pack: policyPackName(t, pack.id) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('claimScreen.inspection.misuseHint')}
          </Text>
          {checklist.map(({ kind, voids }) => {
            const draft = findings.get(kind);
            const name = t(`claimScreen.misuse.${kind}`);
            return (
              <Stack key={kind} gap={4}>
                <Group gap="xs">
                  <Checkbox
                    label={name}
                    checked={draft !== undefined}
                    onChange={(event) =>
                      setFinding(
                        kind,
                        event.currentTarget.checked ? { note: '', evidenceIds: [] } : undefined,
                      )
                    }
                  />
                  <Badge size="xs" variant="outline" color={voids ? 'red' : 'gray'} tt="none">
                    {voids
                      ? t('claimScreen.inspection.voids')
                      : t('claimScreen.inspection.notCovered')}
                  </Badge>
                </Group>
                {draft === undefined ? null : (
                  <Group gap="sm" pl={30} align="flex-start" grow>
                    <TextInput
                      size="xs"
                      label={t('claimScreen.inspection.note', { kind: name })}
                      value={draft.note}
                      onChange={(event) =>
                        setFinding(kind, { ...draft, note: event.currentTarget.value })
                      }
                    />
                    <MultiSelect
                      size="xs"
                      label={t('claimScreen.inspection.evidenceLinks', { kind: name })}
                      data={evidenceOptions}
                      searchable
                      value={[...draft.evidenceIds]}
                      placeholder={
                        evidenceOptions.length === 0
                          ? t('claimScreen.inspection.noEvidence')
                          : undefined
                      }
                      disabled={evidenceOptions.length === 0}
                      onChange={(evidenceIds) => setFinding(kind, { ...draft, evidenceIds })}
                    />
                  </Group>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button
          onClick={() => void save()}
          loading={saving}
          disabled={!canWrite || !deviceReceived || verdictError !== undefined}
        >
          {t('claimScreen.inspection.save')}
        </Button>
      </Group>
      {outcome === undefined ? null : outcome.ok ? (
        <Alert color="teal" variant="light" role="status">
          {t('claimScreen.inspection.saved')}
        </Alert>
      ) : (
        <Alert color="red" variant="light" role="alert">
          {outcome.error.code === 'device-not-received'
            ? t('claimScreen.inspection.notReceived')
            : saveFailureText(t, outcome.error, (reason) =>
                t('claimScreen.inspection.failed', { reason }),
              )}
        </Alert>
      )}
    </Stack>
  );
}
