import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { GrowingList, RowButton, SearchForm } from '../components/ListParts';

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

describe('GrowingList', () => {
  function renderList(props: { updating: boolean; hasNextPage: boolean; loadingMore: boolean }) {
    const loadMore = vi.fn(async () => {});
    const list = (current: typeof props) => (
      <GrowingList
        count="Showing 2 of 7"
        updating={current.updating}
        hasNextPage={current.hasNextPage}
        moreLabel="Show more sites"
        more={{ loadingMore: current.loadingMore, loadMore }}
      >
        <table aria-label="Sites" />
      </GrowingList>
    );
    const view = renderPart(list(props));
    return { ...view, loadMore, update: (next: typeof props) => view.rerender(list(next)) };
  }

  it('should count the rows, show the table and load more on request', async () => {
    const { user, loadMore } = renderList({
      updating: false,
      hasNextPage: true,
      loadingMore: false,
    });
    expect(await screen.findByText('Showing 2 of 7')).toBeVisible();
    expect(screen.getByRole('table', { name: 'Sites' })).toBeInTheDocument();
    expect(screen.queryByText('Updating the list…')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show more sites' }));
    expect(loadMore).toHaveBeenCalledTimes(1);
  });

  it('should say the list is being updated, but not while more rows load', async () => {
    const { update } = renderList({ updating: true, hasNextPage: true, loadingMore: false });
    expect(await screen.findByText('Updating the list…')).toBeVisible();
    update({ updating: true, hasNextPage: true, loadingMore: true });
    expect(screen.queryByText('Updating the list…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Loading more…' })).toBeDisabled();
  });

  it('should offer no button on the last page', async () => {
    renderList({ updating: false, hasNextPage: false, loadingMore: false });
    await screen.findByText('Showing 2 of 7');
    expect(screen.queryByRole('button')).toBeNull();
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
