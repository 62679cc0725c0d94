import { graphql } from '../../gql';

export const AUDIT_PAGE_SIZE = 25;

/** The company's audit log, newest first, filtered. */
export const AuditEventsQuery = graphql(`
  query AuditEvents(
    $first: Int
    $after: String
    $personId: ID
    $siteId: ID
    $kind: String
    $from: DateTime
    $to: DateTime
  ) {
    auditEvents(
      first: $first
      after: $after
      personId: $personId
      siteId: $siteId
      kind: $kind
      from: $from
      to: $to
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          createdAt
          subjectType
          subjectId
          siteId
          ip
          changes {
            field
            before
            after
          }
          actor {
            kind
            id
            name
            email
          }
        }
      }
    }
  }
`);

/** The name behind ?personId= when the page opens with it (a site's: AuditSiteLabel). */
export const AuditPersonLabelQuery = graphql(`
  query AuditPersonLabel($id: ID!) {
    person(id: $id) {
      id
      firstName
      lastName
      email
    }
  }
`);

/** The name behind ?siteId= when the page opens with it. */
export const AuditSiteLabelQuery = graphql(`
  query AuditSiteLabel($id: ID!) {
    site(id: $id) {
      id
      name
    }
  }
`);

/** Colleagues by name or email, for picking one (the audit log's person filter). */
export const PersonOptionsQuery = graphql(`
  query PersonOptions($search: String, $first: Int) {
    people(search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          firstName
          lastName
          email
        }
      }
    }
  }
`);
