import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { PersonRowActions } from '../components/PersonRowActions';
import { RemovePersonMutation, ResendInvitationMutation } from '../operations';
import type { PolicyViewer } from '../people-policy';

const daisy = {
  id: 'p-daisy',
  email: 'daisy@example.com',
  status: 'INVITED',
  accessLevel: { code: 'SITE_ADMIN' as const },
};
const admin: PolicyViewer = { id: 'person-1', level: 'SYSTEM_ADMIN' };
const siteAdmin: PolicyViewer = { id: 'person-1', level: 'SITE_ADMIN' };

function renderActions(viewer = admin, mocks: MockLink.MockedResponse[] = []) {
  const onDone = vi.fn();
  const view = renderPart(
    <table>
      <tbody>
        <tr>
          <td>
            <PersonRowActions person={daisy} name="Daisy Burton" viewer={viewer} onDone={onDone} />
          </td>
        </tr>
      </tbody>
    </table>,
    { mocks },
  );
  return { ...view, onDone };
}

const names = (list: HTMLElement) =>
  [...within(list).queryAllByRole('link'), ...within(list).queryAllByRole('button')].map(
    (control) => control.getAttribute('aria-label'),
  );

describe('PersonRowActions', () => {
  it('should offer an admin the commands for an invited person, named for screen readers', async () => {
    renderActions();
    const list = await screen.findByRole('list', { name: 'Actions for Daisy Burton' });
    expect(names(list)).toEqual([
      'Edit Daisy Burton',
      'Resend invitation to Daisy Burton',
      'Revoke invitation of Daisy Burton',
    ]);
    expect(within(list).getByRole('link')).toHaveAttribute('href', '/administrator/people/p-daisy');
  });

  it('should offer a site admin nothing for a colleague', async () => {
    renderActions(siteAdmin);
    const list = await screen.findByRole('list', { name: 'Actions for Daisy Burton' });
    expect(names(list)).toEqual([]);
  });

  it('should run a command, wait disabled meanwhile, and report the outcome', async () => {
    const { user, onDone } = renderActions(admin, [
      {
        request: { query: ResendInvitationMutation, variables: { id: 'p-daisy' } },
        delay: 300,
        result: {
          data: {
            resendInvitation: { __typename: 'PersonPayload', person: null, userErrors: [] },
          },
        },
      },
    ]);
    await user.click(
      await screen.findByRole('button', { name: 'Resend invitation to Daisy Burton' }),
    );
    expect(
      screen.getByRole('button', { name: 'Resend invitation to Daisy Burton' }),
    ).toHaveTextContent('Working…');
    expect(
      screen.getByRole('button', { name: 'Revoke invitation of Daisy Burton' }),
    ).toBeDisabled();
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({ kind: 'resent', email: 'daisy@example.com' }),
    );
  });

  it('should ask in the row before revoking, and give the focus back on Cancel', async () => {
    const { user, onDone } = renderActions(admin, [
      {
        request: { query: RemovePersonMutation, variables: { id: 'p-daisy' } },
        result: {
          data: {
            removePerson: { __typename: 'DeletePayload', deletedId: 'p-daisy', userErrors: [] },
          },
        },
      },
    ]);
    await user.click(
      await screen.findByRole('button', { name: 'Revoke invitation of Daisy Burton' }),
    );
    const question = screen.getByRole('group', {
      name: 'Revoke the invitation of Daisy Burton? The link in their email stops working.',
    });
    expect(within(question).getByRole('button', { name: 'Yes, revoke' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Revoke invitation of Daisy Burton' })).toHaveFocus();
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Revoke invitation of Daisy Burton' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({ kind: 'revoked', name: 'Daisy Burton' }),
    );
  });
});
