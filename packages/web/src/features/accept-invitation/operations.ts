import { graphql } from '../../gql';

// No `token` asked back: the browser's session is the HttpOnly cookie the server sets.
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      person {
        ...ViewerPerson
      }
      mfaRequired
      mfaChallenge
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
