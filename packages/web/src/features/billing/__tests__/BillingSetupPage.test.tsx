import type { MockLink } from '@apollo/client/testing';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import {
  billingSetup,
  billingViewer,
  CARD,
  completeSetup,
  terms,
  userPrice,
  waitingTransfer,
} from './billing-mocks';

// Pages load lazily (their chunk, their words, then their data): give them time.
configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

function wizard(
  locale: 'en' | 'sv',
  extra: MockLink.MockedResponse[],
  company = {},
  waiting = waitingTransfer(),
) {
  return renderApp({
    locale,
    path: '/billing/setup',
    mocks: [
      karin,
      billingViewer('PAYMENT_ADMIN', false),
      billingSetup(company),
      terms(locale),
      userPrice(),
      waiting,
      ...extra,
    ],
  });
}

const stepHeading = (name: RegExp) => screen.findByRole('heading', { level: 2, name });

describe('BillingSetupPage', { timeout: 30_000 }, () => {
  it('should offer a system manager automatic payment only, with the reason, and ask for a card', async () => {
    const { user } = wizard('sv', [], { type: 'SYSTEM_MANAGER', country: 'SE', currency: 'SEK' });
    expect(await stepHeading(/Steg 1 av 6 Välkommen/)).toBeVisible();
    expect(await screen.findByText(/per användare av Entry-appen och månad/)).toBeVisible();
    const progress = screen.getByRole('list', { name: 'Steg för att konfigurera betalningar' });
    expect(
      within(progress)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '1Välkommen',
      '2Betalningsvillkor',
      '3Momsregistreringsnummer',
      '4Betalningsmetod',
      '5Kort',
      '6Klart',
    ]);

    await user.click(screen.getByRole('button', { name: 'Börja' }));
    const termsHeading = await stepHeading(/Steg 2 av 6 Betalningsvillkor/);
    expect(termsHeading).toHaveFocus();
    // Next without accepting: the box says why.
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    const accept = await screen.findByRole('checkbox', { name: /Jag har läst och godkänner/ });
    expect(accept).toHaveAccessibleDescription(/Kryssa i rutan/);
    await user.click(accept);
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(await stepHeading(/Steg 3 av 6/)).toHaveFocus();
    expect(
      screen.getByRole('textbox', { name: /Momsregistreringsnummer/ }),
    ).toHaveAccessibleDescription(/SE för Sverige/);
    await user.click(screen.getByRole('button', { name: 'Nästa' }));

    expect(await stepHeading(/Steg 4 av 6 Betalningsmetod/)).toBeVisible();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText('Automatisk betalning')).toBeVisible();
    expect(
      screen.getByText(/Som systemansvarig måste du konfigurera automatiska betalningar/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(await stepHeading(/Steg 5 av 6 Kort/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Slutför' })).toBeVisible();
  });

  it('should send everything once and go back to the VAT step when the server refuses the number', async () => {
    const bad = {
      acceptTermsVersion: '2026-11-01',
      vatNumber: 'NL123456789B02',
      paymentMethod: 'MANUAL',
      paymentMethodToken: null,
    };
    const good = { ...bad, vatNumber: 'NL004495445B01' };
    const { user } = wizard('en', [
      completeSetup({
        input: bad,
        userErrors: [
          {
            field: ['input', 'vatNumber'],
            code: 'INVALID',
            message: 'This is not a valid VAT number for the country of your company.',
          },
        ],
      }),
      completeSetup({
        input: good,
        company: { paymentMethod: 'MANUAL', vatNumber: 'NL004495445B01' },
      }),
    ]);
    expect(await screen.findByText(/€1\.50 per Entry app user per month/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(await screen.findByRole('textbox', { name: /VAT number/ }), 'NL123456789B02');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading(/Step 4 of 6 Payment method/);
    await user.click(screen.getByRole('radio', { name: /Manual payment/ }));
    // Manual payment: no card step, so this step finishes.
    expect(await stepHeading(/Step 4 of 5 Payment method/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(await stepHeading(/Step 3 of 5 VAT number/)).toBeVisible();
    const vat = screen.getByRole('textbox', { name: /VAT number/ });
    expect(vat).toHaveFocus();
    expect(vat).toHaveAttribute('aria-invalid', 'true');
    expect(vat).toHaveAccessibleDescription(/This is not a valid VAT number/);

    await user.clear(vat);
    await user.type(vat, 'NL004495445B01');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading(/Step 4 of 5/);
    expect(screen.getByRole('radio', { name: /Manual payment/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(await stepHeading(/Step 5 of 5 Done/)).toHaveFocus();
    expect(screen.getByText(/Billing is set up/)).toBeVisible();
    expect(screen.getByText('NL004495445B01')).toBeVisible();
    expect(screen.getByText('Version 2026-11-01 accepted')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Add your first site' })).toHaveAttribute(
      'href',
      '/sites',
    );
  });

  it('should save the card with the setup and show it when payment is automatic', async () => {
    const { user } = wizard('en', [
      completeSetup({
        input: {
          acceptTermsVersion: '2026-11-01',
          vatNumber: null,
          paymentMethod: 'AUTOMATIC',
          paymentMethodToken: 'pm_card_visa',
        },
        company: { paymentMethod: 'AUTOMATIC', card: CARD },
      }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /Automatic payment/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading(/Step 5 of 6 Card/);

    // A number that is not a test card is refused here, before anything is sent.
    await user.type(screen.getByLabelText(/Card number/), '4111 1111 1111 1111');
    await user.type(screen.getByLabelText(/Expiry date/), '12/30');
    await user.type(screen.getByLabelText(/Security code/), '123');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    const number = screen.getByLabelText(/Card number/);
    expect(number).toHaveFocus();
    expect(number).toHaveAccessibleDescription(/not one of Stripe's test cards/);

    await user.clear(number);
    await user.type(number, '4242 4242 4242 4242');
    expect(screen.getByText('Card type: Visa')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await stepHeading(/Step 6 of 6 Done/)).toBeVisible();
    expect(screen.getByText(/Visa •••• 4242/)).toBeVisible();
    expect(screen.getByText(/expires 12\/2030/)).toBeVisible();
  });

  it('should land on the site transfer waiting for the company once its billing is set up', async () => {
    const input = {
      acceptTermsVersion: '2026-11-01',
      vatNumber: null,
      paymentMethod: 'MANUAL',
      paymentMethodToken: null,
    };
    const { user, router } = wizard(
      'en',
      [completeSetup({ input, company: { paymentMethod: 'MANUAL' } })],
      {},
      waitingTransfer(['transfer-7']),
    );
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /Manual payment/ }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/transfers'));
    expect(router.state.location.search).toBe('?transfer=transfer-7');
  });

  it('should tell a system admin who finishes the setup and what they can do meanwhile', async () => {
    renderApp({
      locale: 'en',
      path: '/billing/setup',
      mocks: [karin, billingViewer('SYSTEM_ADMIN', false)],
    });
    expect(await screen.findByText('The billing setup is not finished yet')).toBeVisible();
    expect(
      screen.getByText(/A Payment admin of your company has to finish the billing setup first/),
    ).toBeVisible();
    expect(screen.getByText('Until then you can:')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
  });

  it('should say so when billing is set up already', async () => {
    wizard('en', [], { billingSetupComplete: true, paymentMethod: 'MANUAL' });
    expect(await screen.findByText(/Billing is already set up/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the Payment page' })).toHaveAttribute(
      'href',
      '/payment',
    );
  });
});
