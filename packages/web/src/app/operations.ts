import { graphql } from '../gql';

/**
 * A signed-in person as the layout and the sign-in answers show them; mustChangePassword and
 * mustEnrollMfa are the two states that open one page only (Layout.tsx).
 */
export const ViewerPersonFragment = graphql(`
  fragment ViewerPerson on Person {
    id
    firstName
    lastName
    email
    locale
    mustChangePassword
    mustEnrollMfa
  }
`);

/** A signed-in operator of the vendor (OPERATOR_REQUIRE_MFA may hold them to two-factor set-up). */
export const ViewerOperatorFragment = graphql(`
  fragment ViewerOperator on Operator {
    id
    name
    email
    mustEnrollMfa
  }
`);

/**
 * What the pages decide with (useAccess.ts): the person's access level (its rights come from
 * the shared table) and whether their company finished billing setup.
 */
export const ViewerAccessFragment = graphql(`
  fragment ViewerAccess on Person {
    id
    accessLevel {
      code
    }
    company {
      id
      billingSetupComplete
      status
    }
  }
`);

/** Who is signed in: a person of a company, an operator of the vendor, or nobody. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...ViewerPerson
    }
    currentOperator {
      ...ViewerOperator
    }
  }
`);

/**
 * The Viewer query with what a signed-in person's first screen needs of them (ViewerAccess),
 * asked once as the app starts: the server answers it inside the page (viewer-bootstrap.ts), and
 * the Viewer and Access queries then find their answers in Apollo's cache.
 */
export const ViewerBootstrapQuery = graphql(`
  query ViewerBootstrap {
    me {
      ...ViewerPerson
      ...ViewerAccess
    }
    currentOperator {
      ...ViewerOperator
    }
  }
`);

/**
 * The signed-in person's access, on its own: read from the bootstrap's answer in the cache, and
 * asked again (cache-and-network) where billing setup may have been finished since.
 */
export const AccessQuery = graphql(`
  query Access {
    me {
      ...ViewerAccess
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
