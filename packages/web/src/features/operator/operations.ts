import { graphql } from '../../gql';

/** The most the API gives in one answer: the console shows them all, oldest first. */
export const PENDING_PAGE_SIZE = 100;

export const PendingRegistrationsQuery = graphql(`
  query PendingRegistrations($first: Int) {
    pendingRegistrations(first: $first) {
      id
      name
      type
      country
      status
      createdAt
      registration {
        companyAddress
        companyPhone
        vatNumber
        firstName
        lastName
        email
        phone
        locale
      }
    }
  }
`);

export const ApproveRegistrationMutation = graphql(`
  mutation ApproveRegistration($companyId: ID!) {
    approveRegistration(companyId: $companyId) {
      company {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RejectRegistrationMutation = graphql(`
  mutation RejectRegistration($companyId: ID!, $reason: String!) {
    rejectRegistration(companyId: $companyId, reason: $reason) {
      company {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
