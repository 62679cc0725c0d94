import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { useCreateSiteShortcut } from '../useCreateSiteShortcut';

const FROM_HOME = { pathname: '/sites', search: '?status=active', state: { createSite: true } };

describe('useCreateSiteShortcut', () => {
  it('should open the form at once when Home asked, and forget the request when it is closed', async () => {
    const { result, location } = renderPartHook(() => useCreateSiteShortcut(true), {
      at: FROM_HOME,
    });
    expect(result.current.creating).toBe(true);
    act(() => result.current.close());
    expect(result.current.creating).toBe(false);
    await waitFor(() => expect(location()?.state).toBeNull());
    expect(location()?.search).toBe('?status=active');
  });

  it('should not open the form when the viewer may not create sites', () => {
    const { result } = renderPartHook(() => useCreateSiteShortcut(false), { at: FROM_HOME });
    expect(result.current.creating).toBe(false);
  });

  it('should open and close on request when Home did not ask', async () => {
    const { result, location } = renderPartHook(() => useCreateSiteShortcut(true), {
      at: '/sites',
    });
    expect(result.current.creating).toBe(false);
    act(() => result.current.open());
    expect(result.current.creating).toBe(true);
    act(() => result.current.done());
    expect(result.current.creating).toBe(false);
    expect(location()?.pathname).toBe('/sites');
  });
});
