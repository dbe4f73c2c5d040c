import { Activity, memo, useState } from 'react';
import type { Location } from 'react-router';
import { useLocation } from 'react-router';
import { ScreenErrorBoundary } from '../shell/RouteErrorBoundary';
import { QueueScreen } from './QueueScreen';
import { queuePath } from './warmQueue';

/**
 * Where the queue was last shown (its filter is in the address), or undefined until it first
 * is. Kept across other screens: the queue hidden behind them still reads the address it left.
 */
export function useLastQueueLocation(): Location | undefined {
  const location = useLocation();
  const [last, setLast] = useState(location.pathname === queuePath ? location : undefined);
  // Set while drawing (React's pattern for state that follows a prop), so the queue is shown
  // with its new filter in the same render as the address.
  if (location.pathname === queuePath && last !== location) {
    setLast(location);
    return location;
  }
  return last;
}

// Shown again at the same address, the queue is not drawn again: only what its reads bring is.
const MemoQueueScreen = memo(QueueScreen);

type KeptQueueScreenProps = {
  /** Where the queue was last shown; nothing is drawn until it has been. */
  readonly location: Location | undefined;
  readonly shown: boolean;
};

/**
 * The queue, kept once it has been shown: another screen hides it (React's `Activity`) instead
 * of unmounting it. Back at the queue, its rows, scroll position, filter and selection are there
 * at once, while its live queries, paused while hidden, read the claims again and redraw what
 * changed. A technician goes back to the queue after every claim: drawn anew it took ~120 ms at
 * 20,000 claims, shown again ~60 (bench/RESULTS.md).
 */
export const KeptQueueScreen = memo(function KeptQueueScreen({
  location,
  shown,
}: KeptQueueScreenProps) {
  if (location === undefined) return null;
  return (
    <Activity mode={shown ? 'visible' : 'hidden'}>
      {/* A failure is drawn in place of the queue, and tried again at the next visit. */}
      <ScreenErrorBoundary retryKey={location.key}>
        <MemoQueueScreen search={location.search} />
      </ScreenErrorBoundary>
    </Activity>
  );
});
