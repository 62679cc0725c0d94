import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  anonymous,
  operatorData,
  personData,
  renderApp,
  signedIn,
  signedInOperator,
  type TestPerson,
} from '../../../test/renderApp';
import { SignInMutation, VerifyMfaMutation } from '../operations';
import { destinationAfterSignIn } from '../sign-in-destination';

type SignInResult = {
  person?: TestPerson;
  operator?: boolean;
  /** two-factor sign-in is on: the challenge instead of a session */
  mfaChallenge?: string;
  userErrors?: { field: string[]; code: string; message: string }[];
};

function signInAnswer({
  person,
  operator,
  mfaChallenge,
  userErrors = [],
}: SignInResult): MockLink.MockedResponse {
  return {
    request: {
      query: SignInMutation,
      variables: { email: 'karin@lund.se', password: 'the password' },
    },
    result: {
      data: {
        signIn: {
          __typename: 'SignInPayload',
          person: person ? personData(person) : null,
          operator: operator ? operatorData() : null,
          mfaRequired: Boolean(mfaChallenge),
          mfaChallenge: mfaChallenge ?? null,
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

/** verifyMfa's answer for the challenge `chal-1` and this code. */
function verifyAnswer(
  code: string,
  { person, userErrors = [] }: Pick<SignInResult, 'person' | 'userErrors'>,
): MockLink.MockedResponse {
  return {
    request: { query: VerifyMfaMutation, variables: { challenge: 'chal-1', code } },
    result: {
      data: {
        verifyMfa: {
          __typename: 'SignInPayload',
          person: person ? personData(person) : null,
          operator: null,
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

const karin: TestPerson = { firstName: 'Karin', lastName: 'Lund' };

async function signInWith(
  mocks: MockLink.MockedResponse[],
  { path = '/sign-in', locale = 'en' as const } = {},
) {
  const view = renderApp({ locale, path, mocks: [anonymous(1), ...mocks] });
  const { user } = view;
  await user.type(await screen.findByLabelText(/^Email address/), 'karin@lund.se');
  await user.type(screen.getByLabelText(/^Password/), 'the password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return view;
}

describe('SignInPage', () => {
  it('should go home and show the name when a person signs in', async () => {
    const { router } = await signInWith([signInAnswer({ person: karin }), signedIn(karin)]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('Signed in as Karin Lund')).toBeInTheDocument();
    expect(screen.getByRole('navigation').textContent).toContain('Sign out');
  });

  it('should show the form before Apollo Client is loaded, load it once the form is used, and sign in', async () => {
    const view = renderApp({
      locale: 'en',
      path: '/sign-in',
      bootstrap: { me: null, currentOperator: null },
      mocks: [signInAnswer({ person: karin }), signedIn(karin)],
    });
    const email = await screen.findByLabelText(/^Email address/);
    expect(view.apolloStarted()).toBe(false);
    await view.user.type(email, 'karin@lund.se');
    expect(view.apolloStarted()).toBe(true);
    await view.user.type(screen.getByLabelText(/^Password/), 'the password');
    await view.user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(view.router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('Signed in as Karin Lund')).toBeInTheDocument();
  });

  it('should go to choose a password when the person signed in with a temporary one', async () => {
    const temporary = { ...karin, mustChangePassword: true };
    const { router } = await signInWith(
      [signInAnswer({ person: temporary }), signedIn(temporary)],
      { path: '/sign-in?next=%2Fpayment' },
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/choose-password'));
    expect(await screen.findByLabelText(/^Temporary password/)).toBeInTheDocument();
  });

  it('should open the operator console when an operator signs in', async () => {
    const { router } = await signInWith([signInAnswer({ operator: true }), signedInOperator()]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/operator'));
  });

  it('should return to the page that asked for signing in when it is one of ours', async () => {
    const { router } = await signInWith([signInAnswer({ person: karin }), signedIn(karin)], {
      path: '/sign-in?next=%2Fprofile',
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
  });

  it("should switch to the person's own language when it differs from the page's", async () => {
    const swedish = { ...karin, locale: 'sv' };
    const { i18n } = await signInWith([signInAnswer({ person: swedish }), signedIn(swedish)]);
    await waitFor(() => expect(i18n.resolvedLanguage).toBe('sv'));
    expect(await screen.findByText('Inloggad som Karin Lund')).toBeInTheDocument();
  });

  it('should say the credentials are wrong above the form and mark both fields when the server refuses', async () => {
    const { router } = await signInWith([
      signInAnswer({
        userErrors: [
          {
            field: ['password'],
            code: 'INVALID_CREDENTIALS',
            message: 'The email address or password is not correct.',
          },
        ],
      }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The email address or password is not correct.');
    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveValue('');
    for (const control of [screen.getByLabelText(/^Email address/), password]) {
      expect(control).toHaveAttribute('aria-invalid', 'true');
      expect(control.getAttribute('aria-describedby')).toContain(alert.id);
    }
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it("should show the server's wait time when there were too many attempts", async () => {
    await signInWith([
      signInAnswer({
        userErrors: [
          {
            field: ['password'],
            code: 'THROTTLED',
            message: 'Too many attempts. Try again in 12 minutes.',
          },
        ],
      }),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 12 minutes.',
    );
  });

  it('should offer to ask for a new password when the temporary one is spent', async () => {
    await signInWith([
      signInAnswer({
        userErrors: [{ field: ['password'], code: 'INVALID_TOKEN', message: 'spent' }],
      }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This link or temporary password is no longer valid. Ask for a new one.',
    );
    expect(within(alert).getByRole('link', { name: 'Ask for a new password' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('should check the fields before sending when they are empty or malformed', async () => {
    const { user } = renderApp({ locale: 'fr', path: '/sign-in' });
    await user.type(await screen.findByLabelText(/^Adresse e-mail/), 'karin@');
    await user.click(screen.getByRole('button', { name: 'Connexion' }));
    const email = screen.getByLabelText(/^Adresse e-mail/);
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription(
      'Erreur : Saisissez une adresse e-mail du type nom@exemple.fr.',
    );
    expect(screen.getByLabelText(/^Mot de passe/)).toHaveAccessibleDescription(
      'Erreur : Ce champ est obligatoire.',
    );
  });
});

describe('destinationAfterSignIn', () => {
  const person = { mustChangePassword: false };
  it('should never follow a next that leaves the app', () => {
    for (const next of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:x',
    ])
      expect(destinationAfterSignIn({ person, operator: null }, next)).toBe('/');
    expect(destinationAfterSignIn({ person: null, operator: { id: 'o' } }, '//evil')).toBe(
      '/operator',
    );
  });

  it('should send a temporary password to choose a new one whatever next says', () => {
    expect(
      destinationAfterSignIn({ person: { mustChangePassword: true }, operator: null }, '/sites'),
    ).toBe('/choose-password');
  });
});

describe("SignInPage's second step (two-factor sign-in)", () => {
  it('should ask for the code from the app when the password was right, and sign in with it', async () => {
    const { user, router } = await signInWith([
      signInAnswer({ mfaChallenge: 'chal-1' }),
      verifyAnswer('123456', { person: karin }),
      signedIn(karin),
    ]);
    const code = await screen.findByLabelText(/^Code from your authenticator app/);
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(screen.queryByLabelText(/^Password/)).toBeNull();
    // spaces as some apps show the code are left out
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('Signed in as Karin Lund')).toBeInTheDocument();
  });

  it('should take a recovery code instead when the person asks for it', async () => {
    const { user, router } = await signInWith([
      signInAnswer({ mfaChallenge: 'chal-1' }),
      verifyAnswer('abcd-efgh-jkmn', { person: karin }),
      signedIn(karin),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = screen.getByLabelText(/^Recovery code/);
    expect(recovery).toHaveFocus();
    expect(recovery).toHaveAttribute('autocomplete', 'off');
    await user.type(recovery, ' abcd-efgh-jkmn ');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('should refuse a code that is not 6 digits before sending it', async () => {
    const { user } = await signInWith([signInAnswer({ mfaChallenge: 'chal-1' })]);
    const code = await screen.findByLabelText(/^Code from your authenticator app/);
    await user.type(code, '12345');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining('Enter the 6 digits your authenticator app shows.'),
    );
    expect(code).toHaveFocus();
  });

  it('should say a wrong code under the field, and go back to the password when the sign-in expired', async () => {
    const { user, router } = await signInWith([
      signInAnswer({ mfaChallenge: 'chal-1' }),
      verifyAnswer('111111', {
        userErrors: [{ field: ['code'], code: 'INVALID_CODE', message: 'wrong' }],
      }),
      verifyAnswer('222222', {
        userErrors: [{ field: ['challenge'], code: 'MFA_CHALLENGE_EXPIRED', message: 'expired' }],
      }),
    ]);
    const code = await screen.findByLabelText(/^Code from your authenticator app/);
    await user.type(code, '111111');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription(
        expect.stringContaining('This code is not correct or was used already.'),
      ),
    );
    expect(code).toHaveValue('');
    await user.type(code, '222222');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This sign-in has expired. Sign in again with your email address and password.',
    );
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('should send someone the company requires two-factor sign-in of to set it up', () => {
    expect(
      destinationAfterSignIn(
        { person: { mustChangePassword: false, mustEnrollMfa: true }, operator: null },
        '/sites',
      ),
    ).toBe('/set-up-two-factor');
    expect(
      destinationAfterSignIn({ person: null, operator: { id: 'o', mustEnrollMfa: true } }, null),
    ).toBe('/set-up-two-factor');
  });
});
