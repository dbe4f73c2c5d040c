import { Alert, Button, FileButton, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKindSchema } from '#shared/domain/vocabulary';
import type { EvidenceKind } from '#shared/domain/vocabulary';
import { formatByteSize } from '../core';
import type { EvidenceFileError } from '../hooks/useClaimActions';
import { repositoryErrorText } from '../i18n/errorText';

type AddEvidenceModalProps = {
  readonly opened: boolean;
  readonly rmaNumber: string;
  /** The kind a refusal asked for, chosen for every file picked; otherwise guessed per file. */
  readonly suggestedKind: EvidenceKind | undefined;
  readonly onClose: () => void;
  readonly onAdd: (file: File, kind: EvidenceKind) => Promise<EvidenceFileError | undefined>;
};

type PickedFile = { readonly file: File; kind: EvidenceKind; error?: string };

/** A first guess of what a file shows, from its media type; the technician corrects it. */
function guessKind(file: File, suggested: EvidenceKind | undefined): EvidenceKind {
  if (file.type.startsWith('video/')) return 'video';
  if (file.type === 'application/pdf') return 'receipt';
  return suggested ?? 'product-photo';
}

/** Picks files and what each shows, then adds them to the claim; a refused file stays listed. */
export function AddEvidenceModal(props: AddEvidenceModalProps) {
  const { opened, rmaNumber, suggestedKind, onClose, onAdd } = props;
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<number>();

  function close() {
    setPicked([]);
    setAdded(undefined);
    onClose();
  }

  function messageOf(error: EvidenceFileError, entry: PickedFile): string {
    const file = entry.file.name;
    switch (error.code) {
      case 'wrong-type':
        return t('claimScreen.evidence.wrongType', {
          file,
          mediaType: error.mediaType,
          kind: t(`claimScreen.evidence.kind.${entry.kind}`),
        });
      case 'attachment':
        return error.error.code === 'too-large'
          ? t('claimScreen.evidence.tooLarge', { file })
          : t('claimScreen.evidence.storageFull', { file });
      case 'refused':
        return t('claimScreen.evidence.failed', {
          file,
          reason: repositoryErrorText(t, error.error),
        });
    }
  }

  async function save() {
    setSaving(true);
    const left: PickedFile[] = [];
    let count = 0;
    for (const entry of picked) {
      const error = await onAdd(entry.file, entry.kind);
      if (error === undefined) count += 1;
      else left.push({ ...entry, error: messageOf(error, entry) });
    }
    setSaving(false);
    setPicked(left);
    setAdded(count);
    if (left.length === 0) close();
  }

  const kinds = evidenceKindSchema.options.map((kind) => ({
    value: kind,
    label: t(`claimScreen.evidence.kind.${kind}`),
  }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={t('claimScreen.evidence.pickTitle', { rma: rmaNumber })}
    >
      <Stack>
        <FileButton
          multiple
          accept="image/*,video/*,application/pdf"
          onChange={(files) => {
            setAdded(undefined);
            setPicked((current) => [
              ...current,
              ...files.map((file) => ({ file, kind: guessKind(file, suggestedKind) })),
            ]);
          }}
        >
          {(buttonProps) => (
            <Button variant="default" {...buttonProps} data-autofocus>
              {t('claimScreen.evidence.chooseFiles')}
            </Button>
          )}
        </FileButton>
        {added === undefined || added === 0 ? null : (
          <Alert color="teal" variant="light" role="status">
            {t('claimScreen.evidence.added', { count: added })}
          </Alert>
        )}
        {picked.map((entry, index) => (
          <Stack key={`${entry.file.name}-${index}`} gap={4}>
            <Group justify="space-between" align="flex-end" wrap="nowrap">
              <Text size="sm" truncate="end" style={{ flex: 1 }}>
                {entry.file.name}{' '}
                <Text span size="xs" c="dimmed">
                  {formatByteSize(entry.file.size)}
                </Text>
              </Text>
              <Select
                w={220}
                label={t('claimScreen.evidence.kindOf', { file: entry.file.name })}
                allowDeselect={false}
                data={kinds}
                value={entry.kind}
                error={entry.error !== undefined}
                onChange={(value) => {
                  const kind = evidenceKindSchema.safeParse(value);
                  if (!kind.success) return;
                  setPicked((current) =>
                    current.map((other, at) =>
                      at === index ? { file: other.file, kind: kind.data } : other,
                    ),
                  );
                }}
              />
            </Group>
            {entry.error === undefined ? null : (
              <Text size="sm" c="red.8" role="alert">
                {entry.error}
              </Text>
            )}
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('claimScreen.evidence.cancel')}
          </Button>
          <Button disabled={picked.length === 0} loading={saving} onClick={() => void save()}>
            {t('claimScreen.evidence.save', { count: picked.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
