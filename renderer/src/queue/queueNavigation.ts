import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import type { To } from 'react-router';
import { useNavigate } from 'react-router';
import { queuePath } from './warmQueue';

/**
 * How the kept queue (see KeptQueueScreen) is reached and how it navigates: links back to it
 * keep its filter, and its own navigation does not change with the address.
 */

/** Where links back to the queue go: the queue as it was left, with its filter. */
export const QueueAddressContext = createContext<To>(queuePath);

/** The address of the queue as it was left (its filter kept), for a link back to it. */
export function useQueueAddress(): To {
  return useContext(QueueAddressContext);
}

/** The address the queue was last shown at, or the whole queue's until it has been shown. */
export function queueAddressOf(search: string | undefined): To {
  return search === undefined ? queuePath : { pathname: queuePath, search };
}

/** Goes to an address (absolute: the queue's own, or a claim's). */
export type QueueNavigate = (to: To) => void;

const QueueNavigateContext = createContext<QueueNavigate | undefined>(undefined);

/**
 * A navigation for the kept queue that stays the same function whatever the address. React
 * Router's `useNavigate` follows the address, so the hidden queue would be drawn again at every
 * navigation elsewhere, and every row with it when shown again.
 */
export function useStableNavigate(): QueueNavigate {
  const navigate = useNavigate();
  const latest = useRef(navigate);
  useLayoutEffect(() => {
    latest.current = navigate;
  });
  return useCallback((to: To) => void latest.current(to), []);
}

export const QueueNavigateProvider = QueueNavigateContext.Provider;

/** The queue's navigation (see {@link useStableNavigate}), which the workbench layout provides. */
export function useQueueNavigate(): QueueNavigate {
  const stable = useContext(QueueNavigateContext);
  if (stable === undefined) throw new Error('useQueueNavigate needs the workbench layout above it');
  return stable;
}
