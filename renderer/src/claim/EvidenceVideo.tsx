import { useRef } from 'react';

/**
 * The tallest a photo or video of evidence is drawn: the rest of the screen keeps the dialog's
 * title, the download status and the buttons in view on a 1366×768 bench screen.
 */
export const evidenceMediaMaxHeight = 'calc(100vh - 300px)';

type EvidenceVideoProps = {
  /** The server's viewing URL while the bytes come, then the local file's object URL. */
  readonly src: string;
};

/**
 * A video of evidence. When its source changes (the download finished while it played from the
 * server), it goes on from where it was, playing if it was, rather than starting again.
 */
export function EvidenceVideo({ src }: EvidenceVideoProps) {
  const position = useRef({ time: 0, playing: false });
  const resumeAt = useRef<{ time: number; playing: boolean }>(undefined);
  return (
    <video
      src={src}
      controls
      style={{ width: '100%', maxHeight: evidenceMediaMaxHeight }}
      onTimeUpdate={(event) => {
        if (resumeAt.current === undefined) position.current.time = event.currentTarget.currentTime;
      }}
      onPlay={() => (position.current.playing = true)}
      onPause={() => (position.current.playing = false)}
      // A new source empties the element: the place reached so far is kept for it.
      onEmptied={() => {
        if (position.current.time > 0) resumeAt.current = { ...position.current };
      }}
      onLoadedMetadata={(event) => {
        const resume = resumeAt.current;
        resumeAt.current = undefined;
        if (resume === undefined) return;
        event.currentTarget.currentTime = resume.time;
        if (resume.playing) void event.currentTarget.play().catch(() => undefined);
      }}
    >
      <track kind="captions" />
    </video>
  );
}
