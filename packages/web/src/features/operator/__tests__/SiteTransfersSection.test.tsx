import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedInOperator } from '../../../test/renderApp';
import {
  DISCREPANCY_PAGE_SIZE,
  PENDING_PAGE_SIZE,
  PaymentDiscrepanciesQuery,
  PendingRegistrationsQuery,
  UndoSiteTransferMutation,
} from '../operations';
import { allTransfers, transferNode } from './transfer-mocks';

const emptyQueues: MockLink.MockedResponse[] = [
  {
    request: { query: PendingRegistrationsQuery, variables: { first: PENDING_PAGE_SIZE } },
    result: { data: { pendingRegistrations: [] } },
  },
  {
    request: { query: PaymentDiscrepanciesQuery, variables: { first: DISCREPANCY_PAGE_SIZE } },
    result: { data: { paymentDiscrepancies: [] } },
  },
];

const kungsgatan = transferNode('t1', 'Kungsgatan 12');
const waiting = transferNode('t2', 'Storgatan 3', {
  status: 'PENDING',
  toCompanyName: null,
  recipientEmail: 'new@owner.se',
  decidedAt: null,
});
const oldAcceptance = transferNode('t3', 'Drottninggatan 8', {
  decidedAt: '2026-01-02T10:00:00.000Z',
  effectiveDate: '2026-01-02',
});

async function openSection(mocks: MockLink.MockedResponse[], locale: 'en' | 'sv' = 'en') {
  const view = renderApp({
    locale,
    path: '/operator',
    mocks: [signedInOperator(), ...emptyQueues, ...mocks],
  });
  const section = await screen.findByRole('region', {
    name: locale === 'sv' ? /^Överlåtelser av anläggningar/ : /^Site transfers/,
  });
  return { ...view, section };
}

const undoPayload = (userErrors: unknown[]) => ({
  data: {
    undoSiteTransfer: {
      __typename: 'SiteTransferPayload',
      siteTransfer: userErrors.length
        ? null
        : {
            __typename: 'SiteTransfer',
            id: 't1',
            status: 'ACCEPTED',
            undoneAt: new Date().toISOString(),
          },
      userErrors,
    },
  },
});

describe('SiteTransfersSection', () => {
  it('should list every transfer with both companies and its dates, and offer Undo only within its days', async () => {
    const { section } = await openSection(
      [allTransfers([kungsgatan, waiting, oldAcceptance])],
      'sv',
    );
    const items = await within(section).findAllByRole('article');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Kungsgatan 12',
      'Storgatan 3',
      'Drottninggatan 8',
    ]);
    const first = within(items[0]!);
    const detail = (term: string) => first.getByText(term).nextElementSibling?.textContent;
    expect(detail('Status')).toBe('Godkänd');
    expect(detail('Från')).toBe('Berg Porttelefoni AB');
    expect(detail('Till')).toBe('Lind Fastigheter AB (eva@lind.se)');
    expect(detail('Begärd')).toMatch(/2026/);
    expect(detail('Första dagen som faktureras mottagaren')).toMatch(/\d{4}/);
    expect(first.getByRole('button', { name: 'Ångra… Kungsgatan 12' })).toBeEnabled();
    // pending: the address only, not accepted; an acceptance older than 7 days: no undo
    expect(within(items[1]!).getByText('new@owner.se')).toBeInTheDocument();
    expect(within(items[1]!).queryByRole('button')).toBeNull();
    expect(within(items[2]!).queryByRole('button')).toBeNull();
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('(3)');
    const results = await axe.run(section);
    expect(results.violations).toEqual([]);
  });

  it('should ask the server for the chosen status and page through 20 at a time', async () => {
    const page = Array.from({ length: 20 }, (_, index) =>
      transferNode(`p${index}`, `Site ${index}`, { status: 'DECLINED', decidedAt: null }),
    );
    const { user, section } = await openSection([
      allTransfers([kungsgatan, waiting]),
      allTransfers(page, { status: 'DECLINED', total: 21, hasNextPage: true }),
      allTransfers([transferNode('p20', 'Site 20', { status: 'DECLINED' })], {
        status: 'DECLINED',
        after: 'cursor-p19',
        total: 21,
      }),
    ]);
    await within(section).findByRole('heading', { name: 'Kungsgatan 12' });
    await user.selectOptions(within(section).getByLabelText('Status'), 'Declined');
    expect(await within(section).findByRole('heading', { name: 'Site 0' })).toBeInTheDocument();
    expect(within(section).queryByRole('heading', { name: 'Kungsgatan 12' })).toBeNull();
    const pages = within(section).getByRole('navigation', { name: 'Pages of site transfers' });
    expect(pages).toHaveTextContent('1–20 of 21');
    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await within(section).findByRole('heading', { name: 'Site 20' })).toBeInTheDocument();
    expect(within(section).getByRole('navigation')).toHaveTextContent('21–21 of 21');
  });

  it('should undo with the reason given, say so and show the transfer undone', async () => {
    const undo = vi.fn(() => undoPayload([]));
    const { user, section } = await openSection([
      allTransfers([kungsgatan]),
      {
        request: {
          query: UndoSiteTransferMutation,
          variables: { id: 't1', reason: 'Case 4711: sent to the wrong company.' },
        },
        result: undo,
      },
      allTransfers([transferNode('t1', 'Kungsgatan 12', { undoneAt: new Date().toISOString() })]),
    ]);
    await user.click(await within(section).findByRole('button', { name: 'Undo… Kungsgatan 12' }));
    const dialog = screen.getByRole('dialog', { name: 'Undo the transfer of Kungsgatan 12?' });
    expect(dialog).toHaveAccessibleDescription(/goes back to Berg Porttelefoni AB/);
    await user.type(
      within(dialog).getByLabelText(/^Reason \(support case\)/),
      '  Case 4711: sent to the wrong company. ',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Undo the transfer' }));
    const status = await within(section).findByRole('status');
    expect(status).toHaveTextContent(
      'The transfer of Kungsgatan 12 is undone: the site is back with Berg Porttelefoni AB.',
    );
    await waitFor(() => expect(status).toHaveFocus());
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(section).findByText('Undone by support')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it("should show a refused undo in the interface's words and keep the dialog open", async () => {
    const { user, section } = await openSection(
      [
        allTransfers([kungsgatan]),
        {
          request: { query: UndoSiteTransferMutation, variables: { id: 't1', reason: null } },
          result: undoPayload([
            {
              __typename: 'UserError',
              field: ['id'],
              code: 'INVALID_STATE',
              message: 'server words',
              params: [
                { __typename: 'UserErrorParam', name: 'reason', value: 'TRANSFER_SITE_MOVED_ON' },
              ],
            },
          ]),
        },
      ],
      'sv',
    );
    await user.click(await within(section).findByRole('button', { name: 'Ångra… Kungsgatan 12' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ångra överlåtelsen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Det mottagande företaget har inte längre anläggningen, så överlåtelsen kan inte ångras.',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('should refuse a reason over 1,000 characters before asking the server', async () => {
    const { user, section } = await openSection([allTransfers([kungsgatan])]);
    await user.click(await within(section).findByRole('button', { name: 'Undo… Kungsgatan 12' }));
    const dialog = screen.getByRole('dialog');
    const reason = within(dialog).getByLabelText(/^Reason \(support case\)/);
    await user.click(reason);
    await user.paste('x'.repeat(1001));
    await user.click(within(dialog).getByRole('button', { name: 'Undo the transfer' }));
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(/^Error: /);
  });
});
