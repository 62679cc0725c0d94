import { graphql } from '../../gql';

/**
 * What payment admins are owed a word about on every page (OverdueWatch.tsx): what is
 * unpaid past its due date. Asked once for them (PAYMENTS only), and again after a payment.
 */
export const BillingStandingQuery = graphql(`
  query BillingStanding {
    company {
      id
      status
      overdue {
        invoiceCount
        total
        currency
        oldestDueAt
        suspendsAt
        oldestInvoiceId
      }
    }
  }
`);
