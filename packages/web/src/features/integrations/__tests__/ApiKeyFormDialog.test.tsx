import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiKeyFormDialog } from '../components/ApiKeyFormDialog';
import { endOfDay } from '../key-expiry';
import { CreateApiKeyMutation } from '../dialog-operations';
import { apiKeyNode, recorded, renderIntegrationsPart, userError } from './integrations-mocks';

function createAnswer(answer: { userErrors?: object[]; secret?: string } = {}) {
  return recorded(CreateApiKeyMutation, () => ({
    createApiKey: {
      __typename: 'ApiKeyPayload',
      apiKey: answer.userErrors?.length ? null : apiKeyNode({ name: 'ERP' }),
      secret: answer.userErrors?.length ? null : (answer.secret ?? 'epk_secret'),
      userErrors: answer.userErrors ?? [],
    },
  }));
}

describe('ApiKeyFormDialog', () => {
  it('should offer every scope to a payment admin and send the key with its end-of-day expiry', async () => {
    const create = createAnswer({ secret: 'epk_new_secret' });
    const onCreated = vi.fn();
    const { user } = renderIntegrationsPart(
      <ApiKeyFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onCreated={onCreated} />,
      { mocks: [create.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    const scopes = within(dialog).getByRole('group', { name: /What the key may do/ });
    expect(within(scopes).getAllByRole('checkbox')).toHaveLength(4);
    expect(within(dialog).queryByText(/Only a Payment admin can give/)).toBeNull();

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), '  ERP  ');
    await user.click(within(dialog).getByRole('checkbox', { name: /^Change sites/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^Read invoices/ }));
    const expiry = within(dialog).getByLabelText(/^Expires on/);
    await user.type(expiry, '2099-03-31');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]![1]).toBe('epk_new_secret');
    expect(create.seen).toEqual([
      {
        input: {
          name: 'ERP',
          scopes: ['SITES_WRITE', 'INVOICES_READ'],
          // no site chosen: every site, not a key limited to none
          siteIds: null,
          expiresAt: endOfDay('2099-03-31')!.toISOString(),
        },
      },
    ]);
  });

  it('should not offer invoices to a system admin, and say who may', async () => {
    renderIntegrationsPart(
      <ApiKeyFormDialog level="SYSTEM_ADMIN" onClose={() => {}} onCreated={() => {}} />,
      { locale: 'fr' },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Créer une clé d’API' });
    const scopes = within(dialog).getByRole('group', { name: /Ce que la clé peut faire/ });
    expect(
      within(scopes)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).value),
    ).toEqual(['SITES_READ', 'SITES_WRITE', 'PEOPLE_READ']);
    expect(
      within(dialog).getByText(
        /Seul un Administrateur des paiements peut donner à une clé l’accès aux factures\./,
      ),
    ).toBeInTheDocument();
  });

  it('should word the shared rules at their fields and send nothing when the form is empty', async () => {
    const create = createAnswer();
    const { user } = renderIntegrationsPart(
      <ApiKeyFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onCreated={() => {}} />,
      { locale: 'sv', mocks: [create.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Skapa en API-nyckel' });
    await user.type(within(dialog).getByLabelText(/^Upphör den/), '2001-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Skapa nyckel' }));
    const name = within(dialog).getByRole('textbox', { name: /^Namn/ });
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(/Fältet är obligatoriskt\./);
    expect(
      within(dialog).getByRole('checkbox', { name: /^Läsa anläggningar/ }),
    ).toHaveAccessibleDescription(/Välj minst en sak som nyckeln får göra\./);
    expect(within(dialog).getByLabelText(/^Upphör den/)).toHaveAccessibleDescription(
      /Välj ett datum i framtiden/,
    );
    expect(create.seen).toEqual([]);
  });

  it('should show the server’s refusals at their field and in the alert, in the language shown', async () => {
    const create = createAnswer({
      userErrors: [
        userError(['input', 'scopes'], 'FORBIDDEN_SCOPE'),
        userError(['input'], 'LIMIT_REACHED', { max: '50' }),
      ],
    });
    const onCreated = vi.fn();
    const { user } = renderIntegrationsPart(
      <ApiKeyFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onCreated={onCreated} />,
      { locale: 'nl', mocks: [create.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Een API-sleutel aanmaken' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Naam/ }), 'ERP');
    await user.click(within(dialog).getByRole('checkbox', { name: /^Facturen lezen/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Sleutel aanmaken' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Uw bedrijf heeft al het maximale aantal (50). Verwijder er eerst een.',
    );
    expect(
      within(dialog).getByRole('checkbox', { name: /^Facturen lezen/ }),
    ).toHaveAccessibleDescription(/Alleen een systeembeheerder mag een sleutel toegang/);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('should say the request failed and keep what was typed when the network fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = renderIntegrationsPart(
      <ApiKeyFormDialog level="PAYMENT_ADMIN" onClose={() => {}} onCreated={() => {}} />,
      {
        mocks: [
          {
            request: { query: CreateApiKeyMutation, variables: () => true },
            error: new Error('offline'),
          },
        ],
      },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'ERP');
    await user.click(within(dialog).getByRole('checkbox', { name: /^Read people/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That did not work. Check your connection and try again.',
    );
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue('ERP');
  });
});
