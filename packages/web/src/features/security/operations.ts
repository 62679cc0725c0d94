import { graphql } from '../../gql';

/**
 * The profile's Security section: whether two-factor sign-in is on (and whether the company
 * requires it, so it cannot be turned off), and the signed-in sessions.
 */
export const ProfileSecurityQuery = graphql(`
  query ProfileSecurity {
    me {
      id
      mfaEnabled
      company {
        id
        requireMfa
      }
    }
    currentOperator {
      id
      mfaEnabled
    }
    mySessions {
      id
      createdAt
      lastSeenAt
      userAgent
      ip
      current
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const SignOutOtherSessionsMutation = graphql(`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`);
