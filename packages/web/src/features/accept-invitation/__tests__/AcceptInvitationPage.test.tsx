import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymous, renderApp } from '../../../test/renderApp';
import { AcceptInvitationMutation } from '../operations';

const PASSWORD = 'copper kettles beside the quay';

function accept(payload: Record<string, unknown>, calls: unknown[] = []) {
  return {
    request: { query: AcceptInvitationMutation, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      calls.push(variables);
      return {
        data: {
          acceptInvitation: {
            __typename: 'SignInPayload',
            person: null,
            userErrors: [],
            ...payload,
          },
        },
      };
    },
  };
}

async function fillPasswords(user: ReturnType<typeof renderApp>['user'], password = PASSWORD) {
  await user.type(
    await screen.findByLabelText(/^New password/, undefined, { timeout: 5000 }),
    password,
  );
  await user.type(screen.getByLabelText(/^Repeat the new password/), password);
}

describe('AcceptInvitationPage', { timeout: 15_000 }, () => {
  it('should set the password, sign in and go home when the link is valid', async () => {
    const calls: unknown[] = [];
    const { user, router } = renderApp({
      locale: 'en',
      path: '/accept-invitation?token=tok-123',
      mocks: [
        anonymous(),
        accept(
          {
            person: {
              __typename: 'Person',
              id: 'p-daisy',
              firstName: 'Daisy',
              lastName: 'Burton',
              email: 'daisy@email.co.uk',
              locale: 'en',
              mustChangePassword: false,
              mustEnrollMfa: false,
            },
          },
          calls,
        ),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accept your invitation' }),
    ).toBeVisible();
    await fillPasswords(user);
    await user.click(screen.getByRole('button', { name: 'Save password and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'), { timeout: 5000 });
    expect(calls).toEqual([{ token: 'tok-123', password: PASSWORD }]);
  });

  it('should say clearly that the link no longer works and whom to ask', async () => {
    const { user } = renderApp({
      locale: 'fr',
      path: '/accept-invitation?token=used',
      mocks: [
        anonymous(),
        accept({
          userErrors: [
            { __typename: 'UserError', field: ['token'], code: 'INVALID_TOKEN', message: 'x' },
          ],
        }),
      ],
    });
    await user.type(
      await screen.findByLabelText(/^Nouveau mot de passe/, undefined, { timeout: 5000 }),
      PASSWORD,
    );
    await user.type(screen.getByLabelText(/^Répétez le nouveau mot de passe/), PASSWORD);
    await user.click(
      screen.getByRole('button', { name: 'Enregistrer le mot de passe et se connecter' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Ce lien d'invitation ne fonctionne plus");
    expect(alert).toHaveTextContent(
      'Demandez au collègue qui vous a invité de vous envoyer une nouvelle invitation.',
    );
    expect(within(alert).getByRole('link', { name: 'Se connecter' })).toHaveAttribute(
      'href',
      '/sign-in',
    );
    expect(alert).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Enregistrer/ })).not.toBeInTheDocument();
  });

  it("should put the server's password refusal on the new password field", async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/accept-invitation?token=tok',
      mocks: [
        anonymous(),
        accept({
          userErrors: [
            {
              __typename: 'UserError',
              field: ['password'],
              code: 'WEAK_PASSWORD',
              message: 'Do not use your name or email address in your password.',
            },
          ],
        }),
      ],
    });
    await fillPasswords(user, 'daisy burton forever 2026');
    await user.click(screen.getByRole('button', { name: 'Save password and sign in' }));
    const field = screen.getByLabelText(/^New password/);
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(
      /Do not use your name or email address in your password\./,
    );
  });

  it('should explain an incomplete link without a form', async () => {
    renderApp({ locale: 'nl', path: '/accept-invitation' });
    expect(await screen.findByRole('alert', undefined, { timeout: 5000 })).toHaveTextContent(
      'Deze link is onvolledig.',
    );
    expect(screen.queryByRole('button', { name: /Wachtwoord opslaan/ })).not.toBeInTheDocument();
  });
});
