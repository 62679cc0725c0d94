import { graphql } from '../../gql';

export const API_KEYS_PAGE_SIZE = 20;
/** Deliveries per page of an endpoint's log. */

/** A key as its row shows it (and as the create, rotate and revoke answers update it). */
export const ApiKeyRowFragment = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    scopes
    sites {
      id
      name
    }
    createdAt
    createdBy {
      id
      firstName
      lastName
    }
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys($first: Int, $after: String, $includeRevoked: Boolean) {
    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ApiKeyRow
        }
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        ...ApiKeyRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** An endpoint as its card and its edit form show it. */
export const WebhookEndpointCardFragment = graphql(`
  fragment WebhookEndpointCard on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    disabledForFailingAt
    createdAt
  }
`);

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointCard
    }
  }
`);

export const WebhookDeliveryRowFragment = graphql(`
  fragment WebhookDeliveryRow on WebhookDelivery {
    id
    eventId
    eventType
    status
    attempts
    lastResponseStatus
    lastAttemptAt
    nextAttemptAt
    createdAt
  }
`);

/**
 * The delivery logs. The API reaches a log only through the company's endpoint list (at most
 * LIMITS.webhookEndpointsPerCompany endpoints, one page each); the page shows the one opened.
 */
export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      webhookEndpoint {
        ...WebhookEndpointCard
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      webhookEndpoint {
        ...WebhookEndpointCard
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) {
      delivery {
        ...WebhookDeliveryRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
