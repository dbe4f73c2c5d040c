import { CloseButton, Group, Image, Paper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatByteSize } from '../core';

type PhotoThumbnailProps = { readonly photo: File; readonly onRemove: () => void };

/** A chosen parcel photo, small, with its name and a way to take it back out. */
export function PhotoThumbnail({ photo, onRemove }: PhotoThumbnailProps) {
  const { t } = useTranslation();
  const imageRef = useRef<HTMLImageElement>(null);
  // The preview URL holds the file in memory: made while the thumbnail shows, revoked after.
  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo);
    if (imageRef.current !== null) imageRef.current.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo]);
  return (
    <Paper withBorder p={6} radius="sm" w={180}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Image ref={imageRef} alt="" w={48} h={48} radius="xs" fit="cover" />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="xs" truncate="end" title={photo.name}>
            {photo.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatByteSize(photo.size)}
          </Text>
        </div>
        <CloseButton
          size="sm"
          onClick={onRemove}
          aria-label={t('warehouse.receiving.photoRemove', { name: photo.name })}
        />
      </Group>
    </Paper>
  );
}
