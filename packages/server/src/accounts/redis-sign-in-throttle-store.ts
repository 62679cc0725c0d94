import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../redis/redis-connection';
import {
  ACCOUNT_WINDOW_MS,
  ATTEMPT_WINDOW_MS,
  insertSuccess,
  isKnownIp,
  type SignInAttempt,
  type SignInThrottleStore,
} from './sign-in-throttle-store';

/**
 * Records a try in the sorted sets it counts in (scored by its start time), drops what left
 * their windows, and answers each set with the account's latest success: all in one script, so
 * tries made at once on any process each see the others. Each set expires a second after its
 * window would have emptied; the latest success expires with the account's window (after that
 * nothing older is counted anyway).
 *
 * KEYS: the (account, IP) set, the IP's set, the account's set, the account's latest success.
 * ARGV: the try, its start (ms), the attempt window, the account window (ms).
 */
const START = `
local now = tonumber(ARGV[2])
local function add(key, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('PEXPIRE', key, window + 1000)
  return redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
end
return {
  add(KEYS[1], tonumber(ARGV[3])),
  add(KEYS[2], tonumber(ARGV[3])),
  add(KEYS[3], tonumber(ARGV[4])),
  redis.call('GET', KEYS[4]) or ''
}`;

/**
 * A success (ARGV[1] the try, or a member no set holds; ARGV[2] its start): it no longer counts
 * anywhere, the account's latest success moves to it unless a later one is known, and the
 * account's tries before it are dropped (those of other IPs' sets are passed over by the time).
 * The IP's set keeps the others' tries: successes do not start the per-IP count afresh.
 */
const SUCCEED = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[2])
if tonumber(ARGV[2]) > tonumber(redis.call('GET', KEYS[4]) or '0') then
  redis.call('SET', KEYS[4], ARGV[2], 'PX', ARGV[3])
end
return 0`;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** The keys a try counts in: hashed, so Redis holds no address or IP in the clear. */
function keysOf(emailKey: string, ip: string): string[] {
  const account = digest(emailKey);
  return [
    `si:pair:${digest(`${emailKey}\n${ip}`)}`,
    `si:ip:${digest(ip)}`,
    `si:account:${account}`,
    `si:success:${account}`,
  ];
}

/** `[member, score, member, score...]` as ZRANGE WITHSCORES answers, oldest first */
function entries(flat: unknown): Array<{ member: string; at: number }> {
  const list = flat as string[];
  const result: Array<{ member: string; at: number }> = [];
  for (let i = 0; i < list.length; i += 2)
    result.push({ member: list[i]!, at: Number(list[i + 1]) });
  return result;
}

/**
 * The sign-in throttle's counting in Redis (REDIS_URL): sorted sets per (account, IP), per IP and
 * per account, scored by each try's start, and the account's latest success. So a sign-in writes
 * nothing to the database but its success: the account's known IPs stay a history in the
 * database (sign_in_attempt, successes only), read by every process.
 *
 * Redis unreachable: the sign-in answers 503; it is never let through uncounted.
 */
export function createRedisSignInThrottleStore(
  { redis, unavailable }: RedisConnection,
  dataSource: DataSource,
): SignInThrottleStore {
  const ask = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch (error) {
      throw unavailable(error);
    }
  };
  const succeed = (emailKey: string, ip: string, member: string, at: Date) =>
    ask(() =>
      redis.eval(
        SUCCEED,
        4,
        ...keysOf(emailKey, ip),
        member,
        at.getTime(),
        ACCOUNT_WINDOW_MS + 1_000,
      ),
    );

  return {
    async start(emailKey, ip, now) {
      const attempt: SignInAttempt = { id: randomUUID(), emailKey, ip, at: now };
      const [answer, knownIp] = await Promise.all([
        ask(() =>
          redis.eval(
            START,
            4,
            ...keysOf(emailKey, ip),
            attempt.id,
            now.getTime(),
            ATTEMPT_WINDOW_MS,
            ACCOUNT_WINDOW_MS,
          ),
        ),
        isKnownIp(dataSource, emailKey, ip, now),
      ]);
      const [pair, fromIp, account, success] = answer as [unknown, unknown, unknown, string];
      // the account's counts start again after its latest success
      const lastSuccess = success === '' ? Number.NEGATIVE_INFINITY : Number(success);
      const sinceSuccess = (flat: unknown) => entries(flat).filter(({ at }) => at > lastSuccess);
      return {
        attempt,
        counts: {
          pair: sinceSuccess(pair).map(({ at }) => at),
          ip: entries(fromIp).map(({ at }) => at),
          account: sinceSuccess(account)
            .filter(({ member }) => member !== attempt.id)
            .map(({ at }) => at),
          knownIp,
        },
      };
    },
    async settle(attempt, succeeded) {
      // a failure stays counted as it was while being checked
      if (!succeeded) return;
      await succeed(attempt.emailKey, attempt.ip, attempt.id, attempt.at);
      await insertSuccess(dataSource.manager, attempt.emailKey, attempt.ip, attempt.at);
    },
    async forget(attempt) {
      const [pair, fromIp, account] = keysOf(attempt.emailKey, attempt.ip);
      await ask(() =>
        redis
          .multi()
          .zrem(pair!, attempt.id)
          .zrem(fromIp!, attempt.id)
          .zrem(account!, attempt.id)
          .exec(),
      );
    },
    async recordSuccess(manager, emailKey, ip, at) {
      await insertSuccess(manager, emailKey, ip, at);
      // Inside the caller's transaction, which may run twice: moving the latest success to the
      // later of two times is the same done twice.
      await succeed(emailKey, ip, randomUUID(), at);
    },
  };
}
