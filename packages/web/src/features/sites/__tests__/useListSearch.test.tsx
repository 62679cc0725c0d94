import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { useListSearch } from '../useListSearch';

const DEFAULTS = { q: '', status: 'all' };

describe('useListSearch', () => {
  it('should put the typed search in the address once typing pauses, trimmed', async () => {
    const { result, location } = renderPartHook(() => useListSearch(DEFAULTS), {
      at: '/sites?status=active',
    });
    expect(result.current.filters).toEqual({ q: '', status: 'active' });
    act(() => result.current.search.setText('  kung '));
    expect(result.current.search.text).toBe('  kung ');
    expect(result.current.filters.q).toBe('');
    await waitFor(() => expect(result.current.filters.q).toBe('kung'));
    expect(new URLSearchParams(location()?.search).get('q')).toBe('kung');
    expect(new URLSearchParams(location()?.search).get('status')).toBe('active');
  });

  it('should search at once when asked, and read the search from the address', async () => {
    const { result, location } = renderPartHook(() => useListSearch(DEFAULTS), {
      at: '/sites?q=hamn',
    });
    expect(result.current.search.text).toBe('hamn');
    act(() => result.current.search.setText('berg'));
    act(() => result.current.search.applyNow());
    expect(result.current.filters.q).toBe('berg');
    await waitFor(() => expect(location()?.search).toBe('?q=berg'));
  });
});
