import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

/**
 * The Redis the root test script found (TEST_REDIS_URL, redis://127.0.0.1:6379 by default; CI
 * starts one): '' without one. Suites on Redis are skipped then, except in CI, where that is a
 * failure.
 */
export function testRedisUrl(): string {
  const url = process.env['TEST_REDIS_URL'] ?? '';
  if (!url && process.env['CI'] === 'true')
    throw new Error('CI=true but TEST_REDIS_URL is not set: the Redis suites would be skipped');
  return url;
}

/** A prefix no other test run uses, so runs side by side on one Redis never share a key. */
export const redisTestPrefix = (name: string) => `entry-test-${name}-${randomUUID().slice(0, 8)}:`;

/** A client of the test Redis that sees every key (no prefix), for checking and cleaning up. */
export async function openTestRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  return redis;
}

/** Deletes a test run's keys. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}

/**
 * As if every sign-in try counted under `prefix` had been made `ms` earlier: the sorted sets'
 * scores and the latest successes are start times in ms (redis-sign-in-throttle-store.ts).
 */
export async function shiftThrottleTimes(redis: Redis, prefix: string, ms: number): Promise<void> {
  for (const key of await redis.keys(`${prefix}si:*`)) {
    if ((await redis.type(key)) === 'zset') {
      const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
      for (let i = 0; i < flat.length; i += 2)
        await redis.zadd(key, Number(flat[i + 1]) - ms, flat[i]!);
    } else {
      const at = await redis.get(key);
      if (at) await redis.set(key, String(Number(at) - ms), 'KEEPTTL');
    }
  }
}
