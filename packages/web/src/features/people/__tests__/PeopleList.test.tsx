import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { RemovePersonMutation, ResendInvitationMutation } from '../operations';
import { accessLevels, peopleList, peopleViewer, type TestPersonRow } from './people-mocks';

const camille: TestPersonRow = {
  id: 'person-1',
  firstName: 'Camille',
  lastName: 'Martin',
  level: 'SYSTEM_ADMIN',
};
// The viewer's own row carries their level (the cache keeps one Person:person-1).
const rowsFor = (level: TestPersonRow['level']) => [{ ...camille, level }, pia, daisy, sven];
const pia: TestPersonRow = {
  id: 'p-pia',
  firstName: 'Pia',
  lastName: 'Payer',
  level: 'PAYMENT_ADMIN',
};
const daisy: TestPersonRow = {
  id: 'p-daisy',
  firstName: 'Daisy',
  lastName: 'Burton',
  level: 'SITE_ADMIN',
  status: 'INVITED',
  sites: ['Grand Ave Suites', 'Harbour View Lofts', 'Quai des Brumes', 'Rue Verte'],
};
const sven: TestPersonRow = {
  id: 'p-sven',
  firstName: 'Sven',
  lastName: 'Site',
  level: 'SITE_ADMIN',
  sites: ['Grand Ave Suites'],
};

function openList(level: 'PAYMENT_ADMIN' | 'SYSTEM_ADMIN' | 'SITE_ADMIN', extra: never[] = []) {
  return renderApp({
    locale: 'en',
    path: '/administrator',
    mocks: [
      signedIn({ firstName: 'Camille', lastName: 'Martin' }),
      peopleViewer(level),
      accessLevels('en'),
      peopleList(rowsFor(level)),
      ...extra,
    ],
  });
}

async function rowOf(name: string) {
  const table = await screen.findByRole(
    'table',
    { name: 'People of your company' },
    { timeout: 5000 },
  );
  return within(table).getByRole('row', { name: new RegExp(name) });
}

const actionsIn = (row: HTMLElement) =>
  [...within(row).queryAllByRole('button'), ...within(row).queryAllByRole('link')].map(
    (control) => control.textContent,
  );

