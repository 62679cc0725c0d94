import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { EntryUsers } from '../components/EntryUsers';

const anna = {
  id: 'u-1',
  firstName: 'Anna',
  lastName: 'Berg',
  email: 'anna@example.com',
  activeFrom: '2026-11-03T08:00:00.000Z',
  status: 'ACTIVE',
};

function siteWith(
  users: (typeof anna)[],
  { active = true, hasNextPage = false, total = users.length } = {},
) {
  return {
    id: 's-1',
    name: 'Kungsgatan 12',
    active,
    entryUsers: {
      totalCount: total,
      pageInfo: { hasNextPage, endCursor: hasNextPage ? 'u-20' : null },
      edges: users.map((node) => ({ node })),
    },
  };
}

const search = { text: '', setText: () => {}, applyNow: () => {} };

describe('EntryUsers', () => {
  it('should count the users, list them and load the next page after the cursor', async () => {
    const loadPage = vi.fn(async () => {});
    const { user } = renderPart(
      <EntryUsers
        site={siteWith([anna], { hasNextPage: true, total: 21 })}
        search={search}
        appliedSearch=""
        updating={false}
        loadPage={loadPage}
      />,
    );
    const section = await screen.findByRole('region', { name: 'Entry app users' });
    expect(within(section).getByText('Showing 1 of 21')).toBeVisible();
    expect(
      within(section).getByRole('searchbox', { name: 'Search Entry app users' }),
    ).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Show more users' }));
    expect(loadPage).toHaveBeenCalledWith('u-20');
    expect(screen.getByRole('region', { name: 'Add an Entry app user' })).toBeVisible();
  });

  it('should say nothing matches a search, as a status, and keep the search box', async () => {
    renderPart(
      <EntryUsers
        site={siteWith([])}
        search={{ ...search, text: 'zz' }}
        appliedSearch="zz"
        updating={false}
        loadPage={async () => {}}
      />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('No Entry app users match “zz”.');
    expect(screen.getByRole('searchbox', { name: 'Search Entry app users' })).toHaveValue('zz');
  });

  it('should offer no search and no adding for an empty deactivated site', async () => {
    renderPart(
      <EntryUsers
        site={siteWith([], { active: false })}
        search={search}
        appliedSearch=""
        updating={false}
        loadPage={async () => {}}
      />,
    );
    expect(await screen.findByText(/This site has no Entry app users yet\./)).toBeVisible();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Add an Entry app user' })).toBeNull();
  });

  it("should open the remove dialog for the row's user", async () => {
    const { user } = renderPart(
      <EntryUsers
        site={siteWith([anna])}
        search={search}
        appliedSearch=""
        updating
        loadPage={async () => {}}
      />,
    );
    expect(await screen.findByText('Updating the list…')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Remove Anna Berg' }));
    expect(await screen.findByRole('dialog', { name: 'Remove Anna Berg?' })).toBeVisible();
  });
});
