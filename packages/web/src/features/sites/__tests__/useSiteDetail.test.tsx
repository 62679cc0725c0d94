import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { useSiteDetail } from '../useSiteDetail';
import { siteDetail } from './mocks';

const anna = { id: 'u-1', firstName: 'Anna', lastName: 'Berg', email: 'anna@example.com' };
const olle = { id: 'u-2', firstName: 'Olle', lastName: 'Ek', email: 'olle@example.com' };

describe('useSiteDetail', () => {
  it('should ask for the site with the users matching the search and append the next page', async () => {
    const page = siteDetail(
      { id: 's-1', name: 'Kungsgatan 12', entryUsers: [anna] },
      { search: 'berg' },
    );
    const next = siteDetail(
      { id: 's-1', name: 'Kungsgatan 12', entryUsers: [olle] },
      { search: 'berg' },
    );
    next.request.variables = { ...next.request.variables, after: 'u-0' };
    const { result } = renderPartHook(() => useSiteDetail('s-1', 'berg'), { mocks: [page, next] });
    expect(result.current.result).toBeNull();
    await waitFor(() => expect(result.current.site?.name).toBe('Kungsgatan 12'));
    await act(() => result.current.loadPage('u-0'));
    await waitFor(() =>
      expect(result.current.site?.entryUsers.edges.map(({ node }) => node.firstName)).toEqual([
        'Anna',
        'Olle',
      ]),
    );
  });

  it("should answer no site when the site is not the viewer's", async () => {
    const { result } = renderPartHook(() => useSiteDetail('s-9', ''), {
      mocks: [siteDetail(null, { id: 's-9' })],
    });
    await waitFor(() => expect(result.current.result).not.toBeNull());
    expect(result.current.site).toBeNull();
  });
});
