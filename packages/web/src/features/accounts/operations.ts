import { graphql } from '../../gql';

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

// No `token`: the browser's session is the HttpOnly cookie; a bearer token in script memory
// would only be something to steal.
export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      person {
        ...ViewerPerson
      }
      operator {
        ...ViewerOperator
      }
      mfaRequired
      mfaChallenge
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The sign-in's second step: the challenge signIn (or acceptInvitation) answered, and a code. */
export const VerifyMfaMutation = graphql(`
  mutation VerifyMfa($challenge: String!, $code: String!) {
    verifyMfa(challenge: $challenge, code: $code) {
      person {
        ...ViewerPerson
      }
      operator {
        ...ViewerOperator
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      person {
        id
        mustChangePassword
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: ProfileInput!) {
    updateMyProfile(input: $input) {
      person {
        id
        firstName
        lastName
        locale
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
