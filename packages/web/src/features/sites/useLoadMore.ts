import { useState } from 'react';

interface LoadMoreOptions {
  /** where the next page starts; nothing more to load without one */
  endCursor: string | null | undefined;
  /** how many rows are shown now: the index the first new row will have */
  shown: number;
  fetch: (after: string) => Promise<unknown>;
  /** moves the focus to the row at this index once it is there */
  focusRow: (index: number) => void;
  /** says that the next page did not come (the rows shown stay) */
  onError: (error: unknown) => void;
}

/**
 * "Load more" for a list that grows: one request at a time, and keyboard and screen reader users
 * carry on at the first row just loaded.
 */
export function useLoadMore({ endCursor, shown, fetch, focusRow, onError }: LoadMoreOptions) {
  const [loadingMore, setLoadingMore] = useState(false);

  async function loadMore() {
    if (!endCursor || loadingMore) return;
    const firstNew = shown;
    setLoadingMore(true);
    try {
      await fetch(endCursor);
      focusRow(firstNew);
    } catch (error) {
      onError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  return { loadingMore, loadMore };
}
