import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn, signedInOperator } from '../../../test/renderApp';
import { accessAnswer } from '../../../test/viewer-mocks';
import {
  ApiKeysQuery,
  DeleteWebhookEndpointMutation,
  RevokeApiKeyMutation,
  RotateWebhookSecretMutation,
  SendTestWebhookMutation,
  UpdateWebhookEndpointMutation,
  WebhookEndpointsQuery,
} from '../operations';
import { CreateApiKeyMutation, WebhookDeliveriesQuery } from '../dialog-operations';
import { apiKeyNode, deliveryNode, endpointNode, recorded } from './integrations-mocks';

const ines = { firstName: 'Ines', lastName: 'Ek' };

function apiKeys(nodes: () => object[]) {
  return recorded(ApiKeysQuery, () => ({
    apiKeys: {
      __typename: 'ApiKeyConnection',
      totalCount: nodes().length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: nodes().map((node) => ({ __typename: 'ApiKeyEdge', node })),
    },
  }));
}

function endpoints(nodes: () => object[]) {
  return recorded(WebhookEndpointsQuery, () => ({ webhookEndpoints: nodes() }));
}

describe('IntegrationsPage', () => {
  it.each([
    ['a site admin', [signedIn(ines), accessAnswer('SITE_ADMIN')]],
    ['an operator', [signedInOperator()]],
  ])('should tell %s who may manage keys and webhooks, and ask for none', async (_who, mocks) => {
    const keys = apiKeys(() => []);
    renderApp({ locale: 'en', path: '/integrations', mocks: [...mocks, keys.mock] });
    expect(
      await screen.findByText(
        'Only a Payment admin or a System admin can manage API keys and webhooks.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(keys.seen).toEqual([]);
  });

  it('should list a system admin’s keys and create one, showing its secret once', async () => {
    let list = [
      apiKeyNode({
        sites: [{ __typename: 'Site', id: 'site-1', name: 'Quai Nord' }],
        lastUsedAt: '2026-11-21T08:30:00.000Z',
      }),
    ];
    const keys = apiKeys(() => list);
    const create = recorded(CreateApiKeyMutation, () => {
      list = [apiKeyNode({ id: 'key-2', name: 'App', prefix: 'epk_Zyx' }), ...list];
      return {
        createApiKey: {
          __typename: 'ApiKeyPayload',
          apiKey: list[0],
          secret: 'epk_Zyx_the_whole_secret',
          userErrors: [],
        },
      };
    });
    const { user } = renderApp({
      locale: 'nl',
      path: '/integrations',
      mocks: [
        signedIn(ines),
        accessAnswer('SYSTEM_ADMIN'),
        keys.mock,
        create.mock,
        endpoints(() => []).mock,
      ],
    });
    const table = await screen.findByRole('table', { name: 'API-sleutels, nieuwste eerst' });
    const row = within(table).getByRole('row', { name: /^ERP/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'epk_AbCdEfGh…',
      'Locaties lezen',
      'Quai Nord',
      'Ines Ek',
      expect.stringMatching(/2026/),
      'Nooit',
      expect.stringMatching(/2026/),
      'Actief',
      'VernieuwenIntrekken',
    ]);
    expect(await screen.findByText('Nog geen endpoints.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'API-sleutel aanmaken' }));
    const form = await screen.findByRole('dialog', { name: 'Een API-sleutel aanmaken' });
    await user.type(within(form).getByRole('textbox', { name: /^Naam/ }), 'App');
    await user.click(within(form).getByRole('checkbox', { name: /^Beheerders lezen/ }));
    await user.click(within(form).getByRole('button', { name: 'Sleutel aanmaken' }));
    const secret = await screen.findByRole('dialog', { name: 'API-sleutel App aangemaakt' });
    expect(within(secret).getByRole('textbox', { name: 'API-sleutel' })).toHaveValue(
      'epk_Zyx_the_whole_secret',
    );
    await user.click(within(secret).getByRole('button', { name: 'Ik heb het gekopieerd' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // the list was asked again: the new key heads it
    expect(await within(table).findByRole('row', { name: /^App/ })).toBeInTheDocument();
    expect(screen.queryByText('epk_Zyx_the_whole_secret')).toBeNull();
    expect(screen.queryByDisplayValue('epk_Zyx_the_whole_secret')).toBeNull();
  });

  it('should revoke a key once confirmed, and show revoked keys when asked', async () => {
    let revoked = false;
    const key = () => apiKeyNode(revoked ? { revokedAt: '2026-11-22T10:00:00.000Z' } : {});
    const keys = recorded(ApiKeysQuery, (variables) => {
      const nodes = !revoked || variables['includeRevoked'] ? [key()] : [];
      return {
        apiKeys: {
          __typename: 'ApiKeyConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: nodes.map((node) => ({ __typename: 'ApiKeyEdge', node })),
        },
      };
    });
    const revoke = recorded(RevokeApiKeyMutation, () => {
      revoked = true;
      return { revokeApiKey: { __typename: 'ApiKeyPayload', apiKey: key(), userErrors: [] } };
    });
    const { user } = renderApp({
      locale: 'en',
      path: '/integrations',
      mocks: [
        signedIn(ines),
        accessAnswer('PAYMENT_ADMIN'),
        keys.mock,
        revoke.mock,
        endpoints(() => []).mock,
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Revoke ERP' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke ERP?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'ERP was revoked. It no longer works.',
    );
    expect(revoke.seen).toEqual([{ id: 'key-1' }]);
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Show revoked keys' }));
    const row = await screen.findByRole('row', { name: /^ERP/ });
    expect(row).toHaveTextContent(/Revoked Nov 22, 2026/);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(keys.seen).toContainEqual({ first: 20, after: null, includeRevoked: true });
  });

  it('should switch an endpoint off, send it a test event and delete it once confirmed', async () => {
    let list = [endpointNode()];
    const update = recorded(UpdateWebhookEndpointMutation, (variables) => {
      const input = variables['input'] as Record<string, unknown>;
      list = [endpointNode(input)];
      return {
        updateWebhookEndpoint: {
          __typename: 'WebhookEndpointPayload',
          webhookEndpoint: list[0],
          userErrors: [],
        },
      };
    });
    const test = recorded(SendTestWebhookMutation, () => ({
      sendTestWebhook: {
        __typename: 'WebhookDeliveryPayload',
        delivery: deliveryNode({ status: 'PENDING' }),
        userErrors: [],
      },
    }));
    const log = recorded(WebhookDeliveriesQuery, () => ({
      webhookEndpoints: list.map((endpoint) => ({
        __typename: 'WebhookEndpoint',
        id: endpoint.id,
        deliveries: {
          __typename: 'WebhookDeliveryConnection',
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [{ __typename: 'WebhookDeliveryEdge', node: deliveryNode() }],
        },
      })),
    }));
    const remove = recorded(DeleteWebhookEndpointMutation, () => {
      list = [];
      return {
        deleteWebhookEndpoint: {
          __typename: 'DeletePayload',
          deletedId: 'endpoint-1',
          userErrors: [],
        },
      };
    });
    const { user } = renderApp({
      locale: 'en',
      path: '/integrations',
      mocks: [
        signedIn(ines),
        accessAnswer('PAYMENT_ADMIN'),
        apiKeys(() => []).mock,
        endpoints(() => list).mock,
        update.mock,
        test.mock,
        log.mock,
        remove.mock,
      ],
    });
    const card = (
      await screen.findByRole('heading', { name: 'https://erp.example.com/hooks/entry' })
    ).closest('li')!;
    expect(within(card).getByText('Enabled')).toBeInTheDocument();
    expect(within(card).getByText('Site created')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'https://erp.example.com/hooks/entry receives no more events.',
    );
    expect(update.seen).toEqual([
      {
        id: 'endpoint-1',
        input: {
          url: 'https://erp.example.com/hooks/entry',
          description: 'Our ERP',
          events: ['SITE_CREATED'],
          enabled: false,
        },
      },
    ]);
    expect(within(card).getByText('Disabled')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Send test event' }));
    await vi.waitFor(() => expect(test.seen).toEqual([{ id: 'endpoint-1' }]));
    expect(within(card).getByRole('button', { name: 'Delivery log' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const rows = await within(card).findAllByRole('rowheader');
    expect(rows.map((cell) => cell.textContent)).toEqual(['Test event (PING)']);

    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete the endpoint https://erp.example.com/hooks/entry?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Delete endpoint' }));
    expect(await screen.findByText('No endpoints yet.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'The endpoint https://erp.example.com/hooks/entry was deleted.',
    );
    expect(remove.seen).toEqual([{ id: 'endpoint-1' }]);
  });

  it('should make a new signing secret once confirmed, and save an edit with a notice', async () => {
    let list = [endpointNode()];
    const rotate = recorded(RotateWebhookSecretMutation, () => ({
      rotateWebhookSecret: {
        __typename: 'WebhookEndpointPayload',
        webhookEndpoint: list[0],
        secret: 'whsec_bmV3IHNlY3JldA==',
        userErrors: [],
      },
    }));
    const update = recorded(UpdateWebhookEndpointMutation, (variables) => {
      list = [endpointNode(variables['input'] as Record<string, unknown>)];
      return {
        updateWebhookEndpoint: {
          __typename: 'WebhookEndpointPayload',
          webhookEndpoint: list[0],
          userErrors: [],
        },
      };
    });
    const { user } = renderApp({
      locale: 'sv',
      path: '/integrations',
      mocks: [
        signedIn(ines),
        accessAnswer('SYSTEM_ADMIN'),
        apiKeys(() => []).mock,
        endpoints(() => list).mock,
        rotate.mock,
        update.mock,
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Ny signeringshemlighet' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Ny signeringshemlighet för https://erp.example.com/hooks/entry?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Skapa en ny hemlighet' }));
    const shown = await screen.findByRole('dialog', { name: 'Ny signeringshemlighet' });
    expect(within(shown).getByRole('textbox', { name: 'Signeringshemlighet' })).toHaveValue(
      'whsec_bmV3IHNlY3JldA==',
    );
    expect(within(shown).getByText(/Under de kommande 24 timmarna/)).toBeInTheDocument();
    expect(rotate.seen).toEqual([{ id: 'endpoint-1' }]);
    await user.click(within(shown).getByRole('button', { name: 'Jag har kopierat den' }));

    await user.click(screen.getByRole('button', { name: 'Ändra' }));
    const form = await screen.findByRole('dialog', {
      name: 'Ändra slutpunkten https://erp.example.com/hooks/entry',
    });
    const description = within(form).getByRole('textbox', { name: /^Beskrivning/ });
    await user.clear(description);
    await user.type(description, 'Affärssystemet');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Slutpunkten https://erp.example.com/hooks/entry har sparats.',
    );
    expect(await screen.findByText('Affärssystemet')).toBeInTheDocument();
    expect(update.seen).toEqual([
      {
        id: 'endpoint-1',
        input: {
          url: 'https://erp.example.com/hooks/entry',
          description: 'Affärssystemet',
          events: ['SITE_CREATED'],
          enabled: true,
        },
      },
    ]);
  });

  it('should say an endpoint was turned off for failing', async () => {
    renderApp({
      locale: 'fr',
      path: '/integrations',
      mocks: [
        signedIn(ines),
        accessAnswer('PAYMENT_ADMIN'),
        apiKeys(() => []).mock,
        endpoints(() => [
          endpointNode({ enabled: false, disabledForFailingAt: '2026-11-23T04:00:00.000Z' }),
        ]).mock,
      ],
    });
    expect(
      await screen.findByText(/Le portail a désactivé ce point de terminaison le 23 nov\. 2026/),
    ).toBeInTheDocument();
  });
});
