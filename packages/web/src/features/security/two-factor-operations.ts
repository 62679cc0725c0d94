import { graphql } from '../../gql';

// Apart from operations.ts: these are the forms' (loaded when opened), not the profile's first render.

export const StartTotpEnrollmentMutation = graphql(`
  mutation StartTotpEnrollment {
    startTotpEnrollment {
      enrollment {
        secret
        uri
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmTotpEnrollmentMutation = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code) {
      recoveryCodes
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code) {
      recoveryCodes
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DisableTotpMutation = graphql(`
  mutation DisableTotp($password: String!, $code: String!) {
    disableTotp(password: $password, code: $code) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
