import { graphql } from '../gql';

/** Who is signed in: a person of a company, an operator of the vendor, or nobody. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      firstName
      lastName
      email
      locale
      mustChangePassword
    }
    currentOperator {
      id
      name
      email
    }
  }
`);

/**
 * The Viewer query with what a signed-in person's first screen needs of them (their access
 * level, their company's billing setup: the fields of SiteViewer), asked once as the app starts:
 * the server answers it inside the page (viewer-bootstrap.ts), and both queries are then in
 * Apollo's cache. It spells out Viewer's fields again rather than sharing a fragment: a document
 * with a fragment spread cannot be inlined into its page's chunk (graphql-documents.plugin.ts) and
 * would ship every document of the app with the first page.
 */
export const ViewerBootstrapQuery = graphql(`
  query ViewerBootstrap {
    me {
      id
      firstName
      lastName
      email
      locale
      mustChangePassword
      accessLevel {
        code
      }
      company {
        id
        billingSetupComplete
      }
    }
    currentOperator {
      id
      name
      email
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
