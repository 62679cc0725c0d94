import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { anonymous, renderApp, signedIn, signedInOperator } from '../../../test/renderApp';
import {
  ApproveRegistrationMutation,
  DISCREPANCY_PAGE_SIZE,
  MarkPaymentDiscrepancyReviewedMutation,
  PENDING_PAGE_SIZE,
  PaymentDiscrepanciesQuery,
  PendingRegistrationsQuery,
  RejectRegistrationMutation,
} from '../operations';
import { allTransfers } from './transfer-mocks';

function company(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Company',
    id,
    name,
    type: 'SYSTEM_MANAGER',
    country: 'SE',
    status: 'PENDING_APPROVAL',
    createdAt: '2026-03-02T09:30:00.000Z',
    registration: {
      __typename: 'RegistrationDetails',
      companyAddress: 'Storgatan 1\n111 22 Stockholm',
      companyPhone: null,
      vatNumber: 'SE556677889901',
      firstName: 'Anna',
      lastName: 'Berg',
      email: 'anna@berg.se',
      phone: '+46 8 123 45',
      locale: 'sv',
    },
    ...overrides,
  };
}

const berg = company('c1', 'Berg Porttelefoni AB');
const dupont = company('c2', 'Dupont Interphonie', {
  type: 'INSTALLER',
  country: 'FR',
  registration: { ...berg.registration, email: 'paul@dupont.fr', locale: 'fr' },
});

function pending(companies: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: PendingRegistrationsQuery, variables: { first: PENDING_PAGE_SIZE } },
    result: { data: { pendingRegistrations: companies } },
  };
}

function payload(kind: 'approveRegistration' | 'rejectRegistration', errors: unknown[] = []) {
  return {
    data: {
      [kind]: {
        __typename: 'CompanyPayload',
        company: errors.length ? null : { __typename: 'Company', id: 'c1', status: 'APPROVED' },
        userErrors: errors,
      },
    },
  };
}

const shortPayment = {
  __typename: 'PaymentDiscrepancy',
  id: 'd1',
  kinds: ['AMOUNT'],
  company: { __typename: 'Company', id: 'c9', name: 'Lind Entré AB' },
  invoiceNumber: '2026-000042',
  expectedAmount: 12_500,
  expectedCurrency: 'SEK',
  expectedPaymentIntentId: 'pi_asked',
  receivedAmount: 100,
  receivedCurrency: 'SEK',
  receivedPaymentIntentId: 'pi_asked',
  eventId: 'evt_short',
  eventType: 'payment_intent.succeeded',
  receivedAt: '2026-03-03T10:00:00.000Z',
};

function discrepancies(rows: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: PaymentDiscrepanciesQuery, variables: { first: DISCREPANCY_PAGE_SIZE } },
    result: { data: { paymentDiscrepancies: rows } },
  };
}

// The site transfers' section (its own suite) asks too, each time the console opens.
const noTransfers = { ...allTransfers([]), maxUsageCount: Number.POSITIVE_INFINITY };

async function openConsole(
  mocks: MockLink.MockedResponse[],
  locale: 'en' | 'sv' = 'en',
  waiting: unknown[] = [],
) {
  const view = renderApp({
    locale,
    path: '/operator',
    mocks: [signedInOperator(), discrepancies(waiting), noTransfers, ...mocks],
  });
  await screen.findByRole('heading', { level: 3, name: berg.name });
  return view;
}

