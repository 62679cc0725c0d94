import type { MockLink } from '@apollo/client/testing';
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { CreateSiteMutation } from '../dialog-operations';
import { siteViewer, sitesList } from './mocks';

// Pages load lazily (their chunk, then their data): give them time on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

function createSite(
  input: { name: string; address: string | null; costCenter?: string | null },
  answer: MockLink.MockedResponse['result'],
): MockLink.MockedResponse {
  // the form sends every field it shows: an empty cost centre as null
  return {
    request: { query: CreateSiteMutation, variables: { input: { costCenter: null, ...input } } },
    result: answer,
  };
}

/** createSite with `input`, refused as a whole with `code` (the server's words `message`). */
function refusedCreate(
  input: { name: string; address: string | null; costCenter?: string | null },
  code: string,
  message: string,
): MockLink.MockedResponse {
  return createSite(input, { errors: [{ message, extensions: { code } }] });
}

/** Opens the Dutch "add a site" dialog and names the site Damrak 1. */
async function addDamrak(user: ReturnType<typeof renderApp>['user']) {
  await user.click((await screen.findAllByRole('button', { name: 'Locatie toevoegen' }))[0]!);
  const dialog = await screen.findByRole('dialog', { name: 'Locatie toevoegen' });
  await user.type(within(dialog).getByRole('textbox', { name: /Naam van de locatie/ }), 'Damrak 1');
  return dialog;
}

const KUNGSGATAN = {
  id: 'site-1',
  name: 'Kungsgatan 12',
  address: 'Kungsgatan 12, 111 22 Stockholm',
  entryUserCount: 1234,
  siteAdmins: [{ id: 'p-2', firstName: 'Sven', lastName: 'Berg' }],
};
const HAMNVAGEN = { id: 'site-2', name: 'Hamnvägen 3', active: false, entryUserCount: 0 };

