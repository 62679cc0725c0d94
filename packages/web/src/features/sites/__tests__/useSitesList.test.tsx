import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { useSitesList } from '../useSitesList';
import { sitesList } from './mocks';

const first = sitesList([{ id: 's-1', name: 'Kungsgatan 12' }], {
  active: false,
  search: 'g',
  withSiteAdmins: false,
  totalCount: 2,
  hasNextPage: true,
});
const second = sitesList([{ id: 's-2', name: 'Hamngatan 3' }], {
  active: false,
  search: 'g',
  withSiteAdmins: false,
  totalCount: 2,
});
second.request.variables = { ...second.request.variables, after: 'cursor-1' };

describe('useSitesList', () => {
  it('should ask for the filtered sites and append the next page after the cursor', async () => {
    const { result } = renderPartHook(
      () => useSitesList({ search: 'g', active: false, withAdmins: false }),
      { mocks: [first, second] },
    );
    await waitFor(() => expect(result.current.sites?.edges).toHaveLength(1));
    expect(result.current.sites?.pageInfo.endCursor).toBe('cursor-1');
    await act(() => result.current.loadPage('cursor-1'));
    await waitFor(() =>
      expect(result.current.sites?.edges.map(({ node }) => node.name)).toEqual([
        'Kungsgatan 12',
        'Hamngatan 3',
      ]),
    );
  });

  it('should ask for every site when there is no search', async () => {
    const { result } = renderPartHook(
      () => useSitesList({ search: '', active: null, withAdmins: true }),
      { mocks: [sitesList([{ id: 's-1', name: 'Kungsgatan 12' }])] },
    );
    await waitFor(() => expect(result.current.sites?.totalCount).toBe(1));
    expect(result.current.error).toBeUndefined();
  });
});
