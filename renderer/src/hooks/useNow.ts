import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for ages that keep counting on screen. */
export function useNow(intervalMs = 60_000): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  // The next refresh is due an interval after the time shown, so a screen kept while hidden (the
  // queue) catches up as soon as it is shown again.
  useEffect(() => {
    const dueInMs = Math.max(0, nowMs + intervalMs - Date.now());
    const timer = setTimeout(() => setNowMs(Date.now()), dueInMs);
    return () => clearTimeout(timer);
  }, [nowMs, intervalMs]);
  return nowMs;
}
