import { useEffect, useRef } from 'react';

/** How often live pages ask the server again while the tab is visible. */
export const LIVE_POLL_MS = 5_000;

/** True while the browser tab is in the background. */
export function tabHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * `useQuery` options of a live page, so movement from warehouses and carriers shows without a click: a poll every
 * {@link LIVE_POLL_MS}, skipped while the tab is hidden. Pair with {@link useRefetchWhenVisible}.
 */
export const LIVE_QUERY = { pollInterval: LIVE_POLL_MS, skipPollAttempt: tabHidden } as const;

/** Asks again at once when the tab comes back to the foreground (polls were skipped while it was hidden). */
export function useRefetchWhenVisible(refetch: () => Promise<unknown>): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    const onChange = () => {
      if (!tabHidden()) latest.current().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
}
