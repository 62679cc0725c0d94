import { graphql } from '../../gql';

/** Sites by name, for picking one (site-options.ts: the people forms, the audit log's filter). */
export const SiteOptionsQuery = graphql(`
  query SiteOptions($search: String, $first: Int) {
    sites(search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          address
          active
        }
      }
    }
  }
`);
