import { graphql } from '../../gql';

// One answer for the whole page: both directions, every status (a company has few transfers;
// the server gives the newest 100 of each). Mutations answer the same fields, so Apollo's cache
// moves a transfer between the page's sections without asking again.
export const SiteTransfersQuery = graphql(`
  query SiteTransfers {
    incoming: siteTransfers(direction: INCOMING) {
      id
      site {
        id
        name
      }
      siteName
      fromCompanyName
      toCompanyName
      recipientEmail
      message
      status
      createdAt
      expiresAt
      decidedAt
      declineReason
      effectiveDate
      entryUserCount
      nameAlreadyUsed
      undoneAt
    }
    outgoing: siteTransfers(direction: OUTGOING) {
      id
      site {
        id
        name
      }
      siteName
      fromCompanyName
      toCompanyName
      recipientEmail
      message
      status
      createdAt
      expiresAt
      decidedAt
      declineReason
      effectiveDate
      entryUserCount
      nameAlreadyUsed
      undoneAt
    }
  }
`);

export const RequestSiteTransferMutation = graphql(`
  mutation RequestSiteTransfer($input: RequestSiteTransferInput!) {
    requestSiteTransfer(input: $input) {
      siteTransfer {
        id
        recipientEmail
        expiresAt
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AcceptSiteTransferMutation = graphql(`
  mutation AcceptSiteTransfer($id: ID!) {
    acceptSiteTransfer(id: $id) {
      siteTransfer {
        id
        site {
          id
          name
        }
        toCompanyName
        status
        decidedAt
        effectiveDate
        entryUserCount
        nameAlreadyUsed
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeclineSiteTransferMutation = graphql(`
  mutation DeclineSiteTransfer($id: ID!, $reason: String) {
    declineSiteTransfer(id: $id, reason: $reason) {
      siteTransfer {
        id
        status
        decidedAt
        declineReason
        effectiveDate
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelSiteTransferMutation = graphql(`
  mutation CancelSiteTransfer($id: ID!) {
    cancelSiteTransfer(id: $id) {
      siteTransfer {
        id
        status
        decidedAt
        effectiveDate
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
