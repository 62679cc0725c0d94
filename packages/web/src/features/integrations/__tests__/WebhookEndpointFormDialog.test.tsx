import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WebhookEndpointFormDialog } from '../components/WebhookEndpointFormDialog';
import { UpdateWebhookEndpointMutation } from '../operations';
import { CreateWebhookEndpointMutation } from '../dialog-operations';
import { endpointNode, recorded, renderIntegrationsPart, userError } from './integrations-mocks';

function createAnswer(userErrors: object[] = []) {
  return recorded(CreateWebhookEndpointMutation, () => ({
    createWebhookEndpoint: {
      __typename: 'WebhookEndpointPayload',
      webhookEndpoint: userErrors.length ? null : endpointNode(),
      secret: userErrors.length ? null : 'whsec_c2VjcmV0',
      userErrors,
    },
  }));
}

describe('WebhookEndpointFormDialog', () => {
  it('should group the events and offer invoice events to a payment admin', async () => {
    const create = createAnswer();
    const onSaved = vi.fn();
    const { user } = renderIntegrationsPart(
      <WebhookEndpointFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onSaved={onSaved} />,
      { mocks: [create.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    // the fieldset, and a group per subject: sites, Entry app users, people, invoices
    expect(within(dialog).getAllByRole('group')).toHaveLength(5);
    const invoices = within(dialog).getByRole('group', { name: 'Invoices' });
    expect(within(invoices).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(dialog).queryByRole('checkbox', { name: /PING/ })).toBeNull();

    await user.type(
      within(dialog).getByRole('textbox', { name: /^Endpoint URL/ }),
      ' https://erp.example.com/hooks/entry ',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Site created' }));
    await user.click(within(invoices).getByRole('checkbox', { name: 'Invoice paid' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![1]).toBe('whsec_c2VjcmV0');
    expect(create.seen).toEqual([
      {
        input: {
          url: 'https://erp.example.com/hooks/entry',
          description: null,
          events: ['SITE_CREATED', 'INVOICE_PAID'],
          enabled: true,
        },
      },
    ]);
  });

  it('should not offer invoice events to a system admin, and say who may', async () => {
    renderIntegrationsPart(
      <WebhookEndpointFormDialog level="SYSTEM_ADMIN" onClose={() => {}} onSaved={() => {}} />,
      { locale: 'sv' },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till en webhook-slutpunkt' });
    expect(within(dialog).queryByRole('group', { name: 'Fakturor' })).toBeNull();
    expect(within(dialog).queryByRole('checkbox', { name: /^Faktura/ })).toBeNull();
    expect(within(dialog).getAllByRole('checkbox', { name: /Anläggning/ })).toHaveLength(4);
    expect(
      within(dialog).getByText(/Endast en Betalningsadmin kan prenumerera på fakturahändelser\./),
    ).toBeInTheDocument();
  });

  it('should keep a colleague’s invoice events visible to a system admin, who may untick them', async () => {
    const update = recorded(UpdateWebhookEndpointMutation, (variables) => ({
      updateWebhookEndpoint: {
        __typename: 'WebhookEndpointPayload',
        webhookEndpoint: endpointNode((variables as { input: Record<string, unknown> }).input),
        userErrors: [],
      },
    }));
    const onSaved = vi.fn();
    const endpoint = endpointNode({ events: ['SITE_CREATED', 'INVOICE_PAID'] });
    const { user } = renderIntegrationsPart(
      <WebhookEndpointFormDialog
        level="SYSTEM_ADMIN"
        endpoint={endpoint as never}
        onClose={() => {}}
        onSaved={onSaved}
      />,
      { mocks: [update.mock] },
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit the endpoint https://erp.example.com/hooks/entry',
    });
    expect(within(dialog).getByRole('textbox', { name: /^Description/ })).toHaveValue('Our ERP');
    const paid = within(dialog).getByRole('checkbox', { name: 'Invoice paid' });
    expect(paid).toBeChecked();
    // Saved as it is, the shared rule refuses it before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(paid).toHaveAccessibleDescription(
      /Only a payment admin may subscribe to invoice events\./,
    );
    expect(update.seen).toEqual([]);
    await user.click(paid);
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Send events to this endpoint' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![1]).toBeNull();
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
  });

  it('should word a refused URL by its reason, from the form and from the server', async () => {
    const create = createAnswer([
      userError(['input', 'url'], 'INVALID', { reason: 'PRIVATE_ADDRESS' }),
    ]);
    const { user } = renderIntegrationsPart(
      <WebhookEndpointFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onSaved={() => {}} />,
      { locale: 'nl', mocks: [create.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Een webhook-endpoint toevoegen' });
    const url = within(dialog).getByRole('textbox', { name: /^Endpoint-URL/ });
    await user.type(url, 'https://admin:geheim@erp.voorbeeld.nl/hooks');
    await user.click(within(dialog).getByRole('button', { name: 'Endpoint toevoegen' }));
    expect(url).toHaveAccessibleDescription(/Laat gebruikersnaam en wachtwoord weg uit het adres/);
    expect(
      within(dialog).getByRole('checkbox', { name: 'Locatie aangemaakt' }),
    ).toHaveAccessibleDescription(/Kies ten minste één gebeurtenis\./);
    expect(create.seen).toEqual([]);

    await user.clear(url);
    await user.type(url, 'https://10.0.0.8/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Locatie aangemaakt' }));
    await user.click(within(dialog).getByRole('button', { name: 'Endpoint toevoegen' }));
    await vi.waitFor(() =>
      expect(url).toHaveAccessibleDescription(/Dit adres wijst naar een privé- of lokaal netwerk/),
    );
    expect(url).toHaveFocus();
    expect(create.seen).toHaveLength(1);
  });
});
