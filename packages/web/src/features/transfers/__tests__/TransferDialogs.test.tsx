import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recorded } from '../../../test/recorded';
import { renderPart } from '../../../test/renderPart';
import { AcceptDialog } from '../components/DecisionDialogs';
import { TransferSiteDialog } from '../components/TransferSiteDialog';
import { AcceptSiteTransferMutation, RequestSiteTransferMutation } from '../operations';
import type { TransferRow } from '../transfer-rows';

const userError = (field: string[], code: string, params: Record<string, string> = {}) => ({
  __typename: 'UserError',
  field,
  code,
  message: `server words for ${code}`,
  params: Object.entries(params).map(([name, value]) => ({
    __typename: 'UserErrorParam',
    name,
    value,
  })),
});

const SITE = { id: 'site-1', name: 'Hamngatan 4', entryUserCount: 1234 };

describe('TransferSiteDialog', () => {
  it('should check the address before sending, then put the server’s SAME_COMPANY under it', async () => {
    const request = recorded(RequestSiteTransferMutation, () => ({
      requestSiteTransfer: {
        __typename: 'SiteTransferPayload',
        siteTransfer: null,
        userErrors: [userError(['input', 'recipientEmail'], 'SAME_COMPANY')],
      },
    }));
    const { user } = renderPart(
      <TransferSiteDialog site={SITE} onClose={() => {}} onSent={() => {}} />,
      { mocks: [request.mock] },
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Transfer Hamngatan 4 to another company',
    });
    expect(within(dialog).getByText(/with its Entry app users \(1,234\)/)).toBeVisible();
    const email = within(dialog).getByRole('textbox', { name: /Recipient's email address/ });
    await user.type(email, 'not an address');
    await user.click(within(dialog).getByRole('button', { name: 'Send the transfer' }));
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription(/Enter an email address like name@example.com/);
    expect(request.seen).toEqual([]);

    await user.clear(email);
    await user.type(email, 'Colleague@Example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Send the transfer' }));
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/someone of your own company/);
    expect(request.seen).toEqual([
      { input: { siteId: 'site-1', recipientEmail: 'colleague@example.com', message: null } },
    ]);
  });

  it('should say until when the transfer waits once it is sent, in the language shown', async () => {
    const request = recorded(RequestSiteTransferMutation, () => ({
      requestSiteTransfer: {
        __typename: 'SiteTransferPayload',
        siteTransfer: {
          __typename: 'SiteTransfer',
          id: 'transfer-1',
          recipientEmail: 'manager@example.com',
          expiresAt: '2026-12-20T10:00:00.000Z',
          status: 'PENDING',
        },
        userErrors: [],
      },
    }));
    const onSent = vi.fn();
    const { user } = renderPart(
      <TransferSiteDialog site={SITE} onClose={() => {}} onSent={onSent} />,
      { mocks: [request.mock], locale: 'sv' },
    );
    const dialog = await screen.findByRole('dialog');
    await user.type(
      within(dialog).getByRole('textbox', { name: /Mottagarens e-postadress/ }),
      'manager@example.com',
    );
    await user.type(within(dialog).getByRole('textbox', { name: /Meddelande/ }), '  Hej!  ');
    await user.click(within(dialog).getByRole('button', { name: 'Skicka överlåtelsen' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(onSent).toHaveBeenCalledWith(
      'Överlåtelsen av Hamngatan 4 har skickats till manager@example.com. Den väntar på svar till 20 december 2026.',
    );
    expect(request.seen[0]).toMatchObject({ input: { message: 'Hej!' } });
  });
});

const INCOMING: TransferRow = {
  id: 'transfer-2',
  site: null,
  siteName: 'Quai Ouest',
  fromCompanyName: 'Installateur SA',
  toCompanyName: null,
  recipientEmail: 'karin.lund@example.se',
  message: null,
  status: 'PENDING',
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-15T09:00:00.000Z',
  decidedAt: null,
  declineReason: null,
  effectiveDate: '2026-12-06',
  entryUserCount: 12,
  nameAlreadyUsed: false,
  undoneAt: null,
};

describe('AcceptDialog', () => {
  it('should say what comes and from when, and tell the receiver of a name it already uses', async () => {
    const accept = recorded(AcceptSiteTransferMutation, () => ({
      acceptSiteTransfer: {
        __typename: 'SiteTransferPayload',
        siteTransfer: {
          __typename: 'SiteTransfer',
          ...INCOMING,
          site: { __typename: 'Site', id: 'site-2', name: 'Quai Ouest' },
          toCompanyName: 'Lund AB',
          status: 'ACCEPTED',
          decidedAt: '2026-12-06T10:00:00.000Z',
          nameAlreadyUsed: true,
        },
        userErrors: [],
      },
    }));
    const onDone = vi.fn();
    const { user } = renderPart(
      <AcceptDialog transfer={INCOMING} onClose={() => {}} onDone={onDone} />,
      { mocks: [accept.mock] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Take over Quai Ouest?' });
    expect(
      within(dialog).getByText(
        "Quai Ouest becomes your company's with its Entry app users (12), billed to you from December 6, 2026. Installateur SA can no longer open it.",
      ),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Accept the transfer' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]![0]).toMatch(/You already had a site of this name/);
    expect(accept.seen).toEqual([{ id: 'transfer-2' }]);
  });

  it('should explain a transfer decided meanwhile with the shared words', async () => {
    const accept = recorded(AcceptSiteTransferMutation, () => ({
      acceptSiteTransfer: {
        __typename: 'SiteTransferPayload',
        siteTransfer: null,
        userErrors: [userError(['id'], 'INVALID_STATE', { reason: 'TRANSFER_NOT_PENDING' })],
      },
    }));
    const { user } = renderPart(
      <AcceptDialog transfer={INCOMING} onClose={() => {}} onDone={() => {}} />,
      { mocks: [accept.mock], locale: 'fr' },
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Accepter le transfert' }));
    expect(await within(dialog).findByText(/Ce transfert n’attend plus de réponse/)).toBeVisible();
  });
});
