// What the Integrations tests share: the parts rendered with the page's words (a namespace that
// loads on demand, hence Suspense), and the API's objects as it answers them.
import { Suspense, type ReactNode } from 'react';
import { renderPart } from '../../../test/renderPart';

export function renderIntegrationsPart(
  ui: ReactNode,
  options: Parameters<typeof renderPart>[1] = {},
) {
  return renderPart(<Suspense fallback={<p>Loading the words</p>}>{ui}</Suspense>, options);
}

export function userError(field: string[], code: string, params: Record<string, string> = {}) {
  return {
    __typename: 'UserError' as const,
    field,
    code,
    message: `(the server's words for ${code})`,
    params: Object.entries(params).map(([name, value]) => ({
      __typename: 'UserErrorParam' as const,
      name,
      value,
    })),
  };
}

export function apiKeyNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ApiKey' as const,
    id: 'key-1',
    name: 'ERP',
    prefix: 'epk_AbCdEfGh',
    scopes: ['SITES_READ'],
    sites: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    createdBy: { __typename: 'Person' as const, id: 'person-1', firstName: 'Ines', lastName: 'Ek' },
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function endpointNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookEndpoint' as const,
    id: 'endpoint-1',
    url: 'https://erp.example.com/hooks/entry',
    description: 'Our ERP',
    events: ['SITE_CREATED'],
    enabled: true,
    disabledForFailingAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function deliveryNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookDelivery' as const,
    id: 'delivery-1',
    eventId: 'event-1',
    eventType: 'PING',
    status: 'SUCCEEDED',
    attempts: 1,
    lastResponseStatus: 204,
    lastAttemptAt: '2026-11-20T09:00:01.000Z',
    nextAttemptAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

// recorded() moved to src/test/recorded.ts: the transfers' tests use it too
export { recorded } from '../../../test/recorded';
