import { graphql } from '../../gql';

export const AccessLevelsQuery = graphql(`
  query AccessLevels($locale: String) {
    accessLevels {
      code
      label(locale: $locale)
      description(locale: $locale)
      allSites
      payments
    }
  }
`);
