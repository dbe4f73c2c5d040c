import { Badge, Image } from '@mantine/core';
import { useState } from 'react';
import { useObjectUrl } from '../claim/useObjectUrl';

type EvidencePreviewProps = {
  /** The stored thumbnail; undefined until the background worker has made it, or for good. */
  readonly thumbnail: Blob | undefined;
  readonly fileName: string;
  readonly mediaType: string;
};

/**
 * An attached file's thumbnail, or its type as a placeholder: while the thumbnail is being made,
 * when none can be (a video, a PDF, an image the browser cannot decode) and when the thumbnail
 * itself fails to load, so the list never shows a broken image.
 */
export function EvidencePreview({ thumbnail, fileName, mediaType }: EvidencePreviewProps) {
  const url = useObjectUrl(thumbnail);
  const [failedUrl, setFailedUrl] = useState<string>();
  if (url === undefined || url === failedUrl) {
    return (
      <Badge variant="light" color="gray" w={72} h={54} radius="sm">
        {mediaType.split('/')[1]?.toUpperCase() ?? ''}
      </Badge>
    );
  }
  return (
    <Image
      src={url}
      alt={fileName}
      w={72}
      h={54}
      fit="cover"
      radius="sm"
      onError={() => setFailedUrl(url)}
    />
  );
}
