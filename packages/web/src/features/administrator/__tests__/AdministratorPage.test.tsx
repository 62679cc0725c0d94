import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anonymous, renderApp } from '../../../test/renderApp';
import { AccessLevelsQuery } from '../operations';

const LEVELS = {
  en: [
    ['PAYMENT_ADMIN', 'Payment admin', 'Full access.', true, true],
    ['SYSTEM_ADMIN', 'System admin', 'Every site, no payments.', true, false],
    ['SITE_ADMIN', 'Site admin', 'Selected sites only.', false, false],
  ],
  sv: [
    ['PAYMENT_ADMIN', 'Betalningsadmin', 'Full åtkomst.', true, true],
    ['SYSTEM_ADMIN', 'Systemadmin', 'Alla anläggningar.', true, false],
    ['SITE_ADMIN', 'Anläggningsadmin', 'Utvalda anläggningar.', false, false],
  ],
} as const;

function accessLevels(locale: keyof typeof LEVELS, order = [0, 1, 2]): MockLink.MockedResponse {
  const levels = order.map((i) => LEVELS[locale][i]!);
  return {
    request: { query: AccessLevelsQuery, variables: { locale } },
    result: {
      data: {
        accessLevels: levels.map(([code, label, description, allSites, payments]) => ({
          __typename: 'AccessLevel',
          code,
          label,
          description,
          allSites,
          payments,
        })),
      },
    },
  };
}

function rightsOf(card: HTMLElement) {
  return within(card)
    .getAllByRole('definition')
    .map((dd) => dd.textContent);
}

describe('AdministratorPage', () => {
  it('should list the three access levels with what each may do when the API answers', async () => {
    renderApp({
      locale: 'en',
      path: '/administrator',
      mocks: [anonymous(), accessLevels('en', [2, 0, 1])],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrator' })).toBeVisible();
    await screen.findByRole('heading', { level: 3, name: 'Payment admin' });
    const section = screen.getByRole('region', { name: 'Access levels' });
    const levels = within(section).getAllByRole('listitem');
    expect(levels.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Payment admin',
      'System admin',
      'Site admin',
    ]);
    const [payment, system, site] = levels as [HTMLElement, HTMLElement, HTMLElement];
    // all sites, payments, manage people
    expect(rightsOf(payment)).toEqual(['Yes', 'Yes', 'Yes']);
    expect(rightsOf(system)).toEqual(['Yes', 'No', 'Yes']);
    expect(rightsOf(site)).toEqual(['No', 'No', 'No']);
    expect(within(payment).getByText('Full access.')).toBeVisible();
  });

  it('should ask again in the new language when the language changes', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/administrator',
      mocks: [anonymous(), accessLevels('en'), accessLevels('sv')],
    });
    expect(await screen.findByRole('heading', { level: 3, name: 'Payment admin' })).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'sv');
    expect(await screen.findByRole('heading', { level: 3, name: 'Betalningsadmin' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 3, name: 'Anläggningsadmin' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Behörighetsnivåer' })).toBeVisible();
    expect(screen.getAllByText('Ja').length).toBeGreaterThan(0);
  });

  it('should show a localized alert with a retry button when the request fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp({
      locale: 'nl',
      path: '/administrator',
      mocks: [
        anonymous(),
        {
          request: { query: AccessLevelsQuery, variables: { locale: 'nl' } },
          error: new Error('network down'),
        },
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Er ging iets mis bij het laden van deze pagina.');
    expect(within(alert).getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
    expect(logged).toHaveBeenCalledWith('Loading the access levels (nl) failed', expect.anything());
  });
});
