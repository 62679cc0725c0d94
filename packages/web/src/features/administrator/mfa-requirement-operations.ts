import { graphql } from '../../gql';

// Apart from operations.ts: only the payment admins' part of the page (MfaRequirement.tsx,
// loaded for them) asks these.

/** The company setting, for payment admins. */
export const CompanyMfaRequirementQuery = graphql(`
  query CompanyMfaRequirement {
    company {
      id
      requireMfa
    }
    me {
      id
      mfaEnabled
    }
  }
`);

export const SetCompanyMfaRequirementMutation = graphql(`
  mutation SetCompanyMfaRequirement($required: Boolean!) {
    setCompanyMfaRequirement(required: $required) {
      company {
        id
        requireMfa
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
