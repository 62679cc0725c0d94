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

/**
 * Counts one hit in every bucket and says whether all of them are still within their limits.
 * Every hit is counted, refused ones too, so a client that keeps trying stays refused until the
 * window ends. Buckets are locked in key order, so two requests never wait on each other in a
 * circle.
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
  }));
  const lockOrder = [...entries].sort((a, b) => a.key.localeCompare(b.key));
  // InnoDB may still pick an upsert as a deadlock's victim (duplicate-key checks take next-key
  // locks, and a purge deletes ranges): inTransaction runs the whole hit again.
  const counts = await inTransaction(dataSource, async (manager) => {
    const byKey = new Map<string, number>();
    for (const { key, window } of lockOrder) byKey.set(key, await countHit(manager, key, window));
    return byKey;
  });
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
  const window = windowOf(hit.rule, now);
  return inTransaction(dataSource, (manager) => countHit(manager, key, window, hits));
}

/** Deletes the counters of windows that have ended. Returns how many. */
export async function purgeEndedRateLimitWindows(
  dataSource: DataSource,
  now: Date = new Date(),
): Promise<number> {
  const result = await inTransaction(dataSource, (manager) =>
    manager.getRepository(RateLimitCounterEntity).delete({ windowEnd: LessThan(now) }),
  );
  return result.affected ?? 0;
}
