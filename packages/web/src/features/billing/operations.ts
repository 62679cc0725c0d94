import { graphql } from '../../gql';

/** Everything the wizard shows; payment admins only (the payment fields are @auth PAYMENTS). */
export const BillingSetupQuery = graphql(`
  query BillingSetup {
    company {
      id
      name
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
    }
  }
`);

/** The billing terms in the interface's language (or English, when not translated). */
export const TermsOfServiceQuery = graphql(`
  query TermsOfService($locale: String) {
    termsOfService(locale: $locale) {
      version
      locale
      text
    }
  }
`);

/** The price of one Entry app user per month in the company's currency (from Home's estimate). */
export const UserPriceQuery = graphql(`
  query UserPrice {
    dashboard {
      nextInvoiceEstimate {
        currency
        unitAmount
      }
    }
  }
`);

export const CompleteBillingSetupMutation = graphql(`
  mutation CompleteBillingSetup($input: BillingSetupInput!) {
    completeBillingSetup(input: $input) {
      company {
        id
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
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Stripe only: the SetupIntent that Stripe Elements confirms in the browser. */
export const CreateCardSetupMutation = graphql(`
  mutation CreateCardSetup {
    createCardSetup {
      clientSecret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
