import { useQuery } from '@apollo/client/react';
import { SiteDetailQuery } from './operations';

export const ENTRY_USERS_PAGE_SIZE = 20;

/**
 * A site with its Entry app users (those matching `search`), a page at a time: the cached answer
 * first, then the server's, and the previous one while a new search is asked. `result` is null
 * until the first answer; `site` is null when there is no such site for the viewer.
 * `loadPage` appends the users after a cursor.
 */
export function useSiteDetail(siteId: string, search: string) {
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SiteDetailQuery, {
    variables: { id: siteId, search: search || null, first: ENTRY_USERS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const result = data ?? previousData ?? null;

  function loadPage(after: string) {
    return fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.site || !fetchMoreResult.site) return fetchMoreResult;
        return {
          ...fetchMoreResult,
          site: {
            ...fetchMoreResult.site,
            entryUsers: {
              ...fetchMoreResult.site.entryUsers,
              edges: [...previous.site.entryUsers.edges, ...fetchMoreResult.site.entryUsers.edges],
            },
          },
        };
      },
    });
  }

  return { result, site: result?.site ?? null, loading, error, refetch, loadPage };
}
