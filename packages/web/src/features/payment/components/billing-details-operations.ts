import { graphql } from '../../../gql';

// The billing details section's own operations: they load with it, after the payment page.

/** What the section and its form know of the company: its invoice recipients and references. */
export interface BillingDetails {
  billingEmails: readonly string[];
  billingEmailsLocale: string;
  purchaseOrderNumber?: string | null;
}

/** Where invoices go besides the payment admins, and the PO number printed on them. */
export const BillingDetailsQuery = graphql(`
  query BillingDetails {
    company {
      id
      billingEmails
      billingEmailsLocale
      purchaseOrderNumber
    }
  }
`);

/** The billing details form: where invoices go besides the payment admins, and the PO number. */
export const UpdateBillingDetailsMutation = graphql(`
  mutation UpdateBillingDetails($input: BillingDetailsInput!) {
    updateBillingDetails(input: $input) {
      company {
        id
        billingEmails
        billingEmailsLocale
        purchaseOrderNumber
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
