import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { usePeopleFilters } from '../components/usePeopleFilters';

const paramsOf = (search: string | undefined) => Object.fromEntries(new URLSearchParams(search));

describe('usePeopleFilters', () => {
  it('should read the filters from the address and drop values it does not know', () => {
    const { result } = renderPartHook(() => usePeopleFilters(), {
      at: '/administrator?q=%20dai%20&level=SITE_ADMIN&status=SLEEPING',
    });
    expect(result.current).toMatchObject({
      search: 'dai',
      text: ' dai ',
      level: 'SITE_ADMIN',
      status: null,
    });
  });

  it('should put the search in the address once typing pauses, and a cleared one out of it', async () => {
    const { result, location } = renderPartHook(() => usePeopleFilters(), {
      at: '/administrator?status=INVITED',
    });
    const before = result.current.key;
    act(() => result.current.setText('sven'));
    expect(result.current.search).toBe('');
    await waitFor(() => expect(result.current.search).toBe('sven'));
    expect(paramsOf(location()?.search)).toEqual({ status: 'INVITED', q: 'sven' });
    expect(result.current.key).not.toBe(before);
    act(() => result.current.setText('  '));
    await waitFor(() => expect(paramsOf(location()?.search)).toEqual({ status: 'INVITED' }));
  });

  it('should set and clear the level and status in the address', async () => {
    const { result, location } = renderPartHook(() => usePeopleFilters(), { at: '/administrator' });
    act(() => result.current.setFilter('level', 'PAYMENT_ADMIN'));
    await waitFor(() => expect(result.current.level).toBe('PAYMENT_ADMIN'));
    act(() => result.current.setFilter('level', ''));
    await waitFor(() => expect(result.current.level).toBeNull());
    expect(location()?.search).toBe('');
  });
});
