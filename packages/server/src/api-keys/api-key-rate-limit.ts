import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@entry/shared';
import { portalError } from '../graphql/errors';
import { addRateLimitHits, type RateLimitRule } from '../rate-limits/rate-limiter';

const MINUTE_MS = 60 * 1000;
/**
 * A process tells the shared count what it counted after this many requests of a key (1% of the
 * limit, at least 10: how far behind the others a process may be is relative to the limit)…
 */
const syncEveryHits = (limit: number) => Math.max(10, Math.floor(limit / 100));
/** …or this long after it last did, whichever comes first. */
const SYNC_EVERY_MS = 1000;

/** One key's requests in the current minute, as this process knows them. */
interface Bucket {
  readonly windowStart: number;
  /** the count of every process at the last sync */
  known: number;
  /** counted here since */
  pending: number;
  lastSync: number;
}

export interface RateLimitAnswer {
  readonly limit: number;
  readonly remaining: number;
  /** seconds until the window ends and the count starts again */
  readonly resetSeconds: number;
  readonly allowed: boolean;
}

/**
 * Each API key may make `limit` requests a minute across every server process. Asking the
 * database on every request would make a key's calls slower than a session's, so a process
 * counts on its own and adds what it counted to the shared counter (rate_limit_counter) every
 * syncEveryHits requests or SYNC_EVERY_MS, and on every request once the key nears its limit:
 * far from the limit a few processes may each be a few requests behind the others, near it the
 * count is exact. Refused requests count too, so a client that keeps trying stays refused until
 * the window ends.
 */
export class ApiKeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rule: RateLimitRule;
  private readonly syncEvery: number;

  constructor(
    private readonly dataSource: DataSource,
    readonly limit: number,
  ) {
    this.rule = { name: 'api-key', limit, windowMs: MINUTE_MS };
    this.syncEvery = syncEveryHits(limit);
  }

  async hit(keyId: string, now = new Date()): Promise<RateLimitAnswer> {
    const windowStart = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    let bucket = this.buckets.get(keyId);
    if (!bucket || bucket.windowStart !== windowStart) {
      this.forgetEndedWindows(windowStart);
      bucket = { windowStart, known: 0, pending: 0, lastSync: 0 };
      this.buckets.set(keyId, bucket);
    }
    bucket.pending += 1;
    if (
      bucket.pending >= this.syncEvery ||
      bucket.known + bucket.pending >= this.limit - this.syncEvery ||
      now.getTime() - bucket.lastSync >= SYNC_EVERY_MS
    ) {
      await this.sync(keyId, bucket, now);
    }
    const used = bucket.known + bucket.pending;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetSeconds: Math.max(1, Math.ceil((windowStart + MINUTE_MS - now.getTime()) / 1000)),
      allowed: used <= this.limit,
    };
  }

  private async sync(keyId: string, bucket: Bucket, now: Date): Promise<void> {
    // taken before the await: a request arriving meanwhile counts in the next sync, never twice
    const hits = bucket.pending;
    bucket.pending = 0;
    bucket.lastSync = now.getTime();
    const total = await addRateLimitHits(
      this.dataSource,
      { rule: this.rule, subject: keyId },
      hits,
      now,
    );
    // syncs may finish out of order; within a window the shared count only grows
    bucket.known = Math.max(bucket.known, total);
  }

  private forgetEndedWindows(windowStart: number): void {
    for (const [keyId, bucket] of this.buckets)
      if (bucket.windowStart < windowStart) this.buckets.delete(keyId);
  }
}

const limiters = new WeakMap<DataSource, ApiKeyRateLimiter>();

/** The process's limiter for the portal on this data source. */
export function apiKeyRateLimiter(dataSource: DataSource, limit: number): ApiKeyRateLimiter {
  let limiter = limiters.get(dataSource);
  if (!limiter || limiter.limit !== limit) {
    limiter = new ApiKeyRateLimiter(dataSource, limit);
    limiters.set(dataSource, limiter);
  }
  return limiter;
}

/**
 * Counts a key's request: the IETF RateLimit headers on every answer to a key, and past the
 * limit a refusal (HTTP 429 with Retry-After) before anything runs.
 */
export async function limitApiKeyRequest(
  limiter: ApiKeyRateLimiter,
  keyId: string,
  res: Response,
): Promise<void> {
  const answer = await limiter.hit(keyId);
  res.setHeader('RateLimit-Limit', String(answer.limit));
  res.setHeader('RateLimit-Remaining', String(answer.remaining));
  res.setHeader('RateLimit-Reset', String(answer.resetSeconds));
  if (!answer.allowed)
    throw portalError(ErrorCode.RATE_LIMITED, {
      limit: answer.limit,
      retryAfter: answer.resetSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(answer.resetSeconds)]]) },
    });
}
