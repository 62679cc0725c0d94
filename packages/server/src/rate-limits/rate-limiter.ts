import { createHash } from 'node:crypto';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';
import { RateLimitCounterEntity } from './rate-limit-counter.entity';

/** At most `limit` hits per subject in each fixed window of `windowMs`. */
export interface RateLimitRule {
  /** part of the bucket key: two rules never share a count */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

/** One rule applied to one subject, e.g. registrations from 203.0.113.9. */
export interface RateLimitHit {
  readonly rule: RateLimitRule;
  readonly subject: string;
}

export type RateLimitVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** the rule that refused (the first one, when several did) */
      readonly rule: RateLimitRule;
      /** until the refusing window ends */
      readonly retryAfterMs: number;
    };

function bucketKey(hit: RateLimitHit): string {
  return createHash('sha256').update(`${hit.rule.name}:${hit.subject}`).digest('hex');
}

function windowOf(rule: RateLimitRule, now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { start: new Date(start), end: new Date(start + rule.windowMs) };
}

/**
 * Adds one hit to the bucket and answers the bucket's count, this hit included. The upsert takes
 * the row's lock until the transaction ends, so concurrent hits (other requests, other server
 * processes) are counted one after the other and each sees a distinct count: exactly `limit` of
 * them fit, whatever the timing.
 */
async function countHit(
  manager: EntityManager,
  key: string,
  window: { start: Date; end: Date },
  hits = 1,
): Promise<number> {
  const dataSource = manager.connection;
  const start = sqlDateTime(dataSource, window.start);
  const end = sqlDateTime(dataSource, window.end);
  await manager.query(
    dataSource.options.type === 'better-sqlite3'
      ? 'INSERT INTO "rate_limit_counter" ("bucketKey", "windowStart", "hits", "windowEnd") VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT ("bucketKey", "windowStart") DO UPDATE SET "hits" = "hits" + excluded."hits"'
      : 'INSERT INTO `rate_limit_counter` (`bucketKey`, `windowStart`, `hits`, `windowEnd`) VALUES (?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE `hits` = `hits` + VALUES(`hits`)',
    [key, start, hits, end],
  );
  const row = await manager
    .getRepository(RateLimitCounterEntity)
    .findOne({ select: { hits: true }, where: { bucketKey: key, windowStart: window.start } });
  if (!row) throw new Error('rate limit: the counter row just written is missing');
  return row.hits;
}

/** One bucket's hits to add in one window. */
export interface BucketHits {
  readonly key: string;
  readonly window: { readonly start: Date; readonly end: Date };
  readonly hits: number;
}

/**
 * Where the counts live, shared by every server process: the database (rate_limit_counter, the
 * default) or Redis (REDIS_URL, redis-rate-limit-store.ts).
 */
export interface RateLimitStore {
  /**
   * Adds each bucket's hits and answers each bucket's count with them, by key. Each count is
   * exact across processes: concurrent adds to one bucket see distinct counts.
   */
  add(buckets: readonly BucketHits[]): Promise<Map<string, number>>;
  /** forgets the windows that have ended; how many (a store that expires them itself: 0) */
  purge(now: Date): Promise<number>;
}

/**
 * The database as the store. The upserts of one call run in one transaction, in key order, so
 * two requests never wait on each other in a circle.
 */
function databaseStore(dataSource: DataSource): RateLimitStore {
  return {
    async add(buckets) {
      const lockOrder = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
      // InnoDB may still pick an upsert as a deadlock's victim (duplicate-key checks take
      // next-key locks, and a purge deletes ranges), and on Galera two nodes' upserts of one
      // bucket conflict at COMMIT: inTransaction runs the whole hit again.
      return inTransaction(dataSource, async (manager) => {
        const byKey = new Map<string, number>();
        for (const { key, window, hits } of lockOrder)
          byKey.set(key, await countHit(manager, key, window, hits));
        return byKey;
      });
    },
    async purge(now) {
      const result = await inTransaction(dataSource, (manager) =>
        manager.getRepository(RateLimitCounterEntity).delete({ windowEnd: LessThan(now) }),
      );
      return result.affected ?? 0;
    },
  };
}

const stores = new WeakMap<DataSource, RateLimitStore>();

/** Counts the portal's rate limits in `store` instead of its database (portal.ts, REDIS_URL). */
export function useRateLimitStore(dataSource: DataSource, store: RateLimitStore): void {
  stores.set(dataSource, store);
}

function storeOf(dataSource: DataSource): RateLimitStore {
  let store = stores.get(dataSource);
  if (!store) stores.set(dataSource, (store = databaseStore(dataSource)));
  return store;
}

/**
 * Counts one hit in every bucket and says whether all of them are still within their limits.
 * Every hit is counted, refused ones too, so a client that keeps trying stays refused until the
 * window ends.
 */
export async function hitRateLimits(
  dataSource: DataSource,
  hits: readonly RateLimitHit[],
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  const entries = hits.map((hit) => ({
    hit,
    key: bucketKey(hit),
    window: windowOf(hit.rule, now),
    hits: 1,
  }));
  const counts = await storeOf(dataSource).add(entries);
  // the caller's order decides which refusal is reported
  const refused = entries.find(({ hit, key }) => (counts.get(key) ?? 0) > hit.rule.limit);
  if (!refused) return { allowed: true };
  return {
    allowed: false,
    rule: refused.hit.rule,
    retryAfterMs: refused.window.end.getTime() - now.getTime(),
  };
}

/**
 * Adds `hits` to the subject's bucket of the rule's current window at once (hits a process has
 * counted on its own since it last asked) and answers the bucket's count from every process.
 */
export async function addRateLimitHits(
  dataSource: DataSource,
  hit: RateLimitHit,
  hits: number,
  now: Date = new Date(),
): Promise<number> {
  const key = bucketKey(hit);
  const counts = await storeOf(dataSource).add([{ key, window: windowOf(hit.rule, now), hits }]);
  return counts.get(key) ?? 0;
}

/** Deletes the counters of windows that have ended. Returns how many. */
export function purgeEndedRateLimitWindows(
  dataSource: DataSource,
  now: Date = new Date(),
): Promise<number> {
  return storeOf(dataSource).purge(now);
}
