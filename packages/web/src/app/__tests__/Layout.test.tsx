import type { Locale } from '@entry/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { accessAnswer } from '../../test/viewer-mocks';
import { anonymous, renderApp, signedIn, signedInOperator } from '../../test/renderApp';
import { AccessQuery, SignOutMutation } from '../operations';

const NAV_LABELS: Record<Locale, [string, string, string, string, string]> = {
  en: ['Home', 'Sites', 'Payment', 'Administrator', 'Sign out'],
  nl: ['Home', 'Locaties', 'Betaling', 'Portalbeheer', 'Uitloggen'],
  sv: ['Hem', 'Anläggningar', 'Betalning', 'Administratör', 'Logga ut'],
  fr: ['Accueil', 'Sites', 'Paiement', 'Administrateur', 'Se déconnecter'],
};
const SIGN_IN: Record<Locale, string> = {
  en: 'Sign in',
  nl: 'Inloggen',
  sv: 'Logga in',
  fr: 'Se connecter',
};
const karin = { firstName: 'Karin', lastName: 'Lund' };

async function mainNav() {
  return within(await screen.findByRole('navigation'));
}

describe('Layout', () => {
  it.each(Object.entries(NAV_LABELS))(
    'should show the five navigation items in order when a site admin is signed in and the language is %s',
    async (locale, labels) => {
      renderApp({
        locale: locale as Locale,
        mocks: [signedIn(karin), accessAnswer('SITE_ADMIN')],
      });
      const nav = await mainNav();
      await nav.findByRole('button', { name: labels[4] });
      const items = nav.getAllByRole('listitem').map((item) => item.textContent);
      expect(items).toEqual(labels);
      expect(nav.getAllByRole('link')).toHaveLength(4);
    },
  );

  it.each([
    ['PAYMENT_ADMIN', 'en', 'Integrations'],
    ['SYSTEM_ADMIN', 'nl', 'Integraties'],
  ] as const)(
    'should add Integrations after Administrator when a %s is signed in (%s)',
    async (level, locale, label) => {
      renderApp({ locale, mocks: [signedIn(karin), accessAnswer(level)] });
      const nav = await mainNav();
      const link = await nav.findByRole('link', { name: label });
      expect(link).toHaveAttribute('href', '/integrations');
      const items = nav.getAllByRole('listitem').map((item) => item.textContent);
      expect(items.slice(3, 5)).toEqual([NAV_LABELS[locale][3], label]);
    },
  );

  it('should not offer Integrations while the level is unknown or when it cannot be had', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp({
      locale: 'en',
      mocks: [signedIn(karin), { request: { query: AccessQuery }, error: new Error('down') }],
    });
    const nav = await mainNav();
    await nav.findByRole('button', { name: 'Sign out' });
    // Asked, failed: still nothing rather than a link for everyone.
    await new Promise((settled) => setTimeout(settled, 50));
    expect(nav.queryByRole('link', { name: 'Integrations' })).toBeNull();
  });

  it.each(Object.entries(SIGN_IN))(
    'should offer Sign in instead of Sign out when nobody is signed in and the language is %s',
    async (locale, label) => {
      renderApp({ locale: locale as Locale });
      const nav = await mainNav();
      expect(await nav.findByRole('link', { name: label })).toHaveAttribute('href', '/sign-in');
      const items = nav.getAllByRole('listitem').map((item) => item.textContent);
      expect(items).toEqual([...NAV_LABELS[locale as Locale].slice(0, 4), label]);
      expect(nav.queryByRole('button', { name: NAV_LABELS[locale as Locale][4] })).toBeNull();
    },
  );

  it('should show the operator console instead of the company pages when an operator is signed in', async () => {
    renderApp({ locale: 'en', mocks: [signedInOperator()] });
    const nav = await mainNav();
    await nav.findByRole('button', { name: 'Sign out' });
    expect(nav.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Home',
      'Operator console',
      'Sign out',
    ]);
    expect(nav.getByRole('link', { name: 'Operator console' })).toHaveAttribute(
      'href',
      '/operator',
    );
    expect(screen.getByText('Signed in as Olle Operator')).toBeInTheDocument();
  });

  it('should send every page to choose a password when the person still has a temporary one', async () => {
    const { router } = renderApp({
      locale: 'en',
      path: '/sites',
      mocks: [signedIn({ ...karin, mustChangePassword: true })],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/choose-password'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    // Only the way out is offered: signing out.
    const nav = await mainNav();
    expect(nav.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Sign out']);
    expect(screen.queryByRole('link', { name: 'Your profile' })).toBeNull();
  });

  it('should link the signed-in person to their profile when someone is signed in', async () => {
    renderApp({ locale: 'sv', mocks: [signedIn(karin)] });
    expect(await screen.findByRole('link', { name: 'Din profil' })).toHaveAttribute(
      'href',
      '/profile',
    );
  });

  it('should mark only the current page with aria-current when a page is open', async () => {
    renderApp({ locale: 'en', path: '/sites' });
    const nav = await mainNav();
    expect(nav.getByRole('link', { name: 'Sites' })).toHaveAttribute('aria-current', 'page');
    for (const name of ['Home', 'Payment', 'Administrator']) {
      expect(nav.getByRole('link', { name })).not.toHaveAttribute('aria-current');
    }
  });

  it('should move aria-current with the page when a navigation link is followed', async () => {
    const { user } = renderApp({ locale: 'en', path: '/' });
    const nav = await mainNav();
    expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await user.click(nav.getByRole('link', { name: 'Sites' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sites' })).toBeInTheDocument();
    expect(nav.getByRole('link', { name: 'Sites' })).toHaveAttribute('aria-current', 'page');
    expect(nav.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('should have header, navigation and main landmarks when any page is shown', async () => {
    renderApp({ locale: 'en' });
    expect(await screen.findByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByText('Entry Portal', { selector: 'a' })).toBeInTheDocument();
  });

  it('should focus the skip link first and then the main content when Tab and Enter are pressed', async () => {
    const { user } = renderApp({ locale: 'en' });
    await screen.findByRole('heading', { level: 1 });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('should open the menu when the menu button is pressed and close it on Escape or a link', async () => {
    const { user } = renderApp({ locale: 'en' });
    const toggle = await screen.findByRole('button', { name: 'Menu' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toHaveClass(
      'is-open',
    );
    const nav = await mainNav();
    nav.getByRole('link', { name: 'Payment' }).focus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    await user.click(nav.getByRole('link', { name: 'Payment' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('should show the person’s name when someone is signed in', async () => {
    renderApp({ locale: 'en', mocks: [signedIn(karin)] });
    expect(await screen.findByText('Signed in as Karin Lund')).toBeInTheDocument();
  });

  it('should show no name when nobody is signed in', async () => {
    renderApp({ locale: 'en' });
    await screen.findByText("You need to sign in to see your company's data.");
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('should sign out, clear the cache and go home when Sign out is pressed', async () => {
    const signOut = vi.fn(() => ({ data: { signOut: true } }));
    const { user, client, router } = renderApp({
      locale: 'en',
      path: '/register/received',
      mocks: [
        signedIn({ firstName: 'Karin', lastName: 'Lund' }, 1),
        // the navigation asks the level; after signing out, nobody's
        { ...accessAnswer('SITE_ADMIN'), maxUsageCount: 1 },
        { request: { query: AccessQuery }, result: { data: { me: null } } },
        { request: { query: SignOutMutation }, result: signOut },
        anonymous(),
      ],
    });
    await screen.findByText('Signed in as Karin Lund');
    const clearing = vi.spyOn(client, 'resetStore');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(clearing).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument());
    expect(client.extract()).not.toHaveProperty(['Person:person-1']);
  });

  it('should show an alert and stay on the page when signing out fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user, router } = renderApp({
      locale: 'fr',
      path: '/register/received',
      mocks: [
        signedIn(karin),
        { request: { query: SignOutMutation }, error: new Error('network down') },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La déconnexion a échoué. Veuillez réessayer.',
    );
    expect(router.state.location.pathname).toBe('/register/received');
  });
});
