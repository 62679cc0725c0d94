import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startTestPortal, type TestPortal } from '../portal';

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

export interface PortalsOnOneRedis {
  /** two portals on two separate SQLite files: nothing shared but Redis */
  readonly portals: readonly TestPortal[];
  /** a client that sees every key */
  readonly redis: Redis;
  readonly prefix: string;
}

/**
 * Declares (in a describe body) two portals sharing the test Redis under a fresh prefix, started
 * before the suite's tests and stopped after them, the prefix's keys deleted: what holds across
 * them is counted in Redis, nowhere else.
 */
export function twoPortalsOnOneRedis(
  name: string,
  env: Record<string, string> = {},
): PortalsOnOneRedis {
  const url = testRedisUrl();
  const prefix = redisTestPrefix(name);
  const portals: TestPortal[] = [];
  let redis: Redis | null = null;
  beforeAll(async () => {
    redis = await openTestRedis(url);
    const portalEnv = { REDIS_URL: url, REDIS_KEY_PREFIX: prefix, ...env };
    portals.push(await startTestPortal('sqlite', portalEnv));
    portals.push(await startTestPortal('sqlite', portalEnv));
  });
  // also after a failed start: a portal or connection left open keeps Jest from exiting
  afterAll(async () => {
    for (const portal of portals.splice(0)) await portal.close();
    if (!redis) return;
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });
  return {
    get portals() {
      return portals;
    },
    get redis() {
      if (!redis) throw new Error('the test Redis connects in beforeAll');
      return redis;
    },
    prefix,
  };
}

/** Runs `use` on a portal whose Redis is "down" (nothing listens at its REDIS_URL), then stops it. */
export async function withRedisDown(use: (portal: TestPortal) => Promise<void>): Promise<void> {
  const portal = await startTestPortal('sqlite', {
    REDIS_URL: 'redis://127.0.0.1:1',
    REDIS_KEY_PREFIX: redisTestPrefix('down'),
  });
  try {
    await use(portal);
  } finally {
    await portal.close();
  }
}
