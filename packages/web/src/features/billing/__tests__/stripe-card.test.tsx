import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { CreateCardSetupMutation } from '../operations';
import {
  billingSetup,
  billingViewer,
  CARD,
  completeSetup,
  terms,
  userPrice,
} from './billing-mocks';

configure({ asyncUtilTimeout: 5000 });

// Stripe.js comes from https://js.stripe.com, which the tests cannot reach: a stand-in with the
// calls the card form makes (elements -> card element -> confirmCardSetup).
const stripe = vi.hoisted(() => {
  const card = { mount: vi.fn(), on: vi.fn(), destroy: vi.fn(), focus: vi.fn() };
  return {
    card,
    loadStripeJs: vi.fn(async (_key: string) => ({
      elements: vi.fn(() => ({ create: vi.fn(() => card) })),
      confirmCardSetup: vi.fn(async (secret: string) => ({
        setupIntent: { id: `seti_for_${secret}` },
      })),
    })),
  };
});
vi.mock('../card/stripe-loader', () => ({ loadStripeJs: stripe.loadStripeJs }));

describe('the Stripe card form', { timeout: 20_000 }, () => {
  it('should send the confirmed SetupIntent id as the token when the server uses Stripe', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/billing/setup',
      mocks: [
        signedIn({ firstName: 'Karin', lastName: 'Lund' }),
        billingViewer('PAYMENT_ADMIN', false),
        billingSetup({
          type: 'SYSTEM_MANAGER',
          provider: { kind: 'stripe', publishableKey: 'pk_test_123' },
        }),
        terms('en'),
        userPrice(),
        {
          request: { query: CreateCardSetupMutation },
          result: {
            data: {
              createCardSetup: {
                __typename: 'CardSetupPayload',
                clientSecret: 'seti_1_secret_2',
                userErrors: [],
              },
            },
          },
        },
        completeSetup({
          input: {
            acceptTermsVersion: '2026-11-01',
            vatNumber: null,
            paymentMethod: 'AUTOMATIC',
            paymentMethodToken: 'seti_for_seti_1_secret_2',
          },
          company: { type: 'SYSTEM_MANAGER', paymentMethod: 'AUTOMATIC', card: CARD },
        }),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('group', { name: 'Card details' })).toBeVisible();
    await waitFor(() => expect(stripe.card.mount).toHaveBeenCalled());
    expect(stripe.loadStripeJs).toHaveBeenCalledWith('pk_test_123');
    // No number field of ours: the card is typed into Stripe's frame.
    expect(screen.queryByLabelText(/Card number/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText(/Billing is set up/)).toBeVisible();
    expect(screen.getByText(/Visa •••• 4242/)).toBeVisible();
  });
});
