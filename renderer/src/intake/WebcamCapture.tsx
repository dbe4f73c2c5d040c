import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unexpectedFailure, type Failure } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';

/** What the camera is asked for: a still photo or a video. */
export type CaptureMode = 'photo' | 'video';

type WebcamCaptureProps = {
  /** The mode to capture in; undefined while the dialog is closed. */
  readonly mode: CaptureMode | undefined;
  readonly onClose: () => void;
  readonly onCaptured: (file: File) => void;
};

type CameraState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'recording'; readonly seconds: number }
  | { readonly kind: 'failed'; readonly problem: CameraProblem; readonly failure: Failure };

/** Why the camera did not open, by the browser's error name. */
type CameraProblem = 'denied' | 'none' | 'busy' | 'other';

function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'none';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'other';
  }
}

/** The first container the browser can record into; WebM is what Chromium records. */
function recordingType(): string {
  const candidates = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4'];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}

/** A file name that sorts by when it was taken: `photo-2026-11-22-0931-05.jpg`. */
function capturedFileName(prefix: string, extension: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  return `${prefix}-${stamp}.${extension}`;
}

/** A recording's length as a clock shows it: `0:07`, `12:30`. */
function elapsedText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Takes a photo (the camera's frame drawn on a canvas) or records a video (MediaRecorder) from
 * the station's camera. The camera is on only while the dialog is open. Give it a `key` that
 * changes with `mode`, so each opening starts afresh.
 */
export function WebcamCapture({ mode, onClose, onCaptured }: WebcamCaptureProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });

  useEffect(() => {
    if (mode === undefined) return;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: true, audio: false })
      .then((stream) => {
        if (cancelled) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        streamRef.current = stream;
        const video = videoRef.current;
        if (video !== null) {
          video.srcObject = stream;
          void video.play().catch(() => undefined);
        }
        setState({ kind: 'ready' });
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setState({
            kind: 'failed',
            problem: cameraProblem(error),
            failure: unexpectedFailure(error),
          });
        }
      });
    return () => {
      cancelled = true;
      const recorder = recorderRef.current;
      // Closing while recording throws the recording away rather than attaching half of it.
      if (recorder !== null) {
        recorder.onstop = null;
        if (recorder.state === 'recording') recorder.stop();
      }
      recorderRef.current = null;
      for (const track of streamRef.current?.getTracks() ?? []) track.stop();
      streamRef.current = null;
    };
  }, [mode]);

  // The dialog may mount the video element after the camera answered.
  useEffect(() => {
    const video = videoRef.current;
    const stream = streamRef.current;
    if (state.kind !== 'ready' || video === null || stream === null) return;
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      void video.play().catch(() => undefined);
    }
  }, [state]);

  const takePhoto = () => {
    const video = videoRef.current;
    if (video === null || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(
      (blob) => {
        if (blob === null) return;
        onCaptured(new File([blob], capturedFileName('photo', 'jpg'), { type: 'image/jpeg' }));
        onClose();
      },
      'image/jpeg',
      0.9,
    );
  };

  const startRecording = () => {
    const stream = streamRef.current;
    if (stream === null) return;
    const type = recordingType();
    const recorder = new MediaRecorder(stream, type === '' ? undefined : { mimeType: type });
    const chunks: Blob[] = [];
    const startedMs = performance.now();
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
      // A chunk arrives every 250 ms: enough to count the seconds the technician has recorded.
      const seconds = Math.floor((performance.now() - startedMs) / 1000);
      setState((current) =>
        current.kind === 'recording' && current.seconds !== seconds
          ? { kind: 'recording', seconds }
          : current,
      );
    };
    recorder.onstop = () => {
      const mediaType = (recorder.mimeType.split(';')[0] ?? '') || 'video/webm';
      const extension = mediaType === 'video/mp4' ? 'mp4' : 'webm';
      onCaptured(new File(chunks, capturedFileName('video', extension), { type: mediaType }));
      onClose();
    };
    recorder.start(250);
    recorderRef.current = recorder;
    setState({ kind: 'recording', seconds: 0 });
  };

  const stopRecording = () => {
    recorderRef.current?.stop();
  };

  return (
    <Modal
      opened={mode !== undefined}
      onClose={onClose}
      title={mode === 'video' ? t('intake.webcam.videoTitle') : t('intake.webcam.photoTitle')}
      size="lg"
      centered
    >
      <Stack gap="sm">
        {state.kind === 'failed' ? (
          <Alert color="orange" role="alert">
            {t('intake.webcam.failed', { reason: t(`intake.webcam.problem.${state.problem}`) })}
            {state.problem === 'other' ? <FailureDetails failure={state.failure} /> : null}
          </Alert>
        ) : null}
        {state.kind === 'starting' ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('intake.webcam.starting')}</Text>
          </Group>
        ) : null}
        <video
          ref={videoRef}
          aria-label={t('intake.webcam.preview')}
          muted
          playsInline
          style={{ width: '100%', background: 'black', borderRadius: 4, aspectRatio: '4 / 3' }}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onClose}>
            {t('intake.webcam.close')}
          </Button>
          {mode === 'photo' ? (
            <Button onClick={takePhoto} disabled={state.kind !== 'ready'} data-autofocus>
              {t('intake.webcam.snap')}
            </Button>
          ) : state.kind === 'recording' ? (
            <Group gap="sm">
              <Text size="sm" c="red.8" fw={600} role="status">
                {t('intake.webcam.recording')}
              </Text>
              {/* Outside the status region, so a screen reader is not read every second. */}
              <Text size="sm" c="red.8" fw={600} ff="monospace">
                {elapsedText(state.seconds)}
              </Text>
              <Button color="red" onClick={stopRecording} data-autofocus>
                {t('intake.webcam.stopRecording')}
              </Button>
            </Group>
          ) : (
            <Button onClick={startRecording} disabled={state.kind !== 'ready'} data-autofocus>
              {t('intake.webcam.startRecording')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
