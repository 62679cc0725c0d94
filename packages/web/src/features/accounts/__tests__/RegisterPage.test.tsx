import type { MockLink } from '@apollo/client/testing';
import { userErrorMessage } from '@entry/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anonymous, renderApp } from '../../../test/renderApp';
import { RegisterMutation } from '../operations';

type Variables = { input: Record<string, unknown> };

function registerAnswer(
  answer: {
    userErrors?: { field: string[]; code: string; message: string }[];
  },
  onCall: (variables: Variables) => void = () => {},
  delay = 0,
): MockLink.MockedResponse {
  return {
    request: { query: RegisterMutation, variables: () => true },
    delay,
    result: (variables: Variables) => {
      onCall(variables);
      return {
        data: {
          register: {
            __typename: 'RegisterPayload',
            userErrors: (answer.userErrors ?? []).map((error) => ({
              __typename: 'UserError',
              ...error,
            })),
          },
        },
      };
    },
  };
}

function browserLanguages(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

async function openRegister(
  locale: 'en' | 'sv' | 'nl' | 'fr',
  mocks: MockLink.MockedResponse[] = [],
) {
  const view = renderApp({ locale, path: '/register', mocks: [anonymous(), ...mocks] });
  await screen.findByRole('heading', { level: 1 });
  return view;
}

/** The text a screen reader reads with the control: its aria-describedby targets. */
function description(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

describe('RegisterPage', () => {
  it('should mark every missing field with the shared words and focus the first when submitted empty', async () => {
    browserLanguages('en');
    const register = vi.fn();
    const { user } = await openRegister('en', [registerAnswer({}, register)]);
    await user.click(screen.getByRole('button', { name: 'Register' }));

    const required = userErrorMessage({ field: ['input', 'companyName'], code: 'REQUIRED' }, 'en');
    expect(screen.getByRole('radio', { name: /^Installer/ })).toHaveFocus();
    for (const label of [
      'Company name',
      'Company address',
      'First name',
      'Last name',
      'Email address',
      'Country',
    ]) {
      const control = screen.getByLabelText(new RegExp(`^${label}`));
      expect(control, label).toHaveAttribute('aria-invalid', 'true');
      expect(description(control), label).toContain(required);
    }
    expect(screen.getByLabelText(/^Company phone/)).not.toHaveAttribute('aria-invalid');
    expect(register).not.toHaveBeenCalled();
  });

  it('should check a field when it is left and clear the message as soon as it is right', async () => {
    browserLanguages('sv-SE');
    const { user } = await openRegister('sv');
    const email = screen.getByLabelText(/^E-postadress/);
    await user.type(email, 'anna@');
    await user.tab();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(description(email)).toContain('Ange en e-postadress som namn@exempel.se.');
    await user.type(email, 'berg.se');
    expect(email).not.toHaveAttribute('aria-invalid');
    // The browser's region chose the country.
    expect(screen.getByLabelText(/^Land/)).toHaveValue('SE');
  });

  it('should offer both account types with the helper and the monthly payment note when the page opens', async () => {
    const { user } = await openRegister('fr');
    expect(screen.getByRole('radio', { name: /^Installateur/ })).toBeInTheDocument();
    const manager = screen.getByRole('radio', { name: /^Gestionnaire de système/ });
    expect(description(manager)).toContain('la carte est débitée le 1er de chaque mois');
    await user.click(screen.getByText('Vous ne savez pas à quelle catégorie vous appartenez ?'));
    expect(screen.getByText('Vous êtes gestionnaire de système.')).toBeVisible();
  });

  it("should put the server's userErrors under their fields and the rest above the form", async () => {
    browserLanguages('nl-NL');
    const { user } = await openRegister('nl', [
      registerAnswer({
        userErrors: [
          {
            field: ['input', 'email'],
            code: 'INVALID',
            message: userErrorMessage({ field: ['input', 'email'], code: 'INVALID' }, 'nl'),
          },
          { field: ['input', 'locale'], code: 'INVALID', message: 'Kies Engels, …' },
        ],
      }),
    ]);
    await fillValidForm(user, 'nl');
    await user.click(screen.getByRole('button', { name: 'Registreer' }));

    const email = await screen.findByLabelText(/^E-mailadres/);
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(description(email)).toContain(
      userErrorMessage({ field: ['input', 'email'], code: 'INVALID' }, 'nl'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Kies Engels, Nederlands, Zweeds of Frans.',
    );
  });

  it('should send the registration in the interface language, disable the button meanwhile and show the request-received page', async () => {
    browserLanguages('sv-SE');
    const register = vi.fn();
    const { user, router } = await openRegister('sv', [registerAnswer({}, register, 50)]);
    await fillValidForm(user, 'sv');
    await user.type(screen.getByLabelText(/^Momsregistreringsnummer/), 'se 5566 7788 9901');
    await user.click(screen.getByRole('button', { name: 'Slutför' }));
    expect(screen.getByRole('button', { name: 'Skickar…' })).toBeDisabled();

    await waitFor(() => expect(router.state.location.pathname).toBe('/register/received'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Begäran mottagen' }),
    ).toBeVisible();
    expect(screen.getByText(/anna@berg\.se/)).toBeVisible();
    expect(register).toHaveBeenCalledWith({
      input: {
        type: 'INSTALLER',
        country: 'SE',
        companyName: 'Berg Porttelefoni AB',
        companyAddress: 'Storgatan 1',
        companyPhone: null,
        vatNumber: 'SE556677889901',
        firstName: 'Anna',
        lastName: 'Berg',
        email: 'anna@berg.se',
        phone: null,
        locale: 'sv',
      },
    });
  });

  it('should say so above the form when the request fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    browserLanguages('en-GB');
    const { user } = await openRegister('en', [
      { request: { query: RegisterMutation, variables: () => true }, error: new Error('offline') },
    ]);
    await fillValidForm(user, 'en');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side');
    expect(alert).toHaveFocus();
    expect(within(alert).queryByRole('link')).toBeNull();
  });
});

const LABELS = {
  en: ['Installer', 'Company name', 'Company address', 'First name', 'Last name', 'Email address'],
  nl: [
    'Installateur',
    'Bedrijfsnaam',
    'Adres van het bedrijf',
    'Voornaam',
    'Achternaam',
    'E-mailadres',
  ],
  sv: [
    'Installatör',
    'Företagets namn',
    'Företagets adress',
    'Förnamn',
    'Efternamn',
    'E-postadress',
  ],
  fr: [
    'Installateur',
    "Nom de l'entreprise",
    "Adresse de l'entreprise",
    'Prénom',
    'Nom',
    'Adresse e-mail',
  ],
} as const;

async function fillValidForm(
  user: ReturnType<typeof renderApp>['user'],
  locale: keyof typeof LABELS,
) {
  const [type, company, address, first, last, email] = LABELS[locale];
  await user.click(screen.getByRole('radio', { name: new RegExp(`^${type}`) }));
  await user.type(screen.getByLabelText(new RegExp(`^${company}`)), 'Berg Porttelefoni AB');
  await user.type(screen.getByLabelText(new RegExp(`^${address}`)), 'Storgatan 1');
  await user.type(screen.getByLabelText(new RegExp(`^${first}`)), 'Anna');
  await user.type(screen.getByLabelText(new RegExp(`^${last}`)), 'Berg');
  await user.type(screen.getByLabelText(new RegExp(`^${email}`)), 'anna@berg.se');
}
