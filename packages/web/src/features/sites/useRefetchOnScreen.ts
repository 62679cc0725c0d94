import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

/**
 * After a change: the queries that show what it changed, among those on screen now (the lists,
 * the site page, Home's counts). Apollo refetches only active queries anyway, and warns about any
 * name it does not find; a query not on screen is asked again when its page opens
 * (cache-and-network).
 */
export function useRefetchOnScreen(names: readonly string[]): () => string[] {
  const client = useApolloClient();
  const key = names.join('\n');
  return useCallback(() => {
    const active = new Set(
      [...client.getObservableQueries('active')].map((query) => query.queryName),
    );
    return key.split('\n').filter((name) => active.has(name));
  }, [client, key]);
}

/** Every query that shows sites or Entry app users, by name. */
export const SITE_QUERIES = ['Sites', 'SiteDetail', 'Dashboard'] as const;
