import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { EditEntryUserDialog, RemoveEntryUserDialog } from '../components/EntryUserDialogs';
import { RemoveEntryUserMutation } from '../dialog-operations';

const anna = {
  id: 'u-1',
  firstName: 'Anna',
  lastName: 'Berg',
  email: 'anna@example.com',
  apartment: '1102',
};

function removal(result: MockLink.MockedResponse['result'] | Error): MockLink.MockedResponse {
  const request = { query: RemoveEntryUserMutation, variables: { id: 'u-1' } };
  return result instanceof Error ? { request, error: result } : { request, result };
}

const payload = (userErrors: object[]) => ({
  data: {
    removeEntryUser: { __typename: 'RemoveEntryUserPayload', deletedId: 'u-1', userErrors },
  },
});

describe('RemoveEntryUserDialog', () => {
  it('should remove the user once confirmed and say so', async () => {
    const onRemoved = vi.fn();
    const { user } = renderPart(
      <RemoveEntryUserDialog user={anna} onCancel={() => {}} onRemoved={onRemoved} />,
      { mocks: [removal(payload([]))] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Remove Anna Berg?' });
    expect(dialog).toHaveAccessibleDescription(/Anna Berg will no longer be an Entry app user/);
    await user.click(screen.getByRole('button', { name: 'Remove user' }));
    await vi.waitFor(() => expect(onRemoved).toHaveBeenCalledWith('Anna Berg was removed.'));
  });

  it('should keep the dialog open with the refusal when the server refuses', async () => {
    const onRemoved = vi.fn();
    const { user } = renderPart(
      <RemoveEntryUserDialog user={anna} onCancel={() => {}} onRemoved={onRemoved} />,
      {
        mocks: [
          removal(
            payload([
              {
                __typename: 'UserError',
                field: ['id'],
                code: 'SOMETHING_NEW',
                message: 'This user is already gone.',
                params: [],
              },
            ]),
          ),
        ],
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Remove user' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This user is already gone.');
    expect(onRemoved).not.toHaveBeenCalled();
  });

  it('should ask to try again when the request fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = renderPart(
      <RemoveEntryUserDialog user={anna} onCancel={() => {}} onRemoved={() => {}} />,
      { mocks: [removal(new Error('offline'))] },
    );
    await user.click(await screen.findByRole('button', { name: 'Remove user' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Please try again\./);
  });

  it('should cancel with the focused Cancel button', async () => {
    const onCancel = vi.fn();
    const { user } = renderPart(
      <RemoveEntryUserDialog user={anna} onCancel={onCancel} onRemoved={() => {}} />,
    );
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('EditEntryUserDialog', () => {
  it("should show the user's details in a dialog named after them, and close on Cancel", async () => {
    const onClose = vi.fn();
    const { user } = renderPart(
      <EditEntryUserDialog siteId="s-1" user={anna} onClose={onClose} onSaved={() => {}} />,
    );
    expect(await screen.findByRole('dialog', { name: 'Edit Anna Berg' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /First name/ })).toHaveValue('Anna');
    expect(screen.getByRole('textbox', { name: /Apartment/ })).toHaveValue('1102');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
