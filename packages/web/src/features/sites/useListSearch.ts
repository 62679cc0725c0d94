import { useCallback } from 'react';
import { useSearchBox, useUrlFilters } from './useUrlFilters';

/**
 * A list's filters in the address (`q` is the search) and its search box, which applies the
 * typed text after a pause without adding a history entry. `defaults` must be a constant.
 */
export function useListSearch<K extends string>(defaults: Readonly<Record<K | 'q', string>>) {
  const [filters, setFilters] = useUrlFilters<K | 'q'>(defaults);
  const applySearch = useCallback(
    (term: string) =>
      setFilters({ q: term } as Partial<Record<K | 'q', string>>, { replace: true }),
    [setFilters],
  );
  const search = useSearchBox(filters.q, applySearch);
  return { filters, setFilters, search };
}
