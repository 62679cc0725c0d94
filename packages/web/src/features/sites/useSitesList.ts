import { useQuery } from '@apollo/client/react';
import { SitesQuery } from './operations';

export const SITES_PAGE_SIZE = 20;

interface SitesListQuery {
  search: string;
  /** null for all sites */
  active: boolean | null;
  /** all-sites levels see each site's site admins */
  withAdmins: boolean;
}

/**
 * The sites list, a page at a time: what is cached first, then what is true, and the previous
 * answer while a new filter is asked. `loadPage` appends the page after a cursor.
 */
export function useSitesList({ search, active, withAdmins }: SitesListQuery) {
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SitesQuery, {
    variables: { search: search || null, active, first: SITES_PAGE_SIZE, withAdmins },
    fetchPolicy: 'cache-and-network',
  });

  function loadPage(after: string) {
    return fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        sites: {
          ...fetchMoreResult.sites,
          edges: [...previous.sites.edges, ...fetchMoreResult.sites.edges],
        },
      }),
    });
  }

  return { sites: (data ?? previousData)?.sites, loading, error, refetch, loadPage };
}
