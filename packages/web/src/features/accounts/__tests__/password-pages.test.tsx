import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { TermsOfServiceQuery } from '../../payment/operations';
import { anonymous, renderApp, signedIn } from '../../../test/renderApp';
import {
  ChangePasswordMutation,
  RequestPasswordResetMutation,
  ResetPasswordMutation,
} from '../operations';

const temporary = { firstName: 'Karin', lastName: 'Lund', mustChangePassword: true };
const TEMP = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';

function userErrors(errors: { field: string[]; code: string; message: string }[]) {
  return errors.map((error) => ({ __typename: 'UserError', ...error }));
}

function changePasswordAnswer(
  newPassword: string,
  errors: { field: string[]; code: string; message: string }[] = [],
): MockLink.MockedResponse {
  return {
    request: { query: ChangePasswordMutation, variables: { currentPassword: TEMP, newPassword } },
    result: {
      data: {
        changePassword: {
          __typename: 'PersonPayload',
          person: errors.length
            ? null
            : { __typename: 'Person', id: 'person-1', mustChangePassword: false },
          userErrors: userErrors(errors),
        },
      },
    },
  };
}

/** Fills in the temporary password and a new one twice, and saves. */
async function choose(user: ReturnType<typeof renderApp>['user'], password: string) {
  await user.type(await screen.findByLabelText(/^Temporary password/), TEMP);
  await user.type(screen.getByLabelText(/^New password/), password);
  await user.type(screen.getByLabelText(/^Repeat the new password/), password);
  await user.click(screen.getByRole('button', { name: 'Save and continue' }));
}

describe('ChoosePasswordPage', () => {
  it('should refuse a weak password on the field itself and not send it', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/choose-password',
      mocks: [signedIn(temporary)],
    });
    await user.type(await screen.findByLabelText(/^Temporary password/), TEMP);
    const newPassword = screen.getByLabelText(/^New password/);
    await user.type(newPassword, 'karinlund2024');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'karinlund2024');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(newPassword).toHaveFocus();
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveAccessibleDescription(
      /^Error: Do not use your name or email address in your password\./,
    );
  });

  it('should say when the two new passwords differ', async () => {
    const { user } = renderApp({
      locale: 'sv',
      path: '/choose-password',
      mocks: [signedIn(temporary)],
    });
    await user.type(await screen.findByLabelText(/^Tillfälligt lösenord/), TEMP);
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'blue lanterns by the harbour');
    const confirm = screen.getByLabelText(/^Upprepa det nya lösenordet/);
    await user.type(confirm, 'blue lanterns by the harbor');
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription('Fel: De två lösenorden är inte likadana.');
  });

  it("should show the server's refusals on the right fields", async () => {
    const strong = 'blue lanterns by the harbour';
    const { user } = renderApp({
      locale: 'en',
      path: '/choose-password',
      mocks: [
        signedIn(temporary),
        changePasswordAnswer(strong, [
          { field: ['currentPassword'], code: 'WRONG_PASSWORD', message: 'wrong' },
          { field: ['newPassword'], code: 'WEAK_PASSWORD', message: 'On the common list.' },
        ]),
      ],
    });
    await choose(user, strong);
    const current = screen.getByLabelText(/^Temporary password/);
    await waitFor(() => expect(current).toHaveFocus());
    expect(current).toHaveAccessibleDescription(/^Error: Your current password is not correct\./);
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(
      /^Error: On the common list\./,
    );
  });

  it('should let the person in and go home when the new password is saved', async () => {
    const strong = 'blue lanterns by the harbour';
    const { user, router } = renderApp({
      locale: 'en',
      path: '/choose-password',
      mocks: [signedIn(temporary), changePasswordAnswer(strong)],
    });
    await choose(user, strong);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const nav = within(screen.getByRole('navigation'));
    expect(await nav.findByRole('link', { name: 'Sites' })).toBeInTheDocument();
  });

  it('should send a visitor who is not signed in to sign in first', async () => {
    const { router } = renderApp({ locale: 'en', path: '/choose-password' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Fchoose-password');
  });
});

describe('auth errors from any request', () => {
  it('should go to choose a password when the server answers PASSWORD_CHANGE_REQUIRED', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { router } = renderApp({
      locale: 'en',
      path: '/payment',
      mocks: [
        // `me` says nothing yet (an old answer); the server refuses the page's request.
        anonymous(1),
        signedIn(temporary),
        {
          request: { query: TermsOfServiceQuery, variables: { locale: 'en' } },
          result: {
            errors: [
              new GraphQLError('Choose a new password before you continue.', {
                extensions: { code: 'PASSWORD_CHANGE_REQUIRED' },
              }),
            ],
          },
        },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/choose-password'));
  });
});

describe('ForgotPasswordPage', () => {
  it('should say a link is on its way whether or not the address is known', async () => {
    const { user } = renderApp({
      locale: 'nl',
      path: '/forgot-password',
      mocks: [
        anonymous(),
        {
          request: {
            query: RequestPasswordResetMutation,
            variables: { email: 'iemand@voorbeeld.nl' },
          },
          result: { data: { requestPasswordReset: true } },
        },
      ],
    });
    await user.type(await screen.findByLabelText(/^E-mailadres/), ' iemand@voorbeeld.nl ');
    await user.click(screen.getByRole('button', { name: 'Link versturen' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Controleer uw e-mail' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Als iemand@voorbeeld.nl bij een account hoort, hebben we daarheen een link gestuurd om een nieuw wachtwoord te kiezen.',
      ),
    ).toBeInTheDocument();
  });
});

describe('ResetPasswordPage', () => {
  const strong = 'blue lanterns by the harbour';

  function resetAnswer(errors: { field: string[]; code: string; message: string }[]) {
    return {
      request: { query: ResetPasswordMutation, variables: { token: 'tok-1', newPassword: strong } },
      result: {
        data: { resetPassword: { __typename: 'PersonPayload', userErrors: userErrors(errors) } },
      },
    };
  }

  async function submitReset(errors: { field: string[]; code: string; message: string }[]) {
    const view = renderApp({
      locale: 'fr',
      path: '/reset-password?token=tok-1',
      mocks: [anonymous(), resetAnswer(errors)],
    });
    await view.user.type(await screen.findByLabelText(/^Nouveau mot de passe/), strong);
    await view.user.type(screen.getByLabelText(/^Répétez le nouveau mot de passe/), strong);
    await view.user.click(
      screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }),
    );
    return view;
  }

  it('should say the link is spent and offer a new one when the token is refused', async () => {
    await submitReset([{ field: ['token'], code: 'INVALID_TOKEN', message: 'x' }]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "Ce lien ou ce mot de passe temporaire n'est plus valable. Demandez-en un nouveau.",
    );
    await waitFor(() => expect(alert).toHaveFocus());
    expect(within(alert).getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('should confirm the change with a way to sign in when the new password is saved', async () => {
    await submitReset([]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Votre mot de passe a été modifié' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connexion' })).toHaveAttribute('href', '/sign-in');
  });

  it('should say the link is incomplete when it has no token', async () => {
    renderApp({ locale: 'en', path: '/reset-password' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is incomplete.');
  });
});