describe('PeopleList on the Administrator page', { timeout: 15_000 }, () => {
  it('should show each row with its localized level, status and sites', async () => {
    openList('SYSTEM_ADMIN');
    const row = await rowOf('Daisy Burton');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([
      'daisy@example.com',
      'Site admin',
      'Invited',
      'Grand Ave Suites, Harbour View Lofts, Quai des Brumes and 1 more',
    ]);
    expect(within(await rowOf('Pia Payer')).getByText('All sites')).toBeVisible();
    expect(within(await rowOf('Camille Martin')).getByText('(you)')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Add new person' })).toHaveAttribute(
      'href',
      '/administrator/people/new',
    );
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute(
      'href',
      '/administrator/audit',
    );
  });

  it("should hide what a system admin may not do: their own status and membership, and anything of a payment admin's", async () => {
    openList('SYSTEM_ADMIN');
    expect(actionsIn(await rowOf('Camille Martin'))).toEqual(['Edit']);
    expect(actionsIn(await rowOf('Pia Payer'))).toEqual([]);
    expect(actionsIn(await rowOf('Daisy Burton'))).toEqual([
      'Resend invitation',
      'Revoke invitation',
      'Edit',
    ]);
    expect(actionsIn(await rowOf('Sven Site'))).toEqual(['Disable', 'Remove', 'Edit']);
  });

  it('should let a payment admin disable or remove another payment admin', async () => {
    openList('PAYMENT_ADMIN');
    expect(actionsIn(await rowOf('Pia Payer'))).toEqual(['Disable', 'Remove', 'Edit']);
    expect(screen.getByRole('button', { name: 'Remove Pia Payer' })).toBeVisible();
  });

  it('should show a site admin why there is nothing to manage, and no buttons', async () => {
    openList('SITE_ADMIN');
    expect(
      await screen.findByText(
        'As a Site admin you manage the sites assigned to you. Only a Payment admin or a System admin can add people, change their access level or assign sites.',
        undefined,
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(screen.queryByRole('table', { name: 'People of your company' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add new person' })).not.toBeInTheDocument();
    // What each level may do stays on the page for everyone.
    expect(screen.getByRole('region', { name: 'Access levels' })).toBeVisible();
  });

  it('should ask before revoking an invitation and report it when done', async () => {
    const removed: unknown[] = [];
    const { user } = openList('SYSTEM_ADMIN', [
      {
        request: { query: RemovePersonMutation, variables: { id: 'p-daisy' } },
        result: () => {
          removed.push('p-daisy');
          return {
            data: {
              removePerson: { __typename: 'DeletePayload', deletedId: 'p-daisy', userErrors: [] },
            },
          };
        },
      },
    ] as never[]);
    const row = await rowOf('Daisy Burton');
    await user.click(
      within(row).getByRole('button', { name: 'Revoke invitation of Daisy Burton' }),
    );
    const question = within(row).getByRole('group', {
      name: 'Revoke the invitation of Daisy Burton? The link in their email stops working.',
    });
    const confirm = within(question).getByRole('button', { name: 'Yes, revoke' });
    expect(confirm).toHaveFocus();
    // Changing one's mind puts focus back where it was.
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(
      within(row).getByRole('button', { name: 'Revoke invitation of Daisy Burton' }),
    ).toHaveFocus();
    expect(removed).toEqual([]);

    await user.click(
      within(row).getByRole('button', { name: 'Revoke invitation of Daisy Burton' }),
    );
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    const status = await screen.findByText('The invitation of Daisy Burton has been revoked.');
    expect(status).toHaveAttribute('role', 'status');
    await waitFor(() => expect(status).toHaveFocus());
    expect(removed).toEqual(['p-daisy']);
  });

  it("should say so when the server refuses, in the server's words", async () => {
    const { user } = openList('SYSTEM_ADMIN', [
      {
        request: { query: ResendInvitationMutation, variables: { id: 'p-daisy' } },
        result: {
          data: {
            resendInvitation: {
              __typename: 'PersonPayload',
              person: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['id'],
                  code: 'INVALID_STATE',
                  message: 'This is not possible in its current state.',
                },
              ],
            },
          },
        },
      },
    ] as never[]);
    const row = await rowOf('Daisy Burton');
    await user.click(
      within(row).getByRole('button', { name: 'Resend invitation to Daisy Burton' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Daisy Burton: This is not possible in its current state.',
    );
  });

  it('should search once typing pauses and filter by level and status', async () => {
    const seen: Record<string, unknown>[] = [];
    const { user, router } = renderApp({
      locale: 'en',
      path: '/administrator',
      mocks: [
        signedIn({ firstName: 'Camille', lastName: 'Martin' }),
        peopleViewer('PAYMENT_ADMIN'),
        accessLevels('en'),
        peopleList(rowsFor('PAYMENT_ADMIN'), { seen }),
      ],
    });
    await rowOf('Daisy Burton');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'daisy');
    await waitFor(() => expect(seen.at(-1)).toMatchObject({ search: 'daisy' }));
    expect(seen.filter((variables) => variables['search'] === 'd')).toEqual([]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Access level' }), 'SITE_ADMIN');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'INVITED');
    await waitFor(() =>
      expect(seen.at(-1)).toMatchObject({
        search: 'daisy',
        accessLevel: 'SITE_ADMIN',
        status: 'INVITED',
        after: null,
      }),
    );
    expect(router.state.location.search).toBe('?q=daisy&level=SITE_ADMIN&status=INVITED');
    // The level was added to the search, never instead of it.
    expect(
      seen.filter((v) => v['accessLevel'] === 'SITE_ADMIN' && v['search'] !== 'daisy'),
    ).toEqual([]);
  });
});
