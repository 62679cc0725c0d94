import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { SitesFilterBar, statusFilterOf } from '../components/SitesFilterBar';

function renderBar(canCreate: boolean) {
  const props = {
    searchText: '',
    onSearchText: vi.fn(),
    onSearchNow: vi.fn(),
    status: 'all' as const,
    onStatus: vi.fn(),
    canCreate,
    onCreate: vi.fn(),
  };
  return { ...renderPart(<SitesFilterBar {...props} />), props };
}

describe('statusFilterOf', () => {
  it('should show all sites when the address names no known status', () => {
    expect(statusFilterOf('inactive')).toBe('inactive');
    expect(statusFilterOf('active')).toBe('active');
    expect(statusFilterOf('archived')).toBe('all');
    expect(statusFilterOf(null)).toBe('all');
  });
});

describe('SitesFilterBar', () => {
  it('should pass the chosen status on and offer "Add a site" when the viewer may create', async () => {
    const { user, props } = renderBar(true);
    const select = await screen.findByRole('combobox', { name: 'Show' });
    expect([...(select as HTMLSelectElement).options].map((option) => option.textContent)).toEqual([
      'All sites',
      'Active sites',
      'Deactivated sites',
    ]);
    await user.selectOptions(select, 'Deactivated sites');
    expect(props.onStatus).toHaveBeenCalledWith('inactive');
    await user.click(screen.getByRole('button', { name: 'Add a site' }));
    expect(props.onCreate).toHaveBeenCalledTimes(1);
  });

  it('should leave "Add a site" out when the viewer may not create', async () => {
    renderBar(false);
    expect(await screen.findByRole('searchbox', { name: 'Search sites' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add a site' })).toBeNull();
  });
});
