import {
  Badge,
  Button,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import { useObjectUrl } from './useObjectUrl';
import { EvidenceViewer } from './EvidenceViewer';
import { RemoteEvidenceStatus } from './RemoteEvidenceStatus';
import classes from './EvidenceGallery.module.css';

type EvidenceGalleryProps = {
  readonly items: readonly EvidenceItem[] | undefined;
  readonly onAdd: () => void;
  readonly technicianName: (id: string) => string;
};

/** The claim's photos, videos and documents as thumbnails; each opens in full. */
export function EvidenceGallery({ items, onAdd, technicianName }: EvidenceGalleryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [opened, setOpened] = useState<EvidenceItem>();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {t('claimScreen.evidence.title')}
          </Title>
          <Button variant="light" onClick={onAdd}>
            {t('claimScreen.evidence.add')}
          </Button>
        </Group>
        {items === undefined ? null : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('claimScreen.evidence.empty')}
          </Text>
        ) : (
          <SimpleGrid
            cols={{ base: 2, sm: 3, lg: 4 }}
            spacing="sm"
            component="ul"
            className={classes.grid}
          >
            {items.map((item) => (
              <li key={item.evidence.id}>
                <EvidenceThumbnail
                  item={item}
                  technicianName={technicianName}
                  onOpen={() => setOpened(item)}
                />
              </li>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <EvidenceViewer item={opened} onClose={() => setOpened(undefined)} />
    </Paper>
  );
}

type EvidenceThumbnailProps = {
  readonly item: EvidenceItem;
  readonly technicianName: (id: string) => string;
  readonly onOpen: () => void;
};

function EvidenceThumbnail({ item, technicianName, onOpen }: EvidenceThumbnailProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const url = useObjectUrl(item.attachment?.thumbnail?.blob ?? item.remoteThumbnail);
  // A thumbnail that does not load shows the placeholder, never a broken image.
  const [failedUrl, setFailedUrl] = useState<string>();
  const { evidence } = item;
  const placeholder = evidence.mediaType.startsWith('video/')
    ? `▶ ${t('claimScreen.evidence.kind.video')}`
    : evidence.mediaType === 'application/pdf'
      ? 'PDF'
      : t('claimScreen.evidence.noPreview');
  return (
    <UnstyledButton className={classes.thumbnail} onClick={onOpen}>
      <div className={classes.preview}>
        {item.attachment === undefined && (url === undefined || url === failedUrl) ? (
          // The record came from another station before its bytes (and its thumbnail).
          <RemoteEvidenceStatus evidence={evidence} />
        ) : item.attachment === undefined ? (
          // The thumbnail came first: shown while the original is still coming.
          <div className={classes.remote}>
            <Image
              src={url}
              alt=""
              h="100%"
              w="100%"
              fit="cover"
              onError={() => setFailedUrl(url)}
            />
            <div className={classes.remoteStatus}>
              <RemoteEvidenceStatus evidence={evidence} />
            </div>
          </div>
        ) : url === undefined || url === failedUrl ? (
          <Text size="sm" fw={600} c="gray.7">
            {placeholder}
          </Text>
        ) : (
          <Image src={url} alt="" h="100%" w="100%" fit="cover" onError={() => setFailedUrl(url)} />
        )}
      </div>
      <Stack gap={2} p={6}>
        <Badge size="sm" variant="light" color="gray" tt="none" c="gray.9">
          {t(`claimScreen.evidence.kind.${evidence.kind}`)}
        </Badge>
        <Text size="xs" truncate="end" title={evidence.fileName}>
          {evidence.fileName}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {t('claimScreen.evidence.capturedBy', {
            name: technicianName(evidence.capturedBy),
            time: format.dateTime(evidence.capturedAt),
          })}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
