import Redis from 'ioredis';
import { ServiceUnavailableError } from '../common/service-unavailable';
import type { Logger } from '../observability/logger';

/** Redis is asked at most this long per request before the request is answered 503. */
const COMMAND_TIMEOUT_MS = 1_000;
/** at most one "Redis unreachable" line this often */
const LOG_EVERY_MS = 10_000;

/**
 * The one connection to Redis (REDIS_URL) that the rate limits and the sign-in throttle count
 * in. Commands are not queued while Redis is away, so what needs it answers 503 at once rather
 * than being let through uncounted.
 */
export interface RedisConnection {
  /** every key this client names gets the deployment's REDIS_KEY_PREFIX in front */
  readonly redis: Redis;
  /** what a request that needed Redis answers when it did not: a 503 */
  unavailable(error: unknown): ServiceUnavailableError;
  /**
   * Resolves once connected, or after the connect timeout: a Redis that is down at start-up
   * does not stop the portal (what counts in it answers 503 until it answers).
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function connectRedis(url: string, keyPrefix: string, logger: Logger): RedisConnection {
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
    logger.error(
      'Redis unreachable: rate-limited operations and sign-ins answer 503 until it is back',
      { error },
    );
  });
  return {
    redis,
    unavailable: (error) =>
      new ServiceUnavailableError('Redis (rate limits, sign-in throttle) did not answer', {
        cause: error,
      }),
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
