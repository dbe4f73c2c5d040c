import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatByteSize } from '../core';
import type { StoredEvidence } from '../core';
import { useAttachmentTransfer } from '../hooks/useAttachmentTransfer';

type RemoteEvidenceStatusProps = {
  readonly evidence: Pick<StoredEvidence, 'sha256' | 'mediaType' | 'sizeBytes' | 'station'>;
  readonly size?: 'xs' | 'sm';
};

/**
 * In place of a file whose record is here but whose bytes are not (yet): "Photo from JKT1,
 * downloading… 40%", the station being the one the record came from. Never a broken image: the
 * screens show the file once its bytes are stored (their queries are live).
 */
export function RemoteEvidenceStatus({ evidence, size = 'xs' }: RemoteEvidenceStatusProps) {
  const { t } = useTranslation();
  const transfer = useAttachmentTransfer(evidence.sha256);
  const what = evidence.mediaType.startsWith('image/')
    ? 'photo'
    : evidence.mediaType.startsWith('video/')
      ? 'video'
      : 'file';
  const values = { what: t(`claimScreen.evidence.remote.what.${what}`), station: evidence.station };
  const percent =
    transfer !== undefined && transfer.totalBytes > 0 && transfer.doneBytes > 0
      ? Math.floor((transfer.doneBytes * 100) / transfer.totalBytes)
      : undefined;
  const text =
    transfer?.state === 'on-demand'
      ? t('claimScreen.evidence.remote.onDemand', {
          ...values,
          size: formatByteSize(evidence.sizeBytes),
        })
      : transfer?.state === 'waiting' && transfer.notOnServer === true
        ? t('claimScreen.evidence.remote.notUploaded', values)
        : percent === undefined
          ? t('claimScreen.evidence.remote.downloading', values)
          : t('claimScreen.evidence.remote.downloadingPercent', { ...values, percent });
  return (
    <Stack gap={4} align="center" w="100%" px={6} role="status">
      <Text size={size} ta="center" c="gray.7">
        {text}
      </Text>
      {percent === undefined ? null : <Progress value={percent} size="xs" w="80%" aria-hidden />}
    </Stack>
  );
}
