import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { ListCount, LoadMoreButton, RowButton, SearchForm } from '../components/ListParts';

describe('SearchForm', () => {
  it('should tie the box to its label and hint and search at once when submitted', async () => {
    const onChange = vi.fn();
    const onSearch = vi.fn();
    const { user } = renderPart(
      <SearchForm
        id="things-search"
        label="Search things"
        hint="By name"
        value="ab"
        onChange={onChange}
        onSearch={onSearch}
      />,
    );
    const box = await screen.findByRole('searchbox', { name: 'Search things' });
    expect(box).toHaveAccessibleDescription('By name');
    await user.type(box, 'c');
    expect(onChange).toHaveBeenLastCalledWith('abc');
    expect(onSearch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });
});

describe('ListCount', () => {
  it('should say the list is being updated only while it is', async () => {
    const { rerender } = renderPart(<ListCount updating>Showing 2 of 7</ListCount>);
    expect(await screen.findByText('Updating the list…')).toBeVisible();
    rerender(<ListCount updating={false}>Showing 2 of 7</ListCount>);
    expect(screen.getByText('Showing 2 of 7')).toBeVisible();
    expect(screen.queryByText('Updating the list…')).toBeNull();
  });
});

describe('LoadMoreButton', () => {
  it('should wait, disabled, while the next page loads', async () => {
    const onLoadMore = vi.fn();
    const { user, rerender } = renderPart(
      <LoadMoreButton label="Show more sites" loadingMore={false} onLoadMore={onLoadMore} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Show more sites' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<LoadMoreButton label="Show more sites" loadingMore onLoadMore={onLoadMore} />);
    expect(screen.getByRole('button', { name: 'Loading more…' })).toBeDisabled();
  });
});

describe('RowButton', () => {
  it('should be named with its row for screen readers', async () => {
    const onClick = vi.fn();
    const { user } = renderPart(<RowButton label="Edit" name="Kungsgatan 12" onClick={onClick} />);
    await user.click(await screen.findByRole('button', { name: 'Edit Kungsgatan 12' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
