import { attachmentErrorText } from '../i18n/errorText';
import '@mantine/dropzone/styles.css';
import {
  Alert,
  Button,
  CloseButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { Dropzone, IMAGE_MIME_TYPE, MIME_TYPES } from '@mantine/dropzone';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKindSchema } from '#shared/domain/vocabulary';
import { useCoreQuery, formatByteSize, maxAttachmentBytes } from '../core';
import { EvidencePreview } from './EvidencePreview';
import { fieldId } from './fieldTargets';
import { IntakeSection } from './IntakeSection';
import type { AttachFiles } from './useAttachFiles';
import type { IntakeFields } from './useIntakeForm';
import type { CaptureMode } from './WebcamCapture';

type EvidenceSectionProps = {
  readonly form: IntakeFields;
  readonly files: AttachFiles;
  readonly error: string | undefined;
  readonly onCapture: (mode: CaptureMode) => void;
};

/** What the drop zone takes: images, videos and PDF files (receipts). */
const acceptedTypes = [
  ...IMAGE_MIME_TYPE,
  MIME_TYPES.mp4,
  'video/webm',
  'video/quicktime',
  MIME_TYPES.pdf,
];

/**
 * The stored thumbnails of the attached files, by digest, kept current: a thumbnail made in the
 * background after the file was stored shows up as soon as it is written.
 */
function useThumbnails(digests: readonly string[]): ReadonlyMap<string, Blob> {
  const key = digests.join(',');
  const attachments = useCoreQuery(
    ({ queries }) => queries.attachments(key === '' ? [] : key.split(',')),
    [key],
  );
  return useMemo(() => {
    const map = new Map<string, Blob>();
    for (const attachment of attachments ?? []) {
      if (attachment?.thumbnail !== undefined) {
        map.set(attachment.sha256, attachment.thumbnail.blob);
      }
    }
    return map;
  }, [attachments]);
}

/** Photos, videos and receipts: dropped, chosen, or captured from the camera. */
export const EvidenceSection = memo(function EvidenceSection({
  form,
  files,
  error,
  onCapture,
}: EvidenceSectionProps) {
  const { t } = useTranslation();
  const [rejected, setRejected] = useState<readonly string[]>([]);
  const evidence = form.useWatchValue('evidence');
  const thumbnails = useThumbnails(evidence.map((item) => item.sha256));
  const kinds = evidenceKindSchema.options.map((kind) => ({
    value: kind,
    label: t(`intake.evidence.kinds.${kind}`),
  }));

  return (
    <IntakeSection title={t('intake.sections.evidence')}>
      <Stack gap="sm">
        <Dropzone
          id={fieldId('evidence')}
          onDrop={(dropped) => {
            setRejected([]);
            files.dismissRefusals();
            void files.attach(dropped);
          }}
          onReject={(rejections) => setRejected(rejections.map((rejection) => rejection.file.name))}
          accept={acceptedTypes}
          // react-dropzone makes the zone focusable and opens the picker on Enter or Space, but
          // marks it presentational: as a button it is named by its words, not by the hidden
          // input's "file upload", and that input leaves the accessibility tree (the zone still
          // opens it by script).
          role="button"
          inputProps={{ style: { display: 'none' } }}
          p="md"
          radius="md"
        >
          <Stack gap={4} align="center" style={{ pointerEvents: 'none' }}>
            <Text fw={600} ta="center">
              {t('intake.evidence.drop')}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('intake.evidence.dropHint', { limit: formatByteSize(maxAttachmentBytes) })}
            </Text>
          </Stack>
        </Dropzone>
        <Group gap="sm">
          <Button variant="default" onClick={() => onCapture('photo')}>
            {t('intake.evidence.takePhoto')}
          </Button>
          <Button variant="default" onClick={() => onCapture('video')}>
            {t('intake.evidence.recordVideo')}
          </Button>
          {files.storing.map((name) => (
            <Group key={name} gap={6} role="status">
              <Loader size="xs" />
              <Text size="sm">{t('intake.evidence.storing', { name })}</Text>
            </Group>
          ))}
        </Group>
        {rejected.map((name) => (
          <Alert key={name} color="orange" role="alert" py="xs">
            {t('intake.evidence.rejected', { name })}
          </Alert>
        ))}
        {files.refusals.map((refusal, index) => (
          <Alert key={index} color="red" role="alert" py="xs">
            {attachmentErrorText(t, refusal.error, refusal.fileName)}
          </Alert>
        ))}
        {error === undefined ? null : (
          <Alert color="red" role="alert" py="xs">
            {error}
          </Alert>
        )}
        {evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('intake.evidence.none')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            aria-label={t('intake.evidence.listLabel')}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {evidence.map((item, index) => (
              <Paper component="li" key={item.sha256} withBorder p="xs" radius="sm">
                <Group gap="sm" wrap="nowrap">
                  <EvidencePreview
                    thumbnail={thumbnails.get(item.sha256)}
                    fileName={item.fileName}
                    mediaType={item.mediaType}
                  />
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate="end">
                      {item.fileName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatByteSize(item.sizeBytes)} · {item.mediaType}
                    </Text>
                  </Stack>
                  <Select
                    aria-label={t('intake.evidence.kind', { name: item.fileName })}
                    data={kinds}
                    w={190}
                    allowDeselect={false}
                    value={item.kind}
                    onChange={(value) => {
                      const parsed = evidenceKindSchema.safeParse(value);
                      if (parsed.success) form.setFieldValue(`evidence.${index}.kind`, parsed.data);
                    }}
                  />
                  <Tooltip label={t('intake.evidence.remove', { name: item.fileName })}>
                    <CloseButton
                      aria-label={t('intake.evidence.remove', { name: item.fileName })}
                      onClick={() => form.removeListItem('evidence', index)}
                    />
                  </Tooltip>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </IntakeSection>
  );
});
