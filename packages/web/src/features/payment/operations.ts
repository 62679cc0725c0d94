import { graphql } from '../../gql';

// The terms live with the wizard that asks to accept them; this page shows them too.
export { TermsOfServiceQuery } from '../billing/operations';

/** Invoices per page of the list, and the months the spend chart shows. */
export const INVOICES_PAGE_SIZE = 12;

/** The Payment page for payment admins: payment method, card, invoices (newest first). */
export const PaymentOverviewQuery = graphql(`
  query PaymentOverview($first: Int!, $after: String) {
    company {
      id
      type
      country
      currency
      billingSetupComplete
      vatNumber
      paymentMethod
      acceptedTermsVersion
      card {
        brand
        last4
        expMonth
        expYear
      }
      paymentProvider {
        kind
        publishableKey
      }
      invoices(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            number
            periodStart
            periodEnd
            issuedAt
            dueAt
            currency
            total
            status
            overdue
            paidAt
          }
        }
      }
    }
  }
`);

export const UpdatePaymentMethodMutation = graphql(`
  mutation UpdatePaymentMethod($paymentMethod: PaymentMethodType!, $paymentMethodToken: String) {
    updatePaymentMethod(paymentMethod: $paymentMethod, paymentMethodToken: $paymentMethodToken) {
      company {
        id
        paymentMethod
        card {
          brand
          last4
          expMonth
          expYear
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** One invoice (the emails link here), with what paying it needs: the card on file, the provider. */
export const InvoiceQuery = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      periodStart
      periodEnd
      issuedAt
      dueAt
      currency
      subtotal
      tax
      total
      taxRateBasisPoints
      reverseCharge
      status
      paidAt
      paymentMethod
      overdue
      purchaseOrderNumber
      billingEmails
      lines {
        description
        costCenter
        quantity
        unitAmount
        amount
        site {
          id
          name
        }
      }
      pdfUrl
      csvUrl
    }
    company {
      id
      card {
        brand
        last4
        expMonth
        expYear
      }
      paymentProvider {
        kind
        publishableKey
      }
    }
  }
`);

export const PayInvoiceMutation = graphql(`
  mutation PayInvoice($id: ID!, $paymentMethodToken: String) {
    payInvoice(id: $id, paymentMethodToken: $paymentMethodToken) {
      invoice {
        id
        status
        paidAt
        overdue
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
