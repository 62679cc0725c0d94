import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/money';
import { anonymous, renderApp, signedIn } from '../../../test/renderApp';
import { billingViewer, CARD, terms } from '../../billing/__tests__/billing-mocks';
import { TermsOfServiceQuery } from '../operations';
import {
  billingDetails,
  paymentOverview,
  updateBillingDetails,
  updatePaymentMethod,
  type TestInvoice,
} from './payment-mocks';

configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

const INVOICES: TestInvoice[] = [
  { id: 'inv-11', number: '2026-000011', month: '2026-11', total: 181500, status: 'OPEN' },
  {
    id: 'inv-10',
    number: '2026-000010',
    month: '2026-10',
    total: 90750,
    status: 'PAYMENT_FAILED',
    overdue: true,
  },
  { id: 'inv-09', number: '2026-000009', month: '2026-09', total: 60500, status: 'PAID' },
];

describe('PaymentPage', { timeout: 30_000 }, () => {
  it('should keep the billing terms with their version behind a disclosure for anyone', async () => {
    const { user } = renderApp({
      locale: 'fr',
      path: '/payment',
      mocks: [
        anonymous(),
        {
          request: { query: TermsOfServiceQuery, variables: { locale: 'fr' } },
          result: {
            data: {
              termsOfService: {
                __typename: 'TermsOfService',
                version: '2026-01',
                locale: 'fr',
                text: 'Premier paragraphe.\n\nSecond paragraphe.',
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Paiement' })).toBeVisible();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Conditions de facturation' }),
    ).toBeVisible();
    await user.click(screen.getByText('Afficher les conditions de facturation'));
    expect(await screen.findByText('Version 2026-01')).toBeVisible();
    const first = screen.getByText('Premier paragraphe.');
    expect(first.tagName).toBe('P');
    expect(first.closest('[lang]')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Second paragraphe.')).toBeVisible();
    expect(document.title).toBe('Paiement – Entry Portal');
  });

  it('should tell a system admin that only payment admins see payments', async () => {
    renderApp({
      locale: 'fr',
      path: '/payment',
      mocks: [karin, billingViewer('SYSTEM_ADMIN', true), terms('fr')],
    });
    expect(
      await screen.findByText(
        "Seules les personnes ayant le niveau d'accès Administrateur des paiements peuvent voir et modifier les paiements.",
      ),
    ).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Factures' })).toBeNull();
  });

  it('should send a payment admin to the wizard when billing is not set up yet', async () => {
    renderApp({
      locale: 'en',
      path: '/payment',
      mocks: [karin, billingViewer('PAYMENT_ADMIN', false), terms('en')],
    });
    expect(await screen.findByRole('link', { name: 'Start the billing setup' })).toHaveAttribute(
      'href',
      '/billing/setup',
    );
  });

  it('should list the card and the invoices with their status, newest first', async () => {
    const { user } = renderApp({
      locale: 'nl',
      path: '/payment',
      mocks: [
        karin,
        billingViewer('PAYMENT_ADMIN', true),
        terms('nl'),
        paymentOverview({
          company: { paymentMethod: 'AUTOMATIC', card: CARD, vatNumber: 'NL004495445B01' },
          invoices: INVOICES,
          totalCount: 4,
          hasNextPage: true,
        }),
        paymentOverview({
          invoices: [
            { id: 'inv-08', number: '2026-000008', month: '2026-08', total: 30250, status: 'PAID' },
          ],
          totalCount: 4,
          after: 'cursor-inv-09',
        }),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Facturen, nieuwste eerst' });
    expect(screen.getByText(/Visa •••• 4242/)).toBeVisible();
    expect(screen.getByText('Visa eindigend op 4242')).toBeInTheDocument();
    expect(screen.getByText('NL004495445B01')).toBeVisible();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual([
      'november 2026',
      'oktober 2026',
      'september 2026',
    ]);
    // The amounts are written by the shared money helper, in the interface's language.
    expect(
      within(rows[0]!).getByText(formatMoney(181500, 'EUR', 'nl').replace(/\s/g, ' ')),
    ).toBeVisible();
    expect(within(rows[0]!).getByText('Te betalen')).toBeVisible();
    expect(within(rows[1]!).getByText('Achterstallig')).toBeVisible();
    expect(within(rows[1]!).getByText('Betaling mislukt')).toBeVisible();
    expect(within(rows[2]!).getByText('Betaald')).toBeVisible();
    expect(within(rows[0]!).getByRole('link', { name: '2026-000011' })).toHaveAttribute(
      'href',
      '/payment/invoices/inv-11',
    );
    expect(screen.getByText('3 van 4 facturen getoond')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Meer facturen laden' }));
    expect(await screen.findByText('4 van 4 facturen getoond')).toBeVisible();
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Meer facturen laden' })).toBeNull();
  });

  it('should describe the monthly spend chart in words and as a table', async () => {
    renderApp({
      locale: 'en',
      path: '/payment',
      mocks: [
        karin,
        billingViewer('PAYMENT_ADMIN', true),
        terms('en'),
        paymentOverview({ invoices: INVOICES }),
      ],
    });
    const chart = await screen.findByRole('img', { name: /Invoice totals of the last 3 months/ });
    expect(chart).toHaveAccessibleName(
      'Invoice totals of the last 3 months, VAT included ' +
        'From September 2026 to November 2026 your company was invoiced €3,327.50 in all. ' +
        'The highest month was November 2026 with €1,815.00; the latest, November 2026, was €1,815.00.',
    );
    const table = screen.getByRole('table', { name: 'Invoice total per month', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true }).slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'September 2026€605.00',
      'October 2026€907.50',
      'November 2026€1,815.00',
    ]);
  });

  it('should show the refusal on the card when a new card is refused, then save another', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/payment',
      mocks: [
        karin,
        billingViewer('PAYMENT_ADMIN', true),
        terms('en'),
        paymentOverview({ company: { paymentMethod: 'AUTOMATIC', card: CARD } }),
        updatePaymentMethod(
          { paymentMethod: 'AUTOMATIC', paymentMethodToken: 'pm_card_chargeDeclined' },
          {
            userErrors: [
              {
                field: ['paymentMethodToken'],
                code: 'CARD_REFUSED',
                message: 'The card was refused (Your card was declined.). Try another card.',
              },
            ],
          },
        ),
        updatePaymentMethod(
          { paymentMethod: 'AUTOMATIC', paymentMethodToken: 'pm_card_mastercard' },
          {
            company: {
              paymentMethod: 'AUTOMATIC',
              card: { ...CARD, brand: 'mastercard', last4: '4444' },
            },
          },
        ),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Update card' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Update card' })).toHaveFocus();
    await user.type(screen.getByLabelText(/Card number/), '4000 0000 0000 0002');
    await user.type(screen.getByLabelText(/Expiry date/), '10/31');
    await user.type(screen.getByLabelText(/Security code/), '123');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    const number = screen.getByLabelText(/Card number/);
    expect(
      await screen.findByText(/The card was refused \(Your card was declined\.\)/),
    ).toBeVisible();
    expect(number).toHaveAttribute('aria-invalid', 'true');

    await user.clear(number);
    await user.type(number, '5555 5555 5555 4444');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(await screen.findByText('Your new card is saved.')).toBeVisible();
    expect(screen.getByText(/Mastercard •••• 4444/)).toBeVisible();
  });

  it('should save the billing emails and the purchase order number, a bad address refused under its own field', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/payment',
      mocks: [
        karin,
        billingViewer('PAYMENT_ADMIN', true),
        terms('en'),
        paymentOverview({ company: { paymentMethod: 'MANUAL' } }),
        billingDetails(),
        updateBillingDetails(
          {
            billingEmails: ['ap@example.com', 'finance@Example.com'],
            purchaseOrderNumber: 'PO-2026-17',
            locale: 'sv',
          },
          {
            saved: {
              billingEmails: ['ap@example.com', 'finance@example.com'],
              purchaseOrderNumber: 'PO-2026-17',
              billingEmailsLocale: 'sv',
            },
          },
        ),
      ],
    });
    const section = await screen.findByRole('region', { name: 'Billing details' });
    expect(
      within(section).getByText('None: only the payment admins receive the billing emails.'),
    ).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Edit billing details' }));
    const first = await within(section).findByRole('textbox', { name: /Billing email address 1/ });
    await user.type(first, 'ap@example.com');
    await user.click(within(section).getByRole('button', { name: 'Add an address' }));
    const second = within(section).getByRole('textbox', { name: /Billing email address 2/ });
    await waitFor(() => expect(second).toHaveFocus());
    await user.type(second, 'finance@');
    await user.selectOptions(within(section).getByRole('combobox', { name: /Language/ }), 'sv');
    await user.type(
      within(section).getByRole('textbox', { name: /Purchase order number/ }),
      'PO-2026-17',
    );
    await user.click(within(section).getByRole('button', { name: 'Save billing details' }));
    // checked before sending, with the words the server would use, on the row that is wrong
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(second).toHaveAccessibleDescription(
      expect.stringContaining('Enter an email address like name@example.com.'),
    );
    expect(second).toHaveFocus();
    expect(first).not.toHaveAttribute('aria-invalid');

    await user.type(second, 'Example.com');
    await user.click(within(section).getByRole('button', { name: 'Save billing details' }));
    expect(await within(section).findByText('The billing details are saved.')).toBeVisible();
    expect(within(section).getByText('finance@example.com')).toBeVisible();
    expect(within(section).getByText('Swedish')).toBeVisible();
    expect(within(section).getByText('PO-2026-17')).toBeVisible();
  });
});
