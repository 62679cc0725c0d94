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

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
