import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { PeopleFilters } from '../components/PeopleFilters';
import { accessLevels } from './people-mocks';

describe('PeopleFilters', () => {
  it('should pass the typed search and the chosen level and status on', async () => {
    const onText = vi.fn();
    const onFilter = vi.fn();
    const { user } = renderPart(
      <PeopleFilters text="" onText={onText} level="" status="" onFilter={onFilter} />,
      { mocks: [accessLevels('en')] },
    );
    expect(await screen.findByRole('search', { name: 'Find people' })).toBeVisible();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'd');
    expect(onText).toHaveBeenCalledWith('d');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Access level' }), 'Site admin');
    expect(onFilter).toHaveBeenCalledWith('level', 'SITE_ADMIN');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Invited');
    expect(onFilter).toHaveBeenCalledWith('status', 'INVITED');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All');
    expect(onFilter).toHaveBeenLastCalledWith('status', '');
  });

  it('should show the filters the address holds', async () => {
    renderPart(
      <PeopleFilters
        text="dai"
        onText={() => {}}
        level="PAYMENT_ADMIN"
        status="DISABLED"
        onFilter={() => {}}
      />,
      { mocks: [accessLevels('en')] },
    );
    expect(await screen.findByRole('searchbox', { name: 'Search' })).toHaveValue('dai');
    expect(screen.getByRole('combobox', { name: 'Access level' })).toHaveValue('PAYMENT_ADMIN');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('DISABLED');
  });
});
