import type { RedisConnection } from '../redis/redis-connection';
import type { RateLimitStore } from './rate-limiter';

/**
 * The rate-limit counts in Redis (REDIS_URL), for deployments that would rather not write a row
 * per limited request into the database (on a Galera cluster every such write is replicated to
 * every node). One key per bucket and window, `<prefix>rl:<bucket>:<window start>`: INCRBY
 * answers each process a distinct count, and the key expires with its window, so nothing needs
 * purging. The buckets of one request go in one MULTI.
 *
 * Redis unreachable: the limited operations answer 503 (they are not let through unlimited).
 */
export function createRedisRateLimitStore({ redis, unavailable }: RedisConnection): RateLimitStore {
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
  };
}
