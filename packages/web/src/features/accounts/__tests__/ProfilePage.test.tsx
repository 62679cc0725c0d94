import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn, signedInOperator } from '../../../test/renderApp';
import { UpdateMyProfileMutation } from '../operations';

const karin = { firstName: 'Karin', lastName: 'Lund', locale: 'nl' };

function profileAnswer(
  input: Record<string, string>,
  answer: { person?: Record<string, string>; errors?: unknown[] },
) {
  return {
    request: { query: UpdateMyProfileMutation, variables: { input } },
    result: {
      data: {
        updateMyProfile: {
          __typename: 'PersonPayload',
          person: answer.person ? { __typename: 'Person', id: 'person-1', ...answer.person } : null,
          userErrors: answer.errors ?? [],
        },
      },
    },
  };
}

describe('ProfilePage', () => {
  it('should save name and language and switch the interface to the new language', async () => {
    const saved = { firstName: 'Karin', lastName: 'Lund-Berg', locale: 'sv' };
    const { user, i18n } = renderApp({
      locale: 'nl',
      path: '/profile',
      mocks: [signedIn(karin), profileAnswer(saved, { person: saved })],
    });
    const lastName = await screen.findByLabelText(/^Achternaam/);
    expect(screen.getByLabelText(/^Taal van de portal en de e-mails/)).toHaveValue('nl');
    await user.clear(lastName);
    await user.type(lastName, ' Lund-Berg ');
    await user.selectOptions(screen.getByLabelText(/^Taal van de portal en de e-mails/), 'sv');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(i18n.resolvedLanguage).toBe('sv'));
    expect(await screen.findByRole('status')).toHaveTextContent('Dina uppgifter har sparats.');
    expect(screen.getByRole('heading', { level: 1, name: 'Din profil' })).toBeVisible();
    expect(await screen.findByText('Inloggad som Karin Lund-Berg')).toBeInTheDocument();
  });

  it('should refuse an empty name before sending and show server errors on their fields', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/profile',
      mocks: [
        signedIn(karin),
        profileAnswer(
          { firstName: 'K', lastName: 'Lund', locale: 'nl' },
          {
            errors: [
              {
                __typename: 'UserError',
                field: ['input', 'firstName'],
                code: 'TOO_LONG',
                message: 'Use at most 100 characters.',
              },
            ],
          },
        ),
      ],
    });
    const firstName = await screen.findByLabelText(/^First name/);
    await user.clear(firstName);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(firstName).toHaveFocus();
    expect(firstName).toHaveAccessibleDescription('Error: This field is required.');

    await user.type(firstName, 'K');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(firstName).toHaveAccessibleDescription('Error: Use at most 100 characters.'),
    );
  });

  it('should offer an operator the password change and sign-out but no company profile', async () => {
    renderApp({ locale: 'en', path: '/profile', mocks: [signedInOperator()] });
    expect(await screen.findByText('olle@vendor.example')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^First name/)).toBeNull();
    expect(screen.getByLabelText(/^Current password/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Sign out' })).toHaveLength(2);
  });

  it('should send a visitor to sign in first', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { router } = renderApp({ locale: 'en', path: '/profile' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Fprofile');
  });
});
