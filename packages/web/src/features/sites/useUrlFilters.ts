import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from '../../lib/router';

/** Typing pauses this long before the list is asked again. */
export const SEARCH_DELAY_MS = 300;

function fromParams<K extends string>(
  params: URLSearchParams,
  defaults: Readonly<Record<K, string>>,
): Record<K, string> {
  const values: Record<K, string> = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const value = params.get(key)?.trim();
    if (value) values[key] = value;
  }
  return values;
}

function toParams<K extends string>(
  values: Readonly<Record<K, string>>,
  defaults: Readonly<Record<K, string>>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults) as K[]) {
    if (values[key] && values[key] !== defaults[key]) params.set(key, values[key]);
  }
  return params;
}

/**
 * A list's filters (?q=…&status=…), kept in the URL so links and the back button bring the same
 * list back, and in state so the list follows a change at once. The router renders a new URL
 * in a transition, which the list's own query updates keep interrupting: a query driven by the
 * URL alone could wait for it indefinitely. `defaults` must be a constant; values equal to their
 * default stay out of the URL.
 */
export function useUrlFilters<K extends string>(defaults: Readonly<Record<K, string>>) {
  const [params, setParams] = useSearchParams();
  const inUrl = fromParams(params, defaults);
  const urlKey = JSON.stringify(inUrl);
  const [filters, setFilters] = useState(inUrl);
  const [seenUrl, setSeenUrl] = useState(urlKey);
  // The URL changed (back, a link, or our own change arriving): the filters follow it.
  if (urlKey !== seenUrl) {
    setSeenUrl(urlKey);
    if (JSON.stringify(filters) !== urlKey) setFilters(inUrl);
  }

  const update = useCallback(
    (changes: Partial<Record<K, string>>, { replace = false }: { replace?: boolean } = {}) => {
      const next = { ...filters, ...changes };
      setFilters(next);
      setParams(toParams(next, defaults), { replace });
    },
    [filters, defaults, setParams],
  );

  return [filters, update] as const;
}

/**
 * The text of a search box whose applied value is one of the filters: the box follows the
 * typing at once, the filter after a pause (or at once on Enter).
 */
export function useSearchBox(
  applied: string,
  apply: (term: string) => void,
  delay = SEARCH_DELAY_MS,
) {
  const [text, setText] = useState(applied);
  const [seen, setSeen] = useState(applied);
  // Changed from outside (back, a link, "show all"): the box shows what the list shows.
  if (applied !== seen) {
    setSeen(applied);
    if (text.trim() !== applied) setText(applied);
  }
  useEffect(() => {
    const term = text.trim();
    if (term === applied) return;
    const timer = setTimeout(() => apply(term), delay);
    return () => clearTimeout(timer);
  }, [text, applied, apply, delay]);
  return { text, setText, applyNow: () => apply(text.trim()) };
}
