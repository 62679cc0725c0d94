import { graphql } from '../../gql';

// The estimate is for payment admins only (@auth PAYMENTS): the other levels ask with
// `withEstimate: false`, and the server leaves the field out without checking it.
export const DashboardQuery = graphql(`
  query Dashboard($withEstimate: Boolean!) {
    dashboard {
      siteCount
      activeSiteCount
      inactiveSiteCount
      entryUserCount
      invitedPeopleCount
      nextInvoiceEstimate @include(if: $withEstimate) {
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
