import { useEffect, useState } from 'react';
import { requestPersistentStorage, type PersistentStorageStatus } from '../core';

/** Asks once, at start, that the station's data be kept; `pending` until the browser answers. */
export function usePersistentStorage(): PersistentStorageStatus | 'pending' {
  const [status, setStatus] = useState<PersistentStorageStatus | 'pending'>('pending');
  useEffect(() => {
    let current = true;
    void requestPersistentStorage().then((answer) => {
      if (current) setStatus(answer);
    });
    return () => {
      current = false;
    };
  }, []);
  return status;
}
