/**
 * Runs `work` and settles no sooner than `floorMs` after it started, whether it succeeds or
 * fails: for answers whose duration would otherwise tell which way they went (registering a
 * known address writes less than registering a new one). The floor must stay above the slower
 * path's usual time, or the difference shows again.
 */
export async function takingAtLeast<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const remaining = floorMs - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}
