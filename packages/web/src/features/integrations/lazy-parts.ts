import { lazyNamed } from '../../lib/preloadable-lazy';

// What the Integrations page opens on demand (the forms, a new secret, an endpoint's delivery
// log) is fetched after the page shows (preloadIntegrationsParts), not with it: with their
// operations and the sites picker, they kept the page over the 150 kB budget.
export const ApiKeyFormDialog = lazyNamed(
  () => import('./components/ApiKeyFormDialog'),
  'ApiKeyFormDialog',
);
export const RotateApiKeyDialog = lazyNamed(
  () => import('./components/RotateApiKeyDialog'),
  'RotateApiKeyDialog',
);
export const SecretDialog = lazyNamed(() => import('./components/SecretDialog'), 'SecretDialog');
export const WebhookEndpointFormDialog = lazyNamed(
  () => import('./components/WebhookEndpointFormDialog'),
  'WebhookEndpointFormDialog',
);
export const DeliveryLog = lazyNamed(() => import('./components/DeliveryLog'), 'DeliveryLog');

const PARTS = [
  ApiKeyFormDialog,
  RotateApiKeyDialog,
  SecretDialog,
  WebhookEndpointFormDialog,
  DeliveryLog,
];

/** Fetches every part once the page is on screen, so opening one never waits. */
export function preloadIntegrationsParts(): void {
  for (const part of PARTS)
    part.preload().catch((error: unknown) => {
      // Opening it fetches again (React.lazy retries), and says so if it still fails.
      console.warn('Could not fetch part of the Integrations page ahead', error);
    });
}
