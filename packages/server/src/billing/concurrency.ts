/**
 * Runs `work` for every item with at most `concurrency` at a time, in the items' order of start;
 * resolves when all are done. The first error stops new items from starting and is thrown once
 * the ones already running have finished (nothing is left running behind the caller's back).
 * An aborted `signal` (shutdown) stops new items from starting too, without an error.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && !signal?.aborted && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
