import Redis from 'ioredis';
import { ServiceUnavailableError } from '../common/service-unavailable';
import type { Logger } from '../observability/logger';
import type { RateLimitStore } from './rate-limiter';

/** Redis is asked at most this long per request before the request is answered 503. */
const COMMAND_TIMEOUT_MS = 1_000;
/** at most one "Redis unreachable" line this often */
const LOG_EVERY_MS = 10_000;

export interface RedisRateLimitStore extends RateLimitStore {
  /**
   * Resolves once connected, or after the connect timeout: a Redis that is down at start-up
   * does not stop the portal (the limited operations answer 503 until it answers).
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The rate-limit counts in Redis (REDIS_URL), for deployments that would rather not write a row
 * per limited request into the database (on a Galera cluster every such write is replicated to
 * every node). One key per bucket and window, `<prefix>rl:<bucket>:<window start>`: INCRBY
 * answers each process a distinct count, and the key expires with its window, so nothing needs
 * purging. The buckets of one request go in one MULTI.
 *
 * Redis unreachable: the limited operations answer 503 (they are not let through unlimited);
 * commands are not queued while it is away, so the 503 comes at once.
 */
export function createRedisRateLimitStore(
  url: string,
  keyPrefix: string,
  logger: Logger,
): RedisRateLimitStore {
  const redis = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // back off to one try a second while it is away
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  let loggedAt = Number.NEGATIVE_INFINITY;
  redis.on('error', (error: unknown) => {
    if (Date.now() - loggedAt < LOG_EVERY_MS) return;
    loggedAt = Date.now();
    logger.error('rate limits: Redis unreachable; limited operations answer 503 until it is back', {
      error,
    });
  });
  const unavailable = (error: unknown) =>
    new ServiceUnavailableError('the rate-limit store (Redis) did not answer', { cause: error });

  return {
    async add(buckets) {
      const multi = redis.multi();
      for (const { key, window, hits } of buckets) {
        const name = `rl:${key}:${window.start.getTime()}`;
        multi.incrby(name, hits);
        // a second after the window ends: a count never disappears while it still applies
        multi.pexpireat(name, window.end.getTime() + 1_000);
      }
      let results: Array<[Error | null, unknown]> | null;
      try {
        results = await multi.exec();
      } catch (error) {
        throw unavailable(error);
      }
      if (!results) throw unavailable(new Error('MULTI was discarded'));
      const counts = new Map<string, number>();
      buckets.forEach(({ key }, index) => {
        const [error, count] = results![index * 2]!;
        if (error) throw unavailable(error);
        counts.set(key, Number(count));
      });
      return counts;
    },
    async purge() {
      return 0;
    },
    ready() {
      if (redis.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          redis.off('ready', done);
          resolve();
        };
        const timer = setTimeout(done, 2_000);
        redis.once('ready', done);
      });
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
