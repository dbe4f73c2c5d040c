import { useEffect, useState } from 'react';
import type { ViewingUrl } from '../core/sync/syncApi';
import { useStationSync } from '../hooks/useSyncStatus';

/**
 * Where a video whose bytes are not here yet plays from (a viewing ticket's URL), or why it
 * cannot; asked once per file while `sha256` is given, undefined until the answer comes.
 */
export function useViewingUrl(sha256: string | undefined): ViewingUrl | undefined {
  const sync = useStationSync();
  const [answer, setAnswer] = useState<{ sha256: string; viewing: ViewingUrl }>();
  useEffect(() => {
    if (sha256 === undefined) return undefined;
    let current = true;
    void sync.viewingUrl(sha256).then((viewing) => {
      if (current) setAnswer({ sha256, viewing });
    });
    return () => {
      current = false;
    };
  }, [sync, sha256]);
  return answer !== undefined && answer.sha256 === sha256 ? answer.viewing : undefined;
}
