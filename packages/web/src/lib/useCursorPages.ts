import { useState } from 'react';

/**
 * Keyset pagination with a way back: the cursors of the pages seen so far, started afresh
 * whenever the filters (`key`) change.
 */
export function useCursorPages(key: string) {
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({
    key,
    cursors: [null],
  });
  const cursors = pages.key === key ? pages.cursors : [null];
  return {
    /** the `after` of the page shown */
    after: cursors[cursors.length - 1] ?? null,
    /** 0 for the first page */
    index: cursors.length - 1,
    next: (endCursor: string | null | undefined) =>
      setPages({ key, cursors: [...cursors, endCursor ?? null] }),
    previous: () => setPages({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : [null] }),
  };
}
