import type { Thumbnail } from './records';

/** What a thumbnail is encoded as. */
export const thumbnailMediaType = 'image/jpeg';

/** The longest side of a thumbnail, in pixels. */
export const thumbnailMaxPixels = 320;

/**
 * A JPEG thumbnail of an image, its longest side at most `maxPixels`: decoded with
 * createImageBitmap (turned upright by its EXIF orientation), scaled down by createImageBitmap's
 * resize options and encoded on an OffscreenCanvas. No DOM, so the thumbnail worker runs it.
 * Undefined when the browser cannot decode the image (a HEIC photo, a damaged file): a missing
 * preview is no reason to refuse the evidence.
 */
export async function makeThumbnail(
  image: Blob,
  maxPixels: number = thumbnailMaxPixels,
): Promise<Thumbnail | undefined> {
  let decoded: ImageBitmap;
  try {
    decoded = await createImageBitmap(image, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  let scaled: ImageBitmap | undefined;
  try {
    const scale = Math.min(1, maxPixels / Math.max(decoded.width, decoded.height));
    const width = Math.max(1, Math.round(decoded.width * scale));
    const height = Math.max(1, Math.round(decoded.height * scale));
    scaled =
      scale < 1
        ? await createImageBitmap(decoded, {
            resizeWidth: width,
            resizeHeight: height,
            resizeQuality: 'high',
          })
        : decoded;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context === null) return undefined;
    context.drawImage(scaled, 0, 0);
    const blob = await canvas.convertToBlob({ type: thumbnailMediaType, quality: 0.8 });
    return { blob, width, height };
  } catch {
    return undefined;
  } finally {
    decoded.close();
    scaled?.close();
  }
}

/** A request to the thumbnail worker. */
export type ThumbnailRequest = {
  readonly id: number;
  readonly image: Blob;
  readonly maxPixels: number;
};

/** The thumbnail worker's answer: undefined when the image could not be decoded. */
export type ThumbnailAnswer = {
  readonly id: number;
  readonly thumbnail: Thumbnail | undefined;
};
