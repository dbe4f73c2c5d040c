import { useEffect, useState } from 'react';
import type { ViewingUrl } from '../core/sync/syncApi';
import { useStationSync } from '../hooks/useSyncStatus';

/** How long before a viewing URL expires the viewer asks for the next one. */
export const viewingUrlRenewalMs = 60_000;
const renewalRetryMs = 5_000;

/**
 * Where a video whose bytes are not here yet plays from (a viewing ticket's URL), or why it
 * cannot; asked while `sha256` is given, and again a minute before each URL expires (a long video
 * watched while a slow download goes on). Undefined until the first answer comes.
 */
export function useViewingUrl(sha256: string | undefined): ViewingUrl | undefined {
  const sync = useStationSync();
  const [answer, setAnswer] = useState<{ sha256: string; viewing: ViewingUrl }>();
  useEffect(() => {
    if (sha256 === undefined) return undefined;
    let current = true;
    let renewal: ReturnType<typeof setTimeout> | undefined;
    const ask = (renewing: boolean) =>
      void sync.viewingUrl(sha256).then((viewing) => {
        if (!current) return;
        // A renewal that failed keeps the URL playing (it has a minute left) and tries again.
        if (renewing && viewing.kind !== 'url') {
          renewal = setTimeout(() => ask(true), renewalRetryMs);
          return;
        }
        setAnswer({ sha256, viewing });
        if (viewing.kind === 'url') {
          const dueMs = viewing.expiresInMs - viewingUrlRenewalMs;
          renewal = setTimeout(() => ask(true), Math.max(dueMs, renewalRetryMs));
        }
      });
    ask(false);
    return () => {
      current = false;
      clearTimeout(renewal);
    };
  }, [sync, sha256]);
  return answer !== undefined && answer.sha256 === sha256 ? answer.viewing : undefined;
}
