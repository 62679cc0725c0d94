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
        ...UserErrorFields
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
        ...UserErrorFields
      }
    }
  }
`);

/** The queue is short (each is a payment an operator must settle): all of it, oldest first. */
export const DISCREPANCY_PAGE_SIZE = 100;

export const PaymentDiscrepanciesQuery = graphql(`
  query PaymentDiscrepancies($first: Int) {
    paymentDiscrepancies(first: $first) {
      id
      kinds
      company {
        id
        name
      }
      invoiceNumber
      expectedAmount
      expectedCurrency
      expectedPaymentIntentId
      receivedAmount
      receivedCurrency
      receivedPaymentIntentId
      eventId
      eventType
      receivedAt
    }
  }
`);

export const MarkPaymentDiscrepancyReviewedMutation = graphql(`
  mutation MarkPaymentDiscrepancyReviewed($id: ID!) {
    markPaymentDiscrepancyReviewed(id: $id) {
      paymentDiscrepancy {
        id
        reviewedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The operators' list of every company's site transfers: a page at a time, newest first. */
export const ALL_TRANSFERS_PAGE_SIZE = 20;

export const AllSiteTransfersQuery = graphql(`
  query AllSiteTransfers($status: SiteTransferStatus, $after: String, $first: Int) {
    allSiteTransfers(status: $status, after: $after, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          siteName
          fromCompanyName
          toCompanyName
          recipientEmail
          status
          createdAt
          decidedAt
          effectiveDate
          undoneAt
        }
      }
    }
  }
`);

export const UndoSiteTransferMutation = graphql(`
  mutation UndoSiteTransfer($id: ID!, $reason: String) {
    undoSiteTransfer(id: $id, reason: $reason) {
      siteTransfer {
        id
        status
        undoneAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
