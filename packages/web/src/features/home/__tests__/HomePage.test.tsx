import type { MockLink } from '@apollo/client/testing';
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bootstrapPersonData, renderApp, signedIn } from '../../../test/renderApp';
import { siteViewer } from '../../sites/__tests__/mocks';
import { DashboardQuery } from '../operations';

// Pages load lazily (their chunk, then their data): give them time on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

const ESTIMATE = {
  __typename: 'InvoiceEstimate',
  currency: 'EUR',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  activeEntryUsers: 480,
  billedEntryUsers: 493,
  unitAmount: 250,
  subtotal: 123456,
  note: 'VAT is added to this amount.',
};

function dashboard(
  withEstimate: boolean,
  counts: { invitedPeopleCount: number | null } = { invitedPeopleCount: 3 },
): MockLink.MockedResponse {
  return {
    request: { query: DashboardQuery, variables: { withEstimate } },
    result: {
      data: {
        dashboard: {
          __typename: 'Dashboard',
          siteCount: 14,
          activeSiteCount: 12,
          inactiveSiteCount: 2,
          entryUserCount: 1480,
          ...counts,
          ...(withEstimate ? { nextInvoiceEstimate: ESTIMATE } : {}),
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('HomePage', { timeout: 20_000 }, () => {
  it('should introduce the portal and link to each area when opened at /', async () => {
    renderApp({ locale: 'nl', path: '/' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welkom bij Entry Portal' }),
    ).toBeVisible();
    const main = screen.getByRole('main');
    for (const [name, href] of [
      ['Locaties', '/sites'],
      ['Betaling', '/payment'],
      ['Portalbeheer', '/administrator'],
    ] as const) {
      expect(screen.getAllByRole('link', { name }).some((link) => main.contains(link))).toBe(true);
      expect(
        screen.getAllByRole('link', { name }).every((link) => link.getAttribute('href') === href),
      ).toBe(true);
    }
    expect(await screen.findByText('Log in om de gegevens van uw bedrijf te zien.')).toBeVisible();
    expect(document.title).toBe('Home – Entry Portal');
  });

  it('should greet a payment admin and say billing setup is unfinished before Apollo Client has arrived', async () => {
    const { releaseApollo } = renderApp({
      locale: 'en',
      path: '/',
      holdApollo: true,
      bootstrap: {
        me: bootstrapPersonData(
          { firstName: 'Karin', lastName: 'Lund' },
          { billingSetupComplete: false },
        ),
        currentOperator: null,
      },
      mocks: [siteViewer('PAYMENT_ADMIN', false), dashboard(true)],
    });
    // painted from the page's answer alone: the greeting and the notice, the figures to follow
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Karin' })).toBeVisible();
    expect(screen.getByText('Finish the billing setup to add sites')).toBeVisible();
    expect(screen.queryByRole('heading', { level: 2, name: 'At a glance' })).toBeNull();

    releaseApollo();
    expect(await screen.findByRole('heading', { level: 2, name: 'At a glance' })).toBeVisible();
    expect(screen.getAllByText('Finish the billing setup to add sites')).toHaveLength(1);
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Next invoice estimate' }),
    ).toBeVisible();
  });

  it('should show the counts, the invoice estimate and every shortcut when a payment admin signs in', async () => {
    renderApp({
      locale: 'en',
      path: '/',
      mocks: [karin, siteViewer('PAYMENT_ADMIN'), dashboard(true)],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Karin' })).toBeVisible();
    const estimate = (
      await screen.findByRole('heading', { level: 3, name: 'Next invoice estimate' })
    ).closest('li')!;
    expect(within(estimate).getByText('€1,234.56')).toBeVisible();
    expect(plain(estimate.textContent)).toContain(
      'For November 1 – 30, 2026, if nothing changes before the end of the month.',
    );
    expect(estimate).toHaveTextContent('Entry app users billed this month: 493, at €2.50 per user');
    expect(estimate).toHaveTextContent('VAT is added on the invoice.');
    const sites = screen.getByRole('heading', { level: 3, name: 'Sites' }).closest('li')!;
    expect(sites).toHaveTextContent('Active12');
    expect(sites).toHaveTextContent('Deactivated2');
    expect(
      screen.getByRole('heading', { level: 3, name: 'Entry app users' }).closest('li'),
    ).toHaveTextContent('1,480');
    expect(
      screen.getByRole('heading', { level: 3, name: 'Invited people' }).closest('li'),
    ).toHaveTextContent('3');
    const shortcuts = screen.getByRole('region', { name: 'Shortcuts' });
    expect(
      within(shortcuts)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Add a site', '/sites'],
      ['Add Entry app users to a site', '/sites'],
      ['Invite a person', '/administrator'],
      ['View invoices', '/payment'],
    ]);
  });

  it('should leave out the estimate and invoices when a system admin signs in', async () => {
    renderApp({
      locale: 'sv',
      path: '/',
      mocks: [karin, siteViewer('SYSTEM_ADMIN'), dashboard(false)],
    });
    const users = (
      await screen.findByRole('heading', { level: 3, name: 'Entry app-användare' })
    ).closest('li');
    expect(plain(users!.textContent)).toContain('1 480');
    expect(screen.queryByRole('heading', { name: 'Uppskattning av nästa faktura' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Visa fakturor' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Lägg till en ny person' })).toHaveAttribute(
      'href',
      '/administrator',
    );
  });

  it('should show a site admin their counts only when they sign in', async () => {
    renderApp({
      locale: 'fr',
      path: '/',
      mocks: [karin, siteViewer('SITE_ADMIN'), dashboard(false, { invitedPeopleCount: null })],
    });
    await screen.findByRole('heading', { level: 3, name: 'Sites' });
    expect(screen.queryByRole('heading', { name: 'Personnes invitées' })).toBeNull();
    const shortcuts = screen.getByRole('region', { name: 'Raccourcis' });
    expect(
      within(shortcuts)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(["Ajouter des utilisateurs de l'app Entry à un site"]);
  });

  it('should explain the billing setup and offer no new site until it is complete', async () => {
    renderApp({
      locale: 'en',
      path: '/',
      mocks: [karin, siteViewer('PAYMENT_ADMIN', false), dashboard(true)],
    });
    expect(await screen.findByText('Finish the billing setup to add sites')).toBeVisible();
    await screen.findByRole('heading', { level: 3, name: 'Next invoice estimate' });
    expect(screen.queryByRole('link', { name: 'Add a site' })).toBeNull();
  });
});
