import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useStationCore } from '../core';
import { useStationContext } from '../station/StationContext';

const minuteMs = 60_000;

/**
 * Locks the station once nobody has touched it for the minutes set in Settings → People (never,
 * when none are set, or when nobody is signed in to unlock it).
 */
export function useIdleLock(): void {
  const { commands } = useStationCore();
  const { station, benchPerson, locked } = useStationContext();
  const minutes = station.idleLockMinutes;
  // A hook cannot be skipped: with the lock off the timer runs on, and its answer is ignored.
  const idle = useIdle((minutes ?? 24 * 60) * minuteMs, { initialState: false });
  const shouldLock = idle && minutes !== undefined && benchPerson !== undefined && !locked;
  useEffect(() => {
    if (shouldLock) void commands.station.lock();
  }, [shouldLock, commands]);
}
