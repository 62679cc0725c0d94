import { graphql } from '../../gql';

// `siteAdmins` is for all-sites levels only (@auth ALL_SITES): site admins ask with
// `withAdmins: false`, and the server leaves the field out without checking it.
export const SitesQuery = graphql(`
  query Sites(
    $search: String
    $active: Boolean
    $first: Int
    $after: String
    $withAdmins: Boolean!
  ) {
    sites(search: $search, active: $active, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          address
          costCenter
          active
          deactivatedAt
          entryUserCount
          siteAdmins @include(if: $withAdmins) {
            id
            firstName
            lastName
          }
        }
      }
    }
  }
`);

export const SiteDetailQuery = graphql(`
  query SiteDetail($id: ID!, $search: String, $first: Int, $after: String) {
    site(id: $id) {
      id
      name
      address
      costCenter
      active
      createdAt
      deactivatedAt
      entryUserCount
      entryUsers(search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            firstName
            lastName
            email
            apartment
            activeFrom
            moveInDate
            moveOutDate
            status
          }
        }
      }
    }
  }
`);

/** The site admins assigned to a site: all-sites levels only (@auth ALL_SITES). */
export const SiteAdminsQuery = graphql(`
  query SiteAdmins($id: ID!) {
    site(id: $id) {
      id
      siteAdmins {
        id
        firstName
        lastName
        email
        status
      }
    }
  }
`);

export const AddEntryUserMutation = graphql(`
  mutation AddEntryUser($siteId: ID!, $input: EntryUserInput!) {
    addEntryUser(siteId: $siteId, input: $input) {
      entryUser {
        id
        firstName
        lastName
        email
        apartment
        activeFrom
        moveInDate
        moveOutDate
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateEntryUserMutation = graphql(`
  mutation UpdateEntryUser($id: ID!, $input: EntryUserInput!) {
    updateEntryUser(id: $id, input: $input) {
      entryUser {
        id
        firstName
        lastName
        email
        apartment
        activeFrom
        moveInDate
        moveOutDate
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
