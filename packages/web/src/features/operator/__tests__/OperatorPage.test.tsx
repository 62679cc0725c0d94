import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { anonymous, renderApp, signedIn, signedInOperator } from '../../../test/renderApp';
import {
  ApproveRegistrationMutation,
  PENDING_PAGE_SIZE,
  PendingRegistrationsQuery,
  RejectRegistrationMutation,
} from '../operations';

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

async function openConsole(mocks: MockLink.MockedResponse[], locale: 'en' | 'sv' = 'en') {
  const view = renderApp({ locale, path: '/operator', mocks: [signedInOperator(), ...mocks] });
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
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
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
