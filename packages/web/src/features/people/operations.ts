import { graphql } from '../../gql';

export const PEOPLE_PAGE_SIZE = 20;
/** Sites named in a site admin's row; the rest is a count. */
export const SITES_IN_ROW = 3;

export const PeopleQuery = graphql(`
  query People(
    $first: Int
    $after: String
    $search: String
    $accessLevel: AccessLevelCode
    $status: PersonStatus
    $sitesInRow: Int
    $locale: String
  ) {
    people(
      first: $first
      after: $after
      search: $search
      accessLevel: $accessLevel
      status: $status
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          firstName
          lastName
          email
          status
          accessLevel {
            code
            label(locale: $locale)
          }
          sites(first: $sitesInRow) {
            totalCount
            edges {
              node {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** One page of sites for the sites combobox: as the person types, by name. */
/** Site admins may have any number of sites: the edit page pages through all of them. */
export const PERSON_SITES_PAGE = 100;

export const EditPersonQuery = graphql(`
  query EditPerson($id: ID!, $sitesFirst: Int, $locale: String) {
    person(id: $id) {
      id
      firstName
      lastName
      email
      status
      locale
      accessLevel {
        code
        label(locale: $locale)
      }
      sites(first: $sitesFirst) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            address
            active
          }
        }
      }
    }
  }
`);

export const PersonSitesPageQuery = graphql(`
  query PersonSitesPage($id: ID!, $after: String, $first: Int) {
    person(id: $id) {
      id
      sites(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            address
            active
          }
        }
      }
    }
  }
`);

export const InvitePersonMutation = graphql(`
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      person {
        id
        firstName
        lastName
        email
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) {
      person {
        id
        firstName
        lastName
        status
        accessLevel {
          code
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemovePersonMutation = graphql(`
  mutation RemovePerson($id: ID!) {
    removePerson(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      person {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DisablePersonMutation = graphql(`
  mutation DisablePerson($id: ID!) {
    disablePerson(id: $id) {
      person {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const EnablePersonMutation = graphql(`
  mutation EnablePerson($id: ID!) {
    enablePerson(id: $id) {
      person {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
