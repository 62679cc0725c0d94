import { graphql } from '../../gql';

// Two versions: the estimate is for payment admins only (@auth PAYMENTS), and the server does not
// accept @include (see the report), so the other levels ask without it.
export const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      siteCount
      activeSiteCount
      inactiveSiteCount
      entryUserCount
      invitedPeopleCount
    }
  }
`);

export const DashboardWithEstimateQuery = graphql(`
  query DashboardWithEstimate {
    dashboard {
      siteCount
      activeSiteCount
      inactiveSiteCount
      entryUserCount
      invitedPeopleCount
      nextInvoiceEstimate {
        currency
        periodStart
        periodEnd
        activeEntryUsers
        billedEntryUsers
        unitAmount
        subtotal
        note
      }
    }
  }
`);