describe('SitesPage', { timeout: 20_000 }, () => {
  it('should explain the page and ask to sign in when nobody is signed in', async () => {
    renderApp({ locale: 'sv', path: '/sites' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Anläggningar' })).toBeVisible();
    expect(
      screen.getByText(
        'Byggnaderna som ditt företag ansvarar för och de boende som använder Entry-appen där.',
      ),
    ).toBeVisible();
    expect(
      await screen.findByText('Du behöver logga in för att se ditt företags uppgifter.'),
    ).toBeVisible();
  });

  it('should list the sites with their status, users and site admins when a payment admin looks', async () => {
    renderApp({
      locale: 'en',
      path: '/sites',
      mocks: [
        karin,
        siteViewer('PAYMENT_ADMIN'),
        sitesList([KUNGSGATAN, HAMNVAGEN], { totalCount: 7 }),
      ],
    });
    const table = await screen.findByRole('table', { name: "Your company's sites" });
    expect(screen.getByText('Showing 2 of 7')).toBeVisible();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name', 'Address', 'Status', 'Entry app users', 'Site admins', 'Actions']);
    const [first, second] = within(table).getAllByRole('row').slice(1) as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(first).getByRole('link', { name: 'Kungsgatan 12' })).toHaveAttribute(
      'href',
      '/sites/site-1',
    );
    expect(first).toHaveTextContent('Kungsgatan 12, 111 22 Stockholm');
    expect(first).toHaveTextContent('Active');
    expect(first).toHaveTextContent('1,234');
    expect(first).toHaveTextContent('Sven Berg');
    expect(within(first).getByRole('button', { name: 'Deactivate Kungsgatan 12' })).toBeVisible();
    expect(second).toHaveTextContent('Deactivated');
    expect(second).toHaveTextContent('No address');
    expect(within(second).getByRole('button', { name: 'Reactivate Hamnvägen 3' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add a site' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Search sites' })).toHaveAccessibleDescription(
      'By name or address',
    );
  });

  it('should hide site admins, adding and deactivating when a site admin looks', async () => {
    renderApp({
      locale: 'sv',
      path: '/sites',
      mocks: [karin, siteViewer('SITE_ADMIN'), sitesList([KUNGSGATAN], { withSiteAdmins: false })],
    });
    const table = await screen.findByRole('table', { name: 'Anläggningar som tilldelats dig' });
    expect(
      within(table).queryByRole('columnheader', { name: 'Anläggningsadministratörer' }),
    ).toBeNull();
    expect(within(table).getByRole('button', { name: 'Redigera Kungsgatan 12' })).toBeVisible();
    expect(within(table).queryByRole('button', { name: /Inaktivera/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lägg till en anläggning' })).toBeNull();
    expect(table).toHaveTextContent('1 234');
  });

  it('should invite a payment admin to add the first site when there are none', async () => {
    renderApp({
      locale: 'en',
      path: '/sites',
      mocks: [karin, siteViewer('PAYMENT_ADMIN'), sitesList([])],
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'No sites yet' })).toBeVisible();
    expect(screen.getByText(/Add the first building your company looks after/)).toBeVisible();
    expect(screen.getAllByRole('button', { name: 'Add a site' })).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('should say who assigns sites when a site admin has none', async () => {
    renderApp({
      locale: 'nl',
      path: '/sites',
      mocks: [karin, siteViewer('SITE_ADMIN'), sitesList([], { withSiteAdmins: false })],
    });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Nog geen locaties' }),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Er zijn nog geen locaties aan u toegewezen. Een Systeembeheerder of Technisch beheerder van uw bedrijf kan ze aan u toewijzen.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Locatie toevoegen' })).toBeNull();
  });

  it('should say nothing matches and offer all sites when a search from the URL finds nothing', async () => {
    const { user, router } = renderApp({
      locale: 'fr',
      path: '/sites?q=zzz&status=inactive',
      mocks: [
        karin,
        siteViewer('SYSTEM_ADMIN'),
        sitesList([], { search: 'zzz', active: false }),
        sitesList([KUNGSGATAN]),
      ],
    });
    expect(await screen.findByText('Aucun site ne correspond à « zzz ».')).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Rechercher des sites' })).toHaveValue('zzz');
    expect(screen.getByRole('combobox', { name: 'Afficher' })).toHaveValue('inactive');
    await user.click(screen.getByRole('button', { name: 'Afficher tous les sites' }));
    expect(await screen.findByRole('link', { name: 'Kungsgatan 12' })).toBeVisible();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Rechercher des sites' })).toHaveValue('');
  });

  it('should put the search and the filter in the URL when they change', async () => {
    const { user, router } = renderApp({
      locale: 'en',
      path: '/sites',
      mocks: [
        karin,
        siteViewer('PAYMENT_ADMIN'),
        sitesList([KUNGSGATAN, HAMNVAGEN]),
        sitesList([KUNGSGATAN], { search: 'kungs' }),
        sitesList([], { search: 'kungs', active: false }),
      ],
    });
    await screen.findByRole('link', { name: 'Hamnvägen 3' });
    await user.type(screen.getByRole('searchbox', { name: 'Search sites' }), 'kungs');
    // Debounced: the list follows once typing pauses.
    await screen.findByText('Showing 1 of 1');
    expect(screen.queryByRole('link', { name: 'Hamnvägen 3' })).toBeNull();
    expect(router.state.location.search).toBe('?q=kungs');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'inactive');
    expect(await screen.findByText('No sites match “kungs”.')).toBeVisible();
    expect(router.state.location.search).toBe('?q=kungs&status=inactive');
  });

  it('should show each problem on its field when adding a site fails', async () => {
    const { user } = renderApp({
      locale: 'sv',
      path: '/sites',
      mocks: [
        karin,
        siteViewer('PAYMENT_ADMIN'),
        sitesList([KUNGSGATAN], { withSiteAdmins: true }),
        createSite(
          { name: 'Kungsgatan 12', address: null },
          {
            data: {
              createSite: {
                __typename: 'SitePayload',
                site: null,
                // The server answers in the person's profile language; the form shows the interface's.
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'name'],
                    code: 'TAKEN',
                    message: 'Another site already has this name.',
                  },
                ],
              },
            },
          },
        ),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Lägg till en anläggning' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till en anläggning' });
    const name = within(dialog).getByRole('textbox', { name: /Anläggningens namn/ });
    expect(name).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Lägg till anläggning' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Fältet är obligatoriskt.'));
    expect(name).toHaveFocus();

    await user.type(name, '  Kungsgatan   12 ');
    await user.click(within(dialog).getByRole('button', { name: 'Lägg till anläggning' }));
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining('En annan anläggning har redan det här namnet.'),
    );
    const address = within(dialog).getByRole('textbox', { name: /Adress/ });
    expect(address).not.toHaveAttribute('aria-invalid');

    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("should open the add-site form at once when Home's shortcut leads here", async () => {
    const { router } = renderApp({
      locale: 'en',
      path: '/somewhere-else',
      mocks: [karin, siteViewer('SYSTEM_ADMIN'), sitesList([KUNGSGATAN])],
    });
    await screen.findByText('Signed in as Karin Lund');
    await router.navigate('/sites', { state: { createSite: true } });
    const dialog = await screen.findByRole('dialog', { name: 'Add a site' });
    expect(within(dialog).getByRole('textbox', { name: /Site name/ })).toHaveFocus();
  });

  it('should explain the billing setup instead of the add button when it is not complete', async () => {
    renderApp({
      locale: 'en',
      path: '/sites',
      mocks: [karin, siteViewer('PAYMENT_ADMIN', false), sitesList([])],
    });
    expect(await screen.findByText('Finish the billing setup to add sites')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the Payment page' })).toHaveAttribute(
      'href',
      '/payment',
    );
    await screen.findByRole('heading', { level: 2, name: 'No sites yet' });
    expect(screen.queryByRole('button', { name: 'Add a site' })).toBeNull();
  });

  it('should tell a system admin who finishes the billing setup when it is not complete', async () => {
    renderApp({
      locale: 'fr',
      path: '/sites',
      mocks: [karin, siteViewer('SYSTEM_ADMIN', false), sitesList([])],
    });
    expect(
      await screen.findByText(
        /Un Administrateur des paiements de votre entreprise la termine sur la page Paiement/,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Aller à la page Paiement' })).toBeNull();
  });

  it('should show the billing setup notice in the form when the server refuses with BILLING_SETUP_REQUIRED', async () => {
    const { user } = renderApp({
      locale: 'nl',
      path: '/sites',
      mocks: [
        karin,
        siteViewer('PAYMENT_ADMIN'),
        sitesList([]),
        refusedCreate(
          { name: 'Damrak 1', address: 'Damrak 1, Amsterdam' },
          'BILLING_SETUP_REQUIRED',
          'Een systeembeheerder moet eerst de betaalgegevens instellen.',
        ),
      ],
    });
    const dialog = await addDamrak(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Adres/ }), 'Damrak 1, Amsterdam');
    await user.click(within(dialog).getByRole('button', { name: 'Locatie toevoegen' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Rond de betaalinstellingen af om locaties toe te voegen');
    expect(within(alert).getByRole('link', { name: 'Naar de pagina Betaling' })).toHaveAttribute(
      'href',
      '/payment',
    );
    expect(alert).toHaveFocus();
  });

  it('should send the cost centre, and say why nothing can be added while the account is suspended', async () => {
    const { user } = renderApp({
      locale: 'nl',
      path: '/sites',
      mocks: [
        karin,
        siteViewer('PAYMENT_ADMIN'),
        sitesList([]),
        refusedCreate(
          { name: 'Damrak 1', address: null, costCenter: 'KP 4410' },
          'ACCOUNT_SUSPENDED',
          'Het account van uw bedrijf is opgeschort.',
        ),
      ],
    });
    const dialog = await addDamrak(user);
    const costCenter = within(dialog).getByRole('textbox', { name: /Kostenplaats/ });
    expect(costCenter).toHaveAccessibleDescription(
      'Staat op de regel van deze locatie op elke factuur, voor uw crediteurenadministratie.',
    );
    await user.type(costCenter, ' KP 4410 ');
    await user.click(within(dialog).getByRole('button', { name: 'Locatie toevoegen' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Het account van uw bedrijf is opgeschort vanwege een onbetaalde factuur: er kunnen geen locaties of Entry app-gebruikers worden toegevoegd tot die betaald is.',
    );
  });
});