describe('OperatorPage', () => {
  it('should list each waiting registration oldest first with every detail in the interface language', async () => {
    await openConsole([pending([berg, dupont])], 'sv');
    const cards = within(screen.getByRole('main')).getAllByRole('article').slice(1);
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Berg Porttelefoni AB',
      'Dupont Interphonie',
    ]);
    const first = within(cards[0]!);
    const detail = (term: string) => first.getByText(term).nextElementSibling?.textContent;
    expect(detail('Typ')).toBe('Systemansvarig');
    expect(detail('Land')).toBe('Sverige');
    expect(detail('Adress')).toBe('Storgatan 1\n111 22 Stockholm');
    expect(detail('Företagets telefon')).toBe('inte angivet');
    expect(detail('Momsregistreringsnummer')).toBe('SE556677889901');
    expect(detail('Kontaktperson')).toBe('Anna Berg');
    expect(detail('E-postadress')).toBe('anna@berg.se');
    expect(detail('Telefonnummer')).toBe('+46 8 123 45');
    expect(detail('Språk')).toBe('svenska');
    expect(detail('Inskickad')).toMatch(/2026/);
    expect(within(cards[1]!).getByText('Installatör')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Frankrike')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^Väntar/ })).toHaveTextContent(
      'Väntar på godkännande (2)',
    );
  });

  it('should approve, say so, and update the list when Approve is pressed', async () => {
    const approve = vi.fn(() => payload('approveRegistration'));
    const { user } = await openConsole([
      pending([berg, dupont]),
      {
        request: { query: ApproveRegistrationMutation, variables: { companyId: 'c1' } },
        result: approve,
      },
      pending([dupont]),
    ]);
    await user.click(screen.getByRole('button', { name: 'Approve Berg Porttelefoni AB' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      'Berg Porttelefoni AB has been approved. We emailed a temporary password to anna@berg.se.',
    );
    await waitFor(() => expect(status).toHaveFocus());
    expect(approve).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('heading', { level: 3, name: berg.name })).toBeNull();
    expect(screen.getByRole('heading', { level: 3, name: dupont.name })).toBeInTheDocument();
  });

  it('should require a reason before rejecting and send it when given', async () => {
    const reject = vi.fn(() => payload('rejectRegistration'));
    const { user } = await openConsole([
      pending([berg]),
      {
        request: {
          query: RejectRegistrationMutation,
          variables: { companyId: 'c1', reason: 'We could not verify the company.' },
        },
        result: reject,
      },
      pending([]),
    ]);
    const open = screen.getByRole('button', { name: 'Reject… Berg Porttelefoni AB' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const reason = screen.getByLabelText(/^Reason for rejecting/);
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(/Write it in Swedish\./);

    await user.click(screen.getByRole('button', { name: 'Reject the registration' }));
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(/^Error: This field is required\./);
    expect(reject).not.toHaveBeenCalled();

    await user.type(reason, '  We could not verify the company.  ');
    await user.click(screen.getByRole('button', { name: 'Reject the registration' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Berg Porttelefoni AB has been rejected. We emailed the reason to the applicant.',
    );
    expect(reject).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('No registrations are waiting for approval.')).toBeVisible();
  });

  it('should close the reject form on Escape and give focus back to its button', async () => {
    const { user } = await openConsole([pending([berg])]);
    const open = screen.getByRole('button', { name: 'Reject… Berg Porttelefoni AB' });
    await user.click(open);
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText(/^Reason for rejecting/)).toBeNull();
    expect(open).toHaveFocus();
    expect(open).toHaveAttribute('aria-expanded', 'false');
  });

  it("should show the server's refusal when the registration was decided elsewhere", async () => {
    const { user } = await openConsole([
      pending([berg]),
      {
        request: { query: ApproveRegistrationMutation, variables: { companyId: 'c1' } },
        result: payload('approveRegistration', [
          { __typename: 'UserError', field: ['companyId'], code: 'INVALID_STATE', message: 'x' },
        ]),
      },
      pending([]),
    ]);
    await user.click(screen.getByRole('button', { name: 'Approve Berg Porttelefoni AB' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Berg Porttelefoni AB: This is not possible in its current state.',
    );
  });

  it('should show each payment that did not match, with what differs, in the interface language when any waits', async () => {
    await openConsole([pending([berg])], 'sv', [shortPayment]);
    const card = await screen.findByRole('article', { name: 'Lind Entré AB: faktura 2026-000042' });
    const detail = (term: string) =>
      within(card).getByText(term).nextElementSibling?.textContent?.replace(/\s/g, ' ');
    expect(
      screen.getByRole('heading', { level: 2, name: /^Betalningar som inte stämde/ }),
    ).toHaveTextContent('Betalningar som inte stämde (1)');
    expect(detail('Vad som skiljer')).toBe('belopp');
    expect(detail('Begärt')).toBe('125,00 kr, pi_asked');
    expect(detail('Rapporterat av Stripe')).toBe('1,00 kr, pi_asked');
    expect(detail('Stripe-händelse')).toBe('evt_short (payment_intent.succeeded)');
  });

  it.each(['en', 'nl', 'sv', 'fr'] as const)(
    'should have no axe violations in the payments that did not match when shown in %s',
    async (locale) => {
      renderApp({
        locale,
        path: '/operator',
        mocks: [signedInOperator(), discrepancies([shortPayment]), pending([berg]), noTransfers],
      });
      await screen.findByRole('article', { name: /2026-000042/ });
      const section = document.querySelector('section.discrepancies')!;
      // jsdom lays nothing out, so contrast is left to the browser suites
      const results = await axe.run(section, { rules: { 'color-contrast': { enabled: false } } });
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    },
  );

  it('should take a payment off the console and say so when it is marked reviewed', async () => {
    const mark = vi.fn(() => ({
      data: {
        markPaymentDiscrepancyReviewed: {
          __typename: 'PaymentDiscrepancyPayload',
          paymentDiscrepancy: {
            __typename: 'PaymentDiscrepancy',
            id: 'd1',
            reviewedAt: '2026-03-04T08:00:00.000Z',
          },
          userErrors: [],
        },
      },
    }));
    const { user } = await openConsole(
      [
        pending([berg]),
        {
          request: { query: MarkPaymentDiscrepancyReviewedMutation, variables: { id: 'd1' } },
          result: mark,
        },
        discrepancies([]),
      ],
      'en',
      [shortPayment],
    );
    await user.click(
      await screen.findByRole('button', { name: 'Mark reviewed invoice 2026-000042' }),
    );
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      'The payment for invoice 2026-000042 of Lind Entré AB is marked reviewed.',
    );
    await waitFor(() => expect(status).toHaveFocus());
    expect(mark).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('article', { name: /2026-000042/ })).toBeNull();
  });

  it('should tell a signed-in person that the console is not for them', async () => {
    renderApp({
      locale: 'nl',
      path: '/operator',
      mocks: [signedIn({ firstName: 'Karin', lastName: 'Lund' })],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  });

  it('should send a visitor to sign in and back here afterwards', async () => {
    const { router } = renderApp({ locale: 'en', path: '/operator', mocks: [anonymous()] });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Foperator');
  });

  it('should go to sign in when the session ends while the console is open', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { router } = renderApp({
      locale: 'en',
      path: '/operator',
      mocks: [
        signedInOperator(1),
        anonymous(),
        discrepancies([]),
        noTransfers,
        {
          request: { query: PendingRegistrationsQuery, variables: { first: PENDING_PAGE_SIZE } },
          result: {
            errors: [
              new GraphQLError('Please sign in first.', {
                extensions: { code: 'UNAUTHENTICATED' },
              }),
            ],
          },
        },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Foperator');
  });
});
