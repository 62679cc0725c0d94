import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useLoadMore } from '../useLoadMore';

function setUp(fetch: (after: string) => Promise<unknown>, endCursor: string | null = 'c-20') {
  const focusRow = vi.fn();
  const onError = vi.fn();
  const hook = renderHook(() => useLoadMore({ endCursor, shown: 20, fetch, focusRow, onError }));
  return { hook, focusRow, onError };
}

describe('useLoadMore', () => {
  it('should ask for the page after the cursor and then focus the first new row', async () => {
    const fetch = vi.fn(async () => {});
    const { hook, focusRow, onError } = setUp(fetch);
    await act(() => hook.result.current.loadMore());
    expect(fetch).toHaveBeenCalledWith('c-20');
    expect(focusRow).toHaveBeenCalledWith(20);
    expect(onError).not.toHaveBeenCalled();
    expect(hook.result.current.loadingMore).toBe(false);
  });

  it('should ask once while a page is loading', async () => {
    let finish = () => {};
    const fetch = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { hook } = setUp(fetch);
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = hook.result.current.loadMore();
    });
    expect(hook.result.current.loadingMore).toBe(true);
    await act(() => hook.result.current.loadMore());
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(hook.result.current.loadingMore).toBe(false);
  });

  it('should report a failed page and move no focus', async () => {
    const failure = new Error('offline');
    const { hook, focusRow, onError } = setUp(() => Promise.reject(failure));
    await act(() => hook.result.current.loadMore());
    expect(onError).toHaveBeenCalledWith(failure);
    expect(focusRow).not.toHaveBeenCalled();
    expect(hook.result.current.loadingMore).toBe(false);
  });

  it('should ask nothing without a cursor', async () => {
    const fetch = vi.fn(async () => {});
    const { hook } = setUp(fetch, null);
    await act(() => hook.result.current.loadMore());
    expect(fetch).not.toHaveBeenCalled();
  });
});
