import { Button, Checkbox, FileButton, Group, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoThumbnail } from './PhotoThumbnail';
import type { ReceivingDesk } from './useReceiving';

/** The parcel's condition on arrival, as the clerk ticks it (B8). */
const conditionFields = ['unopened', 'unused', 'originalPackaging'] as const;

/** The parcel as it arrived: its condition (B8), the accessories in it, and photos of it. */
export function ParcelCondition({ desk }: { readonly desk: ReceivingDesk }) {
  const { t } = useTranslation();
  const [photoProblem, setPhotoProblem] = useState<string | undefined>();

  function addPhotos(files: File[]): void {
    const notImages = files.filter((file) => !file.type.startsWith('image/'));
    setPhotoProblem(
      notImages[0] === undefined
        ? undefined
        : t('warehouse.receiving.notAnImage', { name: notImages[0].name }),
    );
    const images = files.filter((file) => file.type.startsWith('image/'));
    desk.setPhotos([...desk.photos, ...images]);
  }

  return (
    <>
      <Title order={4} size="h5" mt="xs">
        {t('warehouse.receiving.conditionTitle')}
      </Title>
      <Group gap="lg">
        {conditionFields.map((field) => (
          <Checkbox
            key={field}
            label={t(`warehouse.receiving.${field}`)}
            checked={desk.condition[field]}
            onChange={(event) =>
              desk.setCondition({ ...desk.condition, [field]: event.currentTarget.checked })
            }
          />
        ))}
      </Group>
      <TagsInput
        label={t('warehouse.receiving.accessoriesLabel')}
        description={t('warehouse.receiving.accessoriesHint')}
        value={[...desk.condition.accessories]}
        onChange={(accessories) =>
          desk.setCondition({
            ...desk.condition,
            accessories: accessories.map((item) => item.trim()).filter(Boolean),
          })
        }
      />

      <Title order={4} size="h5" mt="xs">
        {t('warehouse.receiving.photosTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('warehouse.receiving.photosHint')}
      </Text>
      <Group gap="sm" align="flex-start">
        <FileButton onChange={addPhotos} accept="image/*" multiple>
          {(props) => (
            <Button variant="default" {...props}>
              {t('warehouse.receiving.photosLabel')}
            </Button>
          )}
        </FileButton>
        {desk.photos.map((photo, index) => (
          <PhotoThumbnail
            key={`${photo.name}-${index}`}
            photo={photo}
            onRemove={() => desk.setPhotos(desk.photos.filter((_, kept) => kept !== index))}
          />
        ))}
      </Group>
      {photoProblem === undefined ? null : (
        <Text size="sm" c="red.9" role="alert">
          {photoProblem}
        </Text>
      )}
    </>
  );
}
