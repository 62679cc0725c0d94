import { graphql } from '../../gql';

// Apart from operations.ts: the layout imports this one, and it keeps the first page free of
// the wizard's documents.
/**
 * Who is signed in, at which level, and whether their company finished billing setup. The same
 * selection as the sites' and people's viewer queries, so the layout can read it from the cache
 * (cache-only) once Home has asked for it, without a request of its own.
 */
export const BillingViewerQuery = graphql(`
  query BillingViewer {
    me {
      id
      accessLevel {
        code
      }
      company {
        id
        billingSetupComplete
      }
    }
  }
`);
