import type { AccessLevelCode, Locale } from '@entry/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { InvitePersonMutation } from '../operations';
import { accessLevels, peopleList, peopleViewer, siteId, siteOptions } from './people-mocks';
import { saveAndExpectList } from './person-form-steps';

const camille = { firstName: 'Camille', lastName: 'Martin' };

type InviteResult = Record<string, unknown>;

function invite(answer: (variables: Record<string, unknown>) => InviteResult) {
  const calls: Record<string, unknown>[] = [];
  return {
    calls,
    mock: {
      request: { query: InvitePersonMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        calls.push(variables);
        return answer(variables);
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
  };
}

interface FormOptions {
  level?: AccessLevelCode;
  billingSetupComplete?: boolean;
  locale?: Locale;
  answer?: (variables: Record<string, unknown>) => InviteResult;
}

function openForm({
  level = 'PAYMENT_ADMIN',
  billingSetupComplete = true,
  locale = 'en',
  answer = () => ({ data: { invitePerson: { person: null, userErrors: [] } } }),
}: FormOptions = {}) {
  const mutation = invite(answer);
  const view = renderApp({
    locale,
    path: '/administrator/people/new',
    mocks: [
      signedIn(camille),
      peopleViewer(level, { billingSetupComplete }),
      accessLevels(locale),
      siteOptions(),
      peopleList([{ id: 'person-1', ...camille, level: 'PAYMENT_ADMIN' }]),
      mutation.mock,
    ],
  });
  return { ...view, calls: mutation.calls };
}

const textbox = (name: string) => screen.getByRole('textbox', { name });
const select = (name: string) => screen.getByRole('combobox', { name });

async function fillDetails(user: ReturnType<typeof openForm>['user']) {
  await user.type(textbox('First name'), 'Daisy');
  await user.type(textbox('Last name'), 'Burton');
  await user.type(textbox('Email'), 'daisyburton@email.co.uk');
}

async function chooseSites(user: ReturnType<typeof openForm>['user'], ...terms: string[]) {
  const sites = select('Sites');
  for (const term of terms) {
    await user.type(sites, term);
    // The list answers the whole term (not the first letters): one site left.
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox', { name: 'Sites' }))
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual([expect.stringMatching(new RegExp(term, 'i'))]),
    );
    await user.keyboard('{ArrowDown}{Enter}');
  }
}

/** Once the form is there: the details of a site admin with two sites. */
async function fillSiteAdmin(user: ReturnType<typeof openForm>['user']) {
  await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
  await fillDetails(user);
  await user.selectOptions(select('Access level'), 'SITE_ADMIN');
  await chooseSites(user, 'Grand', 'Harbour');
}

// Typing a whole form key by key through the app takes a few seconds.
describe('AddPersonPage', { timeout: 20_000 }, () => {
  it('should show the form of the French note with its breadcrumb, in French', async () => {
    openForm({ locale: 'fr' });
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Ajouter une nouvelle personne' },
        { timeout: 5000 },
      ),
    ).toBeVisible();
    const breadcrumb = screen.getByRole('navigation', { name: "Fil d'Ariane" });
    expect(within(breadcrumb).getByRole('link', { name: 'Personnes' })).toHaveAttribute(
      'href',
      '/administrator',
    );
    expect(within(breadcrumb).getByText('Ajouter une nouvelle personne')).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('group', { name: 'Détails' })).toBeVisible();
    for (const name of ['Prénom', 'Nom', 'E-mail'])
      expect(screen.getByRole('textbox', { name })).toBeRequired();
    expect(
      within(screen.getByRole('combobox', { name: "Niveau d'accès" }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      "Choisissez un niveau d'accès",
      'Administrateur des paiements',
      'Administrateur système',
      'Administrateur du site',
    ]);
    expect(screen.getByRole('link', { name: 'Annuler' })).toHaveAttribute('href', '/administrator');
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
    // The invitee's language starts as the one shown.
    expect(screen.getByRole('combobox', { name: "Langue de l'invitation" })).toHaveValue('fr');
  });

  it('should show every missing field and focus the first when saved empty', async () => {
    const { user, calls } = openForm();
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(textbox('First name')).toHaveFocus();
    for (const name of ['First name', 'Last name', 'Email'])
      expect(textbox(name)).toHaveAccessibleDescription(/This field is required\./);
    expect(select('Access level')).toHaveAccessibleDescription(/This field is required\./);
    expect(calls).toHaveLength(0);
  });

  it('should describe the chosen level under the dropdown', async () => {
    const { user } = openForm();
    const level = await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
    expect(level).toHaveAccessibleDescription(/Payment admin: Full access\./);
    await user.selectOptions(level, 'SYSTEM_ADMIN');
    expect(level).toHaveAccessibleDescription('Can manage every site. Cannot see payments.');
  });

  it('should ask for sites only for a site admin, and at least one', async () => {
    const { user, calls } = openForm();
    await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
    expect(screen.queryByRole('combobox', { name: 'Sites' })).not.toBeInTheDocument();
    await fillDetails(user);
    await user.selectOptions(select('Access level'), 'SITE_ADMIN');
    // the sites picker's code loads when the level that needs it is chosen
    const sites = await screen.findByRole('combobox', { name: 'Sites' });
    expect(sites).toHaveAttribute('placeholder', 'Select a site');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(sites).toHaveFocus();
    expect(sites).toHaveAccessibleDescription(/This field is required\./);
    expect(calls).toHaveLength(0);
    await chooseSites(user, 'Grand');
    expect(sites).not.toHaveAccessibleDescription(/This field is required\./);
  });

  it('should not offer Payment admin when the viewer is a system admin', async () => {
    openForm({ level: 'SYSTEM_ADMIN' });
    const level = await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
    expect(
      within(level)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose an access level', 'System admin', 'Site admin']);
    expect(level).toHaveAccessibleDescription(
      /Only a Payment admin can give someone the Payment admin access level\./,
    );
  });

  it("should put the server's errors on their fields, naming the site it does not know", async () => {
    const { user } = openForm({
      answer: () => ({
        data: {
          invitePerson: {
            __typename: 'PersonPayload',
            person: null,
            userErrors: [
              { __typename: 'UserError', field: ['input', 'email'], code: 'TAKEN', message: 'x' },
              {
                __typename: 'UserError',
                field: ['input', 'siteIds', '1'],
                code: 'NOT_FOUND',
                message: 'Not found.',
              },
            ],
          },
        },
      }),
    });
    await fillSiteAdmin(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(textbox('Email')).toHaveFocus());
    expect(textbox('Email')).toHaveAccessibleDescription(/This email address is already in use\./);
    expect(select('Sites')).toHaveAccessibleDescription(/Harbour View Lofts: Not found\./);
  });

  it('should invite with the chosen sites and say so on the list when saved', async () => {
    const { user, calls, router } = openForm({
      answer: () => ({
        data: {
          invitePerson: {
            __typename: 'PersonPayload',
            person: {
              __typename: 'Person',
              id: 'person-2',
              firstName: 'Daisy',
              lastName: 'Burton',
              email: 'daisyburton@email.co.uk',
              status: 'INVITED',
            },
            userErrors: [],
          },
        },
      }),
    });
    await fillSiteAdmin(user);
    await user.selectOptions(select('Language of the invitation'), 'sv');
    await saveAndExpectList(user, router);
    expect(calls).toEqual([
      {
        input: {
          firstName: 'Daisy',
          lastName: 'Burton',
          email: 'daisyburton@email.co.uk',
          accessLevel: 'SITE_ADMIN',
          siteIds: [siteId('Grand Ave Suites'), siteId('Harbour View Lofts')],
          locale: 'sv',
        },
      },
    ]);
    expect(await screen.findByText('Invitation sent to daisyburton@email.co.uk.')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('should explain the billing setup when the server refuses with BILLING_SETUP_REQUIRED', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = openForm({
      answer: () => ({
        errors: [
          {
            message: 'A payment admin must finish the billing setup first.',
            extensions: { code: 'BILLING_SETUP_REQUIRED' },
          },
        ],
      }),
    });
    await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
    await fillDetails(user);
    await user.selectOptions(select('Access level'), 'SYSTEM_ADMIN');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Billing setup comes first');
    expect(alert).toHaveTextContent(/A Payment admin must first finish the billing setup/);
    expect(within(alert).getByRole('link', { name: 'Go to the Payment page' })).toHaveAttribute(
      'href',
      '/payment',
    );
    expect(alert).toHaveFocus();
  });

  it('should show the billing notice instead of the form when billing is not set up yet', async () => {
    openForm({ billingSetupComplete: false, locale: 'nl' });
    expect(await screen.findByText('Eerst de betaalgegevens instellen')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Opslaan' })).not.toBeInTheDocument();
  });

  it('should tell a site admin that only payment and system admins add people', async () => {
    openForm({ level: 'SITE_ADMIN' });
    expect(
      await screen.findByText(
        'Only a Payment admin or a System admin can add people, change their access level or assign sites.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
