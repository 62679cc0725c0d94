import type { AccessLevelCode } from '@entry/shared';
import { act, configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { billingSetup, billingViewer, terms, userPrice } from './billing-mocks';

configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

function home(level: AccessLevelCode, path: string) {
  // Home's own data (the dashboard) is not what is tested here: it stays unanswered.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  return renderApp({
    locale: 'en',
    path,
    mocks: [karin, billingViewer(level, false), billingSetup(), terms('en'), userPrice()],
  });
}

/** Home, as the sign-in page opens it once the password is accepted. */
async function homeAfterSignIn(level: AccessLevelCode) {
  const view = home(level, '/sign-in');
  await screen.findByRole('heading', { level: 1 });
  await act(() => view.router.navigate('/'));
  return view.router;
}

async function expectHomeStays(router: ReturnType<typeof home>['router']) {
  await screen.findByRole('heading', { level: 2, name: 'At a glance' });
  expect(router.state.location.pathname).toBe('/');
}

describe('useBillingSetupRedirect', { timeout: 20_000 }, () => {
  it('should take a payment admin from Home to the wizard right after signing in', async () => {
    const router = await homeAfterSignIn('PAYMENT_ADMIN');
    await waitFor(() => expect(router.state.location.pathname).toBe('/billing/setup'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up billing' })).toBeVisible();

    // Once: Home stays Home afterwards (its banner links to the wizard).
    await act(() => router.navigate('/'));
    await expectHomeStays(router);
  });

  it('should leave Home alone when it is opened directly rather than after signing in', async () => {
    const { router } = home('PAYMENT_ADMIN', '/');
    await expectHomeStays(router);
  });

  it('should not send a system admin to the wizard they cannot finish', async () => {
    await expectHomeStays(await homeAfterSignIn('SYSTEM_ADMIN'));
  });
});
