import type { AccessLevelCode } from '@entry/shared';
import { act, configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { siteViewer } from '../../sites/__tests__/mocks';
import { billingSetup, billingViewer, terms, userPrice } from './billing-mocks';

configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

function home(level: AccessLevelCode, path: string) {
  // Home's own data (the dashboard) is not what is tested here: it stays unanswered.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  return renderApp({
    locale: 'en',
    path,
    mocks: [
      karin,
      siteViewer(level, false),
      billingViewer(level, false),
      billingSetup(),
      terms('en'),
      userPrice(),
    ],
  });
}

describe('useBillingSetupRedirect', { timeout: 20_000 }, () => {
  it('should take a payment admin from Home to the wizard right after signing in', async () => {
    const { router } = home('PAYMENT_ADMIN', '/sign-in');
    await screen.findByRole('heading', { level: 1 });
    // What the sign-in page does once the password is accepted.
    await act(() => router.navigate('/'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/billing/setup'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up billing' })).toBeVisible();

    // Once: Home stays Home afterwards (its banner links to the wizard).
    await act(() => router.navigate('/'));
    await screen.findByRole('heading', { level: 2, name: 'At a glance' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('should leave Home alone when it is opened directly rather than after signing in', async () => {
    const { router } = home('PAYMENT_ADMIN', '/');
    await screen.findByRole('heading', { level: 2, name: 'At a glance' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('should not send a system admin to the wizard they cannot finish', async () => {
    const { router } = home('SYSTEM_ADMIN', '/sign-in');
    await screen.findByRole('heading', { level: 1 });
    await act(() => router.navigate('/'));
    await screen.findByRole('heading', { level: 2, name: 'At a glance' });
    expect(router.state.location.pathname).toBe('/');
  });
});
