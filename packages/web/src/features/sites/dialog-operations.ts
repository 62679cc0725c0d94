import { graphql } from '../../gql';

// The dialogs' operations (site form, (de)activation, removing an Entry app user): they load
// with the dialogs (lazy-dialogs.ts), not with the sites pages.

export const CreateSiteMutation = graphql(`
  mutation CreateSite($input: SiteInput!) {
    createSite(input: $input) {
      site {
        id
        name
        address
        costCenter
        active
        createdAt
        deactivatedAt
        entryUserCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateSiteMutation = graphql(`
  mutation UpdateSite($id: ID!, $input: SiteInput!) {
    updateSite(id: $id, input: $input) {
      site {
        id
        name
        address
        costCenter
        updatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeactivateSiteMutation = graphql(`
  mutation DeactivateSite($id: ID!) {
    deactivateSite(id: $id) {
      site {
        id
        active
        deactivatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReactivateSiteMutation = graphql(`
  mutation ReactivateSite($id: ID!) {
    reactivateSite(id: $id) {
      site {
        id
        active
        deactivatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveEntryUserMutation = graphql(`
  mutation RemoveEntryUser($id: ID!) {
    removeEntryUser(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
