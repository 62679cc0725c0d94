import { setTimeout as sleep } from 'node:timers/promises';

/** Paces calls to an API that limits requests per second: `await limiter.take()` before each. */
export interface RateLimiter {
  take(): Promise<void>;
}

/**
 * A rate limiter by the generic cell rate algorithm: requests are spaced 1/perSecond apart, and up
 * to `burst` may go at once after a quiet moment. In any one-second window at most
 * perSecond + burst - 1 requests start, so with burst ≈ a tenth of the rate a client set under a
 * server's limit stays under it. Counts what this process sends; requests are served in order.
 */
export function createRateLimiter(
  perSecond: number,
  burst = Math.max(1, Math.floor(perSecond / 10)),
): RateLimiter {
  if (!(perSecond > 0)) throw new Error(`rate limiter: ${perSecond} requests per second`);
  const interval = 1000 / perSecond;
  // the theoretical arrival time of the next request when the pace is kept exactly
  let nextAt = 0;
  return {
    async take() {
      const now = performance.now();
      const startAt = Math.max(now, nextAt - (burst - 1) * interval);
      nextAt = Math.max(nextAt, now) + interval;
      if (startAt > now) await sleep(startAt - now);
    },
  };
}
