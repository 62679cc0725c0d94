import { graphql } from '../../gql';

// The operations of the forms and the delivery log, which load when they open (lazy.ts): apart
// from the list queries' module, so the page's own code does not carry their documents.

export const DELIVERIES_PAGE_SIZE = 10;

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        ...ApiKeyRow
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($id: ID!, $overlapHours: Int) {
    rotateApiKey(id: $id, overlapHours: $overlapHours) {
      apiKey {
        ...ApiKeyRow
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus) {
    webhookEndpoints {
      id
      deliveries(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...WebhookDeliveryRow
          }
        }
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
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

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      delivery {
        ...WebhookDeliveryRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
