// Finding a site by typing its name, for other features: the people forms' "Sites" and the audit
// log's filter (its own module: the sites pages' documents stay out of their chunks).
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import type { ComboboxLoader, ComboboxOption } from '../../components/AsyncCombobox';
import { SiteOptionsQuery } from './site-options-operations';

/** Sites shown per search: the rest is found by typing (companies may have thousands). */
export const SITE_OPTIONS_PAGE = 20;

export interface SiteLike {
  id: string;
  name: string;
  address?: string | null;
  active?: boolean;
}

/** A site as the combobox lists it: its name, its address below, "deactivated" when it is. */
export function siteOption(site: SiteLike, deactivated: string): ComboboxOption {
  return {
    id: site.id,
    label: site.name,
    detail: site.address ?? null,
    note: site.active === false ? deactivated : null,
  };
}

/** Asks `sites(search:, first: 20)`, cancelling the request before it when a newer one starts. */
export function useSiteLoader(): ComboboxLoader {
  const client = useApolloClient();
  const { t } = useTranslation('lists');
  const deactivated = t('lists.combobox.deactivated');
  return useCallback(
    async (search, signal) => {
      const { data } = await client.query({
        query: SiteOptionsQuery,
        variables: { search: search || null, first: SITE_OPTIONS_PAGE },
        fetchPolicy: 'network-only',
        // Its own request, so aborting it never cancels someone else's identical one.
        context: { fetchOptions: { signal }, queryDeduplication: false },
      });
      if (!data) throw new Error('sites answered without data');
      return {
        options: data.sites.edges.map(({ node }) => siteOption(node, deactivated)),
        totalCount: data.sites.totalCount,
      };
    },
    [client, deactivated],
  );
}
