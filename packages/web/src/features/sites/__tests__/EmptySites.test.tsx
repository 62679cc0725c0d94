import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { EmptySites } from '../components/EmptySites';

const noop = () => {};

describe('EmptySites', () => {
  it('should say nothing matches the search and offer to show all sites', async () => {
    const onClear = vi.fn();
    const { user } = renderPart(
      <EmptySites filtered search="zz" allSites canCreate onCreate={noop} onClear={onClear} />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('No sites match “zz”.');
    await user.click(screen.getByRole('button', { name: 'Show all sites' }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it('should speak of the filter when there is no search', async () => {
    renderPart(<EmptySites filtered search="" allSites canCreate onCreate={noop} onClear={noop} />);
    expect(await screen.findByText('No sites match this filter.')).toBeVisible();
  });

  it('should offer to add the first site when the viewer may', async () => {
    const onCreate = vi.fn();
    const { user } = renderPart(
      <EmptySites
        filtered={false}
        search=""
        allSites
        canCreate
        onCreate={onCreate}
        onClear={noop}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'No sites yet' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add a site' }));
    expect(onCreate).toHaveBeenCalledTimes(1);
  });

  it('should tell a site admin who can assign sites, in their language', async () => {
    renderPart(
      <EmptySites
        filtered={false}
        search=""
        allSites={false}
        canCreate={false}
        onCreate={noop}
        onClear={noop}
      />,
    );
    expect(
      await screen.findByText(
        'No sites have been assigned to you yet. A Payment admin or System admin of your company can assign them to you.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
