import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from './router';

/**
 * The address's query (?q=…&level=…) as the filters of a list, and a way to change some of them.
 * Changes build on the latest change made here, not on the last rendered address: the router
 * renders a new address in a transition, and a second change (a select right after the search
 * box settled) would otherwise start from the address before the first and undo it.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(latest.current);
      change(next);
      latest.current = next;
      setParams(next, { replace: true, preventScrollReset: true });
    },
    [setParams],
  );
  return [params, update] as const;
}
