import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { billingViewer } from '../../billing/__tests__/billing-mocks';
import { invoiceDetail, payInvoice } from './payment-mocks';

configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });
const OPEN = { id: 'inv-11', number: '2026-000011', month: '2026-11', total: 181500 };

describe('InvoicePage', { timeout: 30_000 }, () => {
  it('should show the lines per site, VAT and total, and the documents in the language', async () => {
    renderApp({
      locale: 'fr',
      path: '/payment/invoices/inv-11',
      mocks: [karin, billingViewer('PAYMENT_ADMIN', true), invoiceDetail('inv-11', OPEN)],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Facture 2026-000011 À payer$/ }),
    ).toBeVisible();
    const table = screen.getByRole('table', { name: /Une ligne par site/ });
    const line = within(table).getByRole('row', { name: /Grand Ave Suites/ });
    expect(
      within(line)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['12', '1,50 €', '1 500,00 €']);
    expect(within(table).getByRole('rowheader', { name: /^TVA \(21\s%\)$/ })).toBeVisible();
    // the references as the invoice froze them
    expect(within(line).getByRole('rowheader')).toHaveTextContent('Centre de coûts : CC-4410');
    const facts = screen.getByText('Bon de commande').closest('div')!;
    expect(facts).toHaveTextContent('PO-2026-17');
    expect(screen.getByText('ap@example.com')).toBeVisible();
    expect(screen.getByRole('link', { name: /Ouvrir la facture en PDF/ })).toHaveAttribute(
      'href',
      'http://localhost:4000/api/invoices/inv-11.pdf?lang=fr',
    );
    expect(screen.getByRole('link', { name: /Télécharger les utilisateurs/ })).toHaveAttribute(
      'href',
      'http://localhost:4000/api/invoices/inv-11.csv',
    );
  });

  it('should say the invoice is not found when the id is unknown', async () => {
    renderApp({
      locale: 'sv',
      path: '/payment/invoices/nope',
      mocks: [karin, billingViewer('PAYMENT_ADMIN', true), invoiceDetail('nope', null)],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fakturan hittades inte' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Tillbaka till Betalning' })).toBeVisible();
  });

  it('should show the refusal with its reason, then the payment with another card', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/payment/invoices/inv-11',
      mocks: [
        karin,
        billingViewer('PAYMENT_ADMIN', true),
        invoiceDetail('inv-11', OPEN),
        payInvoice(
          { id: 'inv-11', paymentMethodToken: 'pm_card_chargeDeclined' },
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
        payInvoice({ id: 'inv-11', paymentMethodToken: 'pm_card_visa' }, { status: 'PAID' }),
      ],
    });
    const number = await screen.findByLabelText(/Card number/);
    await user.type(number, '4000 0000 0000 0002');
    await user.type(screen.getByLabelText(/Expiry date/), '10/31');
    await user.type(screen.getByLabelText(/Security code/), '123');
    await user.click(screen.getByRole('button', { name: 'Pay €1,815.00 now' }));
    expect(number).toHaveAccessibleDescription(/The card was refused \(Your card was declined\.\)/);

    await user.clear(number);
    await user.type(number, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay €1,815.00 now' }));
    expect(await screen.findByText('Thank you: €1,815.00 is paid.')).toBeVisible();
    expect(
      await screen.findByRole('heading', { level: 1, name: /Invoice 2026-000011 Paid/ }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /Pay/ })).toBeNull();
  });

  it('should tell a site admin that only payment admins see invoices', async () => {
    renderApp({
      locale: 'en',
      path: '/payment/invoices/inv-11',
      mocks: [karin, billingViewer('SITE_ADMIN', true)],
    });
    expect(
      await screen.findByText(/Only people with the Payment admin access level/),
    ).toBeVisible();
  });
});
