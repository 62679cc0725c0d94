import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { SitesTable, type ListedSite } from '../components/SitesTable';

const SITES: ListedSite[] = [
  {
    id: 'site/1',
    name: 'Kungsgatan 12',
    address: 'Kungsgatan 12, Stockholm',
    active: true,
    entryUserCount: 1234,
    siteAdmins: [{ firstName: 'Sven', lastName: 'Berg' }],
  },
  { id: 'site-2', name: 'Hamnvägen 3', address: null, active: false, entryUserCount: 0 },
];

function renderTable(allSites: boolean) {
  const onEdit = vi.fn();
  const onChangeStatus = vi.fn();
  const view = renderPart(
    <SitesTable
      sites={SITES}
      allSites={allSites}
      onEdit={onEdit}
      onChangeStatus={onChangeStatus}
    />,
  );
  return { ...view, onEdit, onChangeStatus };
}

describe('SitesTable', () => {
  it("should show each site with its admins and hand the clicked row on when all sites are the viewer's", async () => {
    const { user, onEdit, onChangeStatus } = renderTable(true);
    const table = await screen.findByRole('table', { name: "Your company's sites" });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = rows[1] as HTMLElement;
    const second = rows[2] as HTMLElement;
    // The id is the link's last segment, encoded as it is (a slash stays a slash).
    expect(within(first).getByRole('link', { name: 'Kungsgatan 12' }).getAttribute('href')).toBe(
      '/sites/site/1',
    );
    expect(first).toHaveTextContent('1,234');
    expect(first).toHaveTextContent('Sven Berg');
    expect(second).toHaveTextContent('No address');
    expect(second).toHaveTextContent('None');
    await user.click(within(second).getByRole('button', { name: 'Reactivate Hamnvägen 3' }));
    expect(onChangeStatus).toHaveBeenCalledWith(SITES[1]);
    await user.click(within(first).getByRole('button', { name: 'Edit Kungsgatan 12' }));
    expect(onEdit).toHaveBeenCalledWith(SITES[0]);
  });

  it('should leave out the site admins and the status buttons for a site admin', async () => {
    renderTable(false);
    const table = await screen.findByRole('table', { name: 'Sites assigned to you' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name', 'Address', 'Status', 'Entry app users', 'Actions']);
    expect(within(table).queryByRole('button', { name: /Deactivate|Reactivate/ })).toBeNull();
    expect(within(table).getByRole('button', { name: 'Edit Hamnvägen 3' })).toBeVisible();
  });
});
