import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingStandingQuery } from '../standing-operations';
import type { CompanyStatus } from '../../../gql/graphql';
import { bootstrapPersonData, renderApp } from '../../../test/renderApp';

const karin = { firstName: 'Karin', lastName: 'Lund' };

/** What the company owes past its due date (null: nothing), as BillingStanding answers. */
function standing(
  status: CompanyStatus,
  overdue: { count: number; total: number } | null,
): MockLink.MockedResponse {
  return {
    request: { query: BillingStandingQuery },
    result: {
      data: {
        company: {
          __typename: 'Company',
          id: 'company-1',
          status,
          overdue: overdue && {
            __typename: 'OverdueSummary',
            invoiceCount: overdue.count,
            total: overdue.total,
            currency: 'EUR',
            oldestDueAt: '2026-12-15T00:05:00.000Z',
            suspendsAt: '2026-12-29T00:05:00.000Z',
            oldestInvoiceId: 'inv-10',
          },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** Any page: the banner is the layout's (a simple one that asks the API nothing). */
function renderAs(
  accessLevel: string,
  status: CompanyStatus,
  locale: 'en' | 'nl',
  mocks: MockLink.MockedResponse[],
) {
  return renderApp({
    locale,
    path: '/register/received',
    bootstrap: { me: bootstrapPersonData(karin, { accessLevel, status }), currentOperator: null },
    mocks,
  });
}

describe('OverdueBanner', () => {
  it('should tell a payment admin what is overdue since when, when suspension comes, and link to the invoice', async () => {
    renderAs('PAYMENT_ADMIN', 'APPROVED', 'nl', [standing('APPROVED', { count: 1, total: 90750 })]);
    expect(await screen.findByText('Betaling te laat')).toBeVisible();
    expect(
      screen.getByText(/is verschuldigd sinds 15 december 2026\. Is het op 29 december 2026/),
    ).toHaveTextContent('€ 907,50');
    expect(screen.getByRole('link', { name: 'Nu betalen' })).toHaveAttribute(
      'href',
      '/payment/invoices/inv-10',
    );
  });

  it('should tell a payment admin of a suspended company and send them to the invoices when there are several', async () => {
    renderAs('PAYMENT_ADMIN', 'SUSPENDED', 'en', [
      standing('SUSPENDED', { count: 2, total: 181500 }),
    ]);
    expect(await screen.findByText('Your company’s account is suspended')).toBeVisible();
    expect(screen.getByText(/Paying by card restores the account at once\./)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', '/payment');
  });

  it('should show a payment admin nothing while nothing is overdue', async () => {
    renderAs('PAYMENT_ADMIN', 'APPROVED', 'en', [standing('APPROVED', null)]);
    expect(await screen.findByText('Signed in as Karin Lund')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Payment overdue')).toBeNull();
  });

  it('should give the other levels a quieter note only once suspended, naming who can pay', async () => {
    const { unmount } = renderAs('SYSTEM_ADMIN', 'SUSPENDED', 'nl', []);
    expect(
      await screen.findByText(/Vraag uw systeembeheerder om de factuur te betalen\./),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Nu betalen' })).toBeNull();
    unmount();
    renderAs('SITE_ADMIN', 'APPROVED', 'en', []);
    expect(await screen.findByText('Signed in as Karin Lund')).toBeVisible();
    expect(screen.queryByText(/account is suspended/)).toBeNull();
  });
});
