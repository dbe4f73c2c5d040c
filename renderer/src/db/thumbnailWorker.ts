// Makes thumbnails off the page's thread: decoding a phone photo takes hundreds of milliseconds,
// which the form would otherwise spend frozen.
import type { ThumbnailAnswer, ThumbnailRequest } from './thumbnail';
import { makeThumbnail } from './thumbnail';

self.addEventListener('message', (event: MessageEvent<ThumbnailRequest>) => {
  const { id, image, maxPixels } = event.data;
  void makeThumbnail(image, maxPixels).then((thumbnail) => {
    const answer: ThumbnailAnswer = { id, thumbnail };
    self.postMessage(answer);
  });
});
