import { useEffect, useState } from 'react';
import type { ViewingUrl } from '../core/sync/syncApi';
import { useStationSync } from '../hooks/useSyncStatus';

/** How long before a viewing URL expires the viewer asks for the next one. */
export const viewingUrlRenewalMs = 60_000;
/**
 * How soon an answer that may change (a renewal that failed, a server out of reach, a file not
 * uploaded yet) is asked again.
 */
export const viewingUrlRetryMs = 5_000;

/**
 * Where a video whose bytes are not here yet plays from (a viewing ticket's URL), or why it
 * cannot; asked while `sha256` is given, and again a minute before each URL expires (a long video
 * watched while a slow download goes on). While the server cannot be reached or has not the file
 * yet (the other station still uploading it), asked again every few seconds: the video plays as
 * soon as it can. Undefined until the first answer comes.
 */
export function useViewingUrl(sha256: string | undefined): ViewingUrl | undefined {
  const sync = useStationSync();
  const [answer, setAnswer] = useState<{ sha256: string; viewing: ViewingUrl }>();
  useEffect(() => {
    if (sha256 === undefined) return undefined;
    let current = true;
    let next: ReturnType<typeof setTimeout> | undefined;
    const ask = (renewing: boolean) =>
      void sync.viewingUrl(sha256).then((viewing) => {
        if (!current) return;
        if (viewing.kind === 'url') {
          setAnswer({ sha256, viewing });
          const dueMs = viewing.expiresInMs - viewingUrlRenewalMs;
          next = setTimeout(() => ask(true), Math.max(dueMs, viewingUrlRetryMs));
          return;
        }
        // A renewal that failed keeps the URL playing (it has a minute left) and tries again.
        if (renewing) {
          next = setTimeout(() => ask(true), viewingUrlRetryMs);
          return;
        }
        setAnswer({ sha256, viewing });
        if (mayChangeSoon(viewing.reason)) next = setTimeout(() => ask(false), viewingUrlRetryMs);
      });
    ask(false);
    return () => {
      current = false;
      clearTimeout(next);
    };
  }, [sync, sha256]);
  return answer !== undefined && answer.sha256 === sha256 ? answer.viewing : undefined;
}

/** Whether a video that cannot play from the server now may soon, its viewer still open. */
function mayChangeSoon(reason: Extract<ViewingUrl, { kind: 'unavailable' }>['reason']): boolean {
  switch (reason) {
    case 'offline':
    case 'not-on-server':
      return true;
    case 'standalone':
    case 'refused':
      return false;
  }
}
