import { Alert, Anchor, Grid, Loader, Stack } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { deviceReceived } from '#shared/domain/claimWorkflow';
import type { EvidenceKind } from '#shared/domain/vocabulary';
import { builtInPacks } from '#shared/policy';
import { evaluationErrorText, repositoryErrorText } from '../i18n/errorText';
import { useClaimActions } from '../hooks/useClaimActions';
import { useQueueAddress } from '../queue/queueNavigation';
import { useStationContext } from '../station/StationContext';
import { AddEvidenceModal } from './AddEvidenceModal';
import { ClaimHeader } from './ClaimHeader';
import { DecisionPanel } from './DecisionPanel';
import { DocumentsCard } from './DocumentsCard';
import { EvidenceGallery } from './EvidenceGallery';
import { InspectionCard } from './InspectionCard';
import { NotesCard } from './NotesCard';
import { QuoteCard } from './quote/QuoteCard';
import { ShipmentsCard } from './shipments/ShipmentsCard';
import { TimelineCard } from './TimelineCard';
import { useBenchHotkeys } from './useBenchHotkeys';
import { useClaimScreen } from './useClaimScreen';
import { WorkflowActions } from './WorkflowActions';

/**
 * One claim: a header (who, what, status, clocks), the next workflow step, then two columns:
 * the bench's work on the left (evidence, inspection, quote, shipments, notes, timeline) and what the policy
 * allows and prints on the right. A new card is one line in either column.
 */
export function ClaimScreen() {
  const { t } = useTranslation();
  const { claimId = '' } = useParams();
  const { details, evidence, notes, inspection, audit } = useClaimScreen(claimId);
  const { station } = useStationContext();
  // Back to the queue as it was left, with its filter.
  const queueAddress = useQueueAddress();
  const actions = useClaimActions(claimId);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const inspectionRef = useRef<HTMLElement>(null);
  const [evidencePicker, setEvidencePicker] = useState<{ kind?: EvidenceKind }>();

  const technicianName = useCallback(
    (id: string) =>
      station.technicians?.find((technician) => technician.id === id)?.name ??
      t('claimScreen.timeline.someone'),
    [station.technicians, t],
  );
  const goToInspection = useCallback(() => {
    inspectionRef.current?.scrollIntoView({ block: 'start' });
    inspectionRef.current?.focus();
  }, []);

  // Ignored inside inputs, so typing a note never jumps anywhere.
  useBenchHotkeys([
    ['n', () => noteRef.current?.focus()],
    ['i', goToInspection],
    ['e', () => setEvidencePicker({})],
  ]);

  if (details.kind === 'loading') return <Loader aria-label={t('queue.loading')} />;
  if (details.kind === 'not-found') {
    return (
      <Stack>
        <Alert color="orange" role="alert">
          {t('claim.notFound')}
        </Alert>
        <Anchor component={Link} to={queueAddress}>
          {t('claim.back')}
        </Anchor>
      </Stack>
    );
  }
  const { claim, customer, device, decision } = details;
  const evaluated = decision?.ok === true ? decision.value : undefined;
  const pack = Object.entries(builtInPacks).find(([id]) => id === claim.policyPackId)?.[1];
  const liveEvidence = (evidence ?? []).map((item) => item.evidence);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={queueAddress} size="sm">
        ← {t('claim.back')}
      </Anchor>
      <ClaimHeader
        claim={claim}
        customer={customer}
        device={device}
        decision={evaluated}
        onAssign={async (assigneeId) => {
          const result = await actions.assign(assigneeId);
          return result.ok ? undefined : repositoryErrorText(t, result.error);
        }}
      />
      <WorkflowActions
        claim={claim}
        evidence={liveEvidence}
        inspections={
          inspection === undefined
            ? undefined
            : inspection.inspection === undefined
              ? []
              : [inspection.inspection]
        }
        decision={evaluated}
        canWrite={actions.canWrite}
        onTransition={actions.transition}
        onAddEvidence={(kind) => setEvidencePicker({ kind })}
        onGoToInspection={goToInspection}
      />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <EvidenceGallery
              items={evidence}
              technicianName={technicianName}
              onAdd={() => setEvidencePicker({})}
            />
            <InspectionCard
              recorded={inspection}
              pack={pack}
              evidence={liveEvidence}
              canWrite={actions.canWrite}
              deviceReceived={deviceReceived(claim.status)}
              technicianName={technicianName}
              sectionRef={inspectionRef}
              onSave={actions.saveInspection}
            />
            <QuoteCard claim={claim} customer={customer} device={device} decision={decision} />
            <ShipmentsCard claim={claim} decision={decision} />
            <NotesCard
              notes={notes}
              canWrite={actions.canWrite}
              technicianName={technicianName}
              inputRef={noteRef}
              onAdd={actions.addNote}
            />
            <TimelineCard audit={audit} technicianName={technicianName} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {decision === undefined ? (
              <Alert color="orange">{t('claim.unknownPack', { pack: claim.policyPackId })}</Alert>
            ) : decision.ok ? (
              <DecisionPanel
                decision={decision.value}
                chosenRemedy={claim.remedy}
                onChooseRemedy={
                  actions.canWrite
                    ? async (remedy) => {
                        const result = await actions.chooseRemedy(remedy);
                        return result.ok ? undefined : repositoryErrorText(t, result.error);
                      }
                    : undefined
                }
              />
            ) : (
              <Alert color="orange">
                {evaluationErrorText(t, decision, {
                  named: 'claim.invalidClaim',
                  unnamed: 'claim.invalidClaimUnnamed',
                })}
              </Alert>
            )}
            <DocumentsCard sources={{ station, claim, customer, device, decision }} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AddEvidenceModal
        opened={evidencePicker !== undefined}
        rmaNumber={claim.rmaNumber}
        suggestedKind={evidencePicker?.kind}
        onClose={() => setEvidencePicker(undefined)}
        onAdd={actions.addEvidence}
      />
    </Stack>
  );
}
