import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

// Counts the imports of the zxcvbn module: the real one is 235 kB gzipped, and a password page
// must not fetch it before the person types.
const created = vi.hoisted(() => ({ count: 0 }));
vi.mock('../zxcvbn-checker', () => ({
  createPasswordChecker: () => {
    created.count += 1;
    return { score: () => 4, isCommon: () => false };
  },
}));

const { usePasswordChecker } = await import('../usePasswordChecker');

describe('usePasswordChecker', () => {
  it('should not load zxcvbn while no password is typed, and load it once when typing starts', async () => {
    const { result, rerender } = renderHook(({ wanted }) => usePasswordChecker(wanted), {
      initialProps: { wanted: false },
    });
    // Whatever else settles meanwhile, nothing asks for the module.
    await new Promise((settle) => setTimeout(settle, 20));
    expect(created.count).toBe(0);
    expect(result.current).toBeNull();

    rerender({ wanted: true });
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(created.count).toBe(1);

    // A second form on the page shares the loaded checker.
    const other = renderHook(() => usePasswordChecker(true));
    await waitFor(() => expect(other.result.current).not.toBeNull());
    expect(created.count).toBe(1);
  });
});
