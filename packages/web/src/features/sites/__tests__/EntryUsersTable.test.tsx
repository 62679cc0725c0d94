import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { EntryUsersTable, type ListedEntryUser } from '../components/EntryUsersTable';

const USERS: ListedEntryUser[] = [
  {
    id: 'u-1',
    firstName: 'Anna',
    lastName: 'Berg',
    email: 'anna@example.com',
    apartment: '1102',
    activeFrom: '2026-11-03T08:00:00.000Z',
    moveOutDate: '2027-06-30',
    status: 'ACTIVE',
  },
  {
    id: 'u-2',
    firstName: 'Olle',
    lastName: 'Ek',
    email: 'olle@example.com',
    activeFrom: '2026-11-04T08:00:00.000Z',
    moveInDate: '2027-01-15',
    status: 'UPCOMING',
  },
];

describe('EntryUsersTable', () => {
  it("should show each user and hand the row's user to edit and remove", async () => {
    const onEdit = vi.fn();
    const onRemove = vi.fn();
    const { user } = renderPart(
      <EntryUsersTable
        siteName="Kungsgatan 12"
        users={USERS}
        onEdit={onEdit}
        onRemove={onRemove}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Entry app users of Kungsgatan 12' });
    const [anna, olle] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
    expect(
      within(anna)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((cell) => cell.textContent),
    ).toEqual(['anna@example.com', '1102', 'November 3, 2026', 'Moves out on June 30, 2027']);
    expect(within(olle).getAllByRole('cell')[3]).toHaveTextContent('Moves in on January 15, 2027');
    expect(within(anna).getByRole('rowheader')).toHaveTextContent('Anna Berg');
    await user.click(within(olle).getByRole('button', { name: 'Remove Olle Ek' }));
    expect(onRemove).toHaveBeenCalledWith(USERS[1]);
    await user.click(within(anna).getByRole('button', { name: 'Edit Anna Berg' }));
    expect(onEdit).toHaveBeenCalledWith(USERS[0]);
  });
});
