import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for ages that keep counting on screen. */
export function useNow(intervalMs = 60_000): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return nowMs;
}
