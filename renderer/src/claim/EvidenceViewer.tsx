import { Button, Center, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../core';
import type { StoredEvidence } from '../core';
import type { EvidenceItem } from '../core';
import type { ViewingUrl } from '../core/sync/syncApi';
import { useStationSync } from '../hooks/useSyncStatus';
import { EvidenceVideo, evidenceMediaMaxHeight } from './EvidenceVideo';
import { RemoteEvidenceStatus } from './RemoteEvidenceStatus';
import { openAttachment } from './openAttachment';
import { useObjectUrl } from './useObjectUrl';
import { useViewingUrl } from './useViewingUrl';

type EvidenceViewerProps = {
  readonly item: EvidenceItem | undefined;
  readonly onClose: () => void;
};

/**
 * One piece of evidence in full: an image, a video to play, or a PDF to open in the system's
 * viewer (a new tab in a browser) or download. The bytes are read only while it is open; their object URL is revoked on close.
 * A video not on this station yet plays from the sync server (a viewing ticket) while it downloads.
 */
export function EvidenceViewer({ item, onClose }: EvidenceViewerProps) {
  const { t } = useTranslation();
  const evidence = item?.evidence;
  return (
    <Modal
      opened={evidence !== undefined}
      onClose={onClose}
      size="xl"
      title={
        evidence === undefined
          ? ''
          : `${t(`claimScreen.evidence.kind.${evidence.kind}`)} · ${evidence.fileName}`
      }
    >
      {evidence === undefined ? null : <EvidenceContent evidence={evidence} onClose={onClose} />}
    </Modal>
  );
}

type EvidenceContentProps = {
  readonly evidence: StoredEvidence;
  readonly onClose: () => void;
};

function EvidenceContent({ evidence, onClose }: EvidenceContentProps) {
  const { t } = useTranslation();
  const { sha256, mediaType, fileName } = evidence;
  const sync = useStationSync();
  // null: read, and not on this station; undefined: still reading. Live: the file shows once its
  // bytes arrive.
  const blob = useCoreQuery(
    async ({ queries }) => (await queries.attachmentBytes(sha256)) ?? null,
    [sha256],
  );
  const missing = blob === null;
  const isVideo = mediaType.startsWith('video/');
  // Opened: a large video or PDF that waits to be asked for is downloaded now.
  useEffect(() => {
    if (missing) sync.fetchAttachment(sha256);
  }, [missing, sync, sha256]);
  const url = useObjectUrl(blob ?? undefined);
  // Meanwhile a video plays from the server by ranges, so it can seek before it is all here; the
  // same player takes the local file once it is stored (see EvidenceVideo).
  const [cameMissing, setCameMissing] = useState(false);
  if (missing && !cameMissing) setCameMissing(true);
  const viewing = useViewingUrl(isVideo && cameMissing && url === undefined ? sha256 : undefined);
  const streamingUrl = viewing?.kind === 'url' ? viewing.url : undefined;
  if (blob === undefined || (blob !== null && url === undefined && streamingUrl === undefined)) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  if (blob === null && streamingUrl === undefined) {
    const why = viewing?.kind === 'unavailable' ? unavailableMessage(viewing.reason) : undefined;
    return (
      <Stack align="center" justify="center" mih={200}>
        {/* Not on the server: the alert says so, and that it plays once uploaded. */}
        {why === 'notOnServer' ? null : <RemoteEvidenceStatus evidence={evidence} size="sm" />}
        {isVideo && why !== undefined ? (
          <Text size="sm" c="orange.8" ta="center" role="alert">
            {t(`claimScreen.evidence.remote.${why}`, { station: evidence.station })}
          </Text>
        ) : null}
      </Stack>
    );
  }
  const videoUrl = url ?? streamingUrl;
  return (
    <Stack>
      {url !== undefined && mediaType.startsWith('image/') ? (
        <Image src={url} alt={fileName} mah={evidenceMediaMaxHeight} fit="contain" />
      ) : isVideo && videoUrl !== undefined ? (
        <EvidenceVideo src={videoUrl} />
      ) : null}
      {url === undefined ? (
        <Stack gap={4}>
          <RemoteEvidenceStatus evidence={evidence} size="sm" />
          <Text size="xs" c="dimmed" ta="center">
            {t('claimScreen.evidence.remote.streaming')}
          </Text>
        </Stack>
      ) : null}
      <Group justify="flex-end">
        {blob !== null && mediaType === 'application/pdf' ? (
          <Button
            variant="default"
            onClick={() => void openAttachment(t, { blob, fileName, mediaType })}
          >
            {t('claimScreen.evidence.openPdf')}
          </Button>
        ) : null}
        {url !== undefined ? (
          <Button component="a" href={url} download={fileName} variant="default">
            {t('claimScreen.evidence.download')}
          </Button>
        ) : null}
        <Button onClick={onClose}>{t('claimScreen.evidence.close')}</Button>
      </Group>
    </Stack>
  );
}

/** What the viewer says of a video that cannot play from the server; nothing when standalone. */
function unavailableMessage(
  reason: Extract<ViewingUrl, { kind: 'unavailable' }>['reason'],
): 'offline' | 'notOnServer' | 'refused' | undefined {
  switch (reason) {
    case 'standalone':
      return undefined;
    case 'offline':
      return 'offline';
    case 'not-on-server':
      return 'notOnServer';
    case 'refused':
      return 'refused';
  }
}
