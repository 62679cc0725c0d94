import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DeliveryLog } from '../components/DeliveryLog';
import { RedeliverWebhookMutation, WebhookDeliveriesQuery } from '../dialog-operations';
import { deliveryNode, recorded, renderIntegrationsPart, userError } from './integrations-mocks';

const endpoint = { id: 'endpoint-1', url: 'https://erp.example.com/hooks/entry' };

const FAILED = deliveryNode({
  id: 'delivery-2',
  eventId: 'event-2',
  eventType: 'SITE_CREATED',
  status: 'FAILED',
  attempts: 3,
  lastResponseStatus: null,
  lastAttemptAt: '2026-11-20T10:00:00.000Z',
});
const PENDING = deliveryNode({
  id: 'delivery-3',
  eventId: 'event-3',
  eventType: 'ENTRY_USER_ADDED',
  status: 'PENDING',
  attempts: 0,
  lastResponseStatus: null,
  lastAttemptAt: null,
  nextAttemptAt: '2026-11-20T10:05:00.000Z',
});

/** Two endpoints answer (the API reaches logs through the list): the log shows its own. */
function deliveries(nodes: object[], { total = nodes.length, hasNextPage = false } = {}) {
  return recorded(WebhookDeliveriesQuery, (variables) => {
    const shown = variables['status']
      ? nodes.filter((node) => (node as { status: string }).status === variables['status'])
      : nodes;
    const connection = (edges: object[]) => ({
      __typename: 'WebhookDeliveryConnection',
      totalCount: variables['status'] ? shown.length : total,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: 'cursor-1' },
      edges: edges.map((node) => ({ __typename: 'WebhookDeliveryEdge', node })),
    });
    return {
      webhookEndpoints: [
        { __typename: 'WebhookEndpoint', id: 'endpoint-0', deliveries: connection([]) },
        { __typename: 'WebhookEndpoint', id: 'endpoint-1', deliveries: connection(shown) },
      ],
    };
  });
}

describe('DeliveryLog', () => {
  it('should list the endpoint’s deliveries with their outcome, newest first', async () => {
    const log = deliveries([PENDING, FAILED, deliveryNode()]);
    renderIntegrationsPart(<DeliveryLog endpoint={endpoint} />, { mocks: [log.mock] });
    const table = await screen.findByRole('table', {
      name: 'Deliveries to https://erp.example.com/hooks/entry, newest first',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['event-3', 'Waiting', '0', 'Not yet'],
      ['event-2', 'Failed', '3', 'No answer'],
      ['event-1', 'Delivered', '1', '204'],
    ]);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Entry app user added', 'Site created', 'Test event (PING)']);
    // a waiting delivery is sent anyway: only the others can be sent again
    expect(within(table).getAllByRole('button', { name: /^Redeliver/ })).toHaveLength(2);
    expect(log.seen).toEqual([{ first: 10, after: null, status: null }]);
  });

  it('should ask for one status when filtered, and page on with the cursor', async () => {
    const log = deliveries([FAILED, deliveryNode()], { total: 25, hasNextPage: true });
    const { user } = renderIntegrationsPart(<DeliveryLog endpoint={endpoint} />, {
      locale: 'fr',
      mocks: [log.mock],
    });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    await vi.waitFor(() =>
      expect(log.seen).toContainEqual({ first: 10, after: 'cursor-1', status: null }),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'Échouée');
    await vi.waitFor(() =>
      expect(log.seen).toContainEqual({ first: 10, after: null, status: 'FAILED' }),
    );
    await vi.waitFor(() =>
      expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
        'Site créé',
      ]),
    );
  });

  it('should redeliver a delivery and say so, or say why not', async () => {
    const log = deliveries([FAILED]);
    let refuse = false;
    const redeliver = recorded(RedeliverWebhookMutation, () => ({
      redeliverWebhook: {
        __typename: 'WebhookDeliveryPayload',
        delivery: refuse ? null : deliveryNode({ id: 'delivery-9', status: 'PENDING' }),
        userErrors: refuse ? [userError(['deliveryId'], 'NOT_FOUND')] : [],
      },
    }));
    const { user } = renderIntegrationsPart(<DeliveryLog endpoint={endpoint} />, {
      mocks: [log.mock, redeliver.mock],
    });
    const again = await screen.findByRole('button', { name: /^Redeliver Site created of / });
    await user.click(again);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The event is sent again with the same event ID: a new row shows how it goes.',
    );
    expect(redeliver.seen).toEqual([{ deliveryId: 'delivery-2' }]);
    // the log is asked again, so the new row shows
    await vi.waitFor(() => expect(log.seen.length).toBeGreaterThanOrEqual(2));

    refuse = true;
    await user.click(screen.getByRole('button', { name: /^Redeliver Site created of / }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not found.');
  });

  it('should say when there is nothing to show', async () => {
    renderIntegrationsPart(<DeliveryLog endpoint={endpoint} />, {
      locale: 'sv',
      mocks: [deliveries([]).mock],
    });
    expect(await screen.findByText('Inga leveranser än.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
