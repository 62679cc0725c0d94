import { IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { SignInAttemptEntity } from './sign-in-attempt.entity';

/** Failed tries allowed per (account, IP), and per IP address, within ATTEMPT_WINDOW_MS. */
export const ACCOUNT_IP_ATTEMPT_LIMIT = 5;
export const IP_ATTEMPT_LIMIT = 20;
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from all IPs together before the progressive delay starts. */
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** how long an IP the account signed in from stays exempt from the account-wide delay */
export const KNOWN_IP_MS = 30 * 24 * 60 * 60 * 1000;

/** One try at an account's credentials, from its start until it is settled or forgotten. */
export interface SignInAttempt {
  readonly id: string;
  readonly emailKey: string;
  readonly ip: string;
  /** when it started: the time it counts at */
  readonly at: Date;
}

/**
 * What the throttle's rules (sign-in-throttle.ts) decide on, as a store counted it right after
 * recording the attempt. Times are start times in ms, oldest first; tries still being checked
 * count as failures, successes never do.
 */
export interface AttemptCounts {
  /** this IP's tries at this account since the account's latest success, within ATTEMPT_WINDOW_MS, this one included */
  readonly pair: readonly number[];
  /** this IP's tries at any account within ATTEMPT_WINDOW_MS, this one included (successes do not start these afresh) */
  readonly ip: readonly number[];
  /** the account's tries from every IP since its latest success, within ACCOUNT_WINDOW_MS, this one NOT included */
  readonly account: readonly number[];
  /** the account signed in from this IP within KNOWN_IP_MS */
  readonly knownIp: boolean;
}

/**
 * Where the throttle counts, shared by every server process: the database (sign_in_attempt, the
 * default) or Redis (REDIS_URL, redis-sign-in-throttle-store.ts). The rules are the throttle's,
 * written once; a store only records tries and counts them.
 */
export interface SignInThrottleStore {
  /**
   * Records a try, then counts with it in one step, so tries made at once (aliases batched in
   * one request, other processes) each see the others: a batch cannot slip past the limits.
   */
  start(
    emailKey: string,
    ip: string,
    now: Date,
  ): Promise<{ attempt: SignInAttempt; counts: AttemptCounts }>;
  /** A failure stays counted; a success starts the account's counts afresh and makes its IP a known one. */
  settle(attempt: SignInAttempt, succeeded: boolean): Promise<void>;
  /** the try proved nothing either way: it no longer counts */
  forget(attempt: SignInAttempt): Promise<void>;
  /** A success without a try (a password reset): written with `manager`, in its transaction. */
  recordSuccess(manager: EntityManager, emailKey: string, ip: string, at: Date): Promise<void>;
}

/**
 * The IPs an account signed in from are a history of successes, kept in the database by both
 * stores: every process reads the same one, and it is written once per sign-in, not per try.
 */
export function isKnownIp(
  dataSource: DataSource,
  emailKey: string,
  ip: string,
  now: Date,
): Promise<boolean> {
  return dataSource.getRepository(SignInAttemptEntity).exists({
    where: {
      emailKey,
      ip,
      succeeded: true,
      createdAt: MoreThan(new Date(now.getTime() - KNOWN_IP_MS)),
    },
  });
}

export async function insertSuccess(
  manager: EntityManager,
  emailKey: string,
  ip: string,
  at: Date,
): Promise<void> {
  await manager
    .getRepository(SignInAttemptEntity)
    .insert({ emailKey, ip, succeeded: true, createdAt: at });
}

const times = (rows: readonly SignInAttemptEntity[]) => rows.map((row) => row.createdAt.getTime());

/** The database as the store: a row per try, counted by the indexed queries below. */
function databaseStore(dataSource: DataSource): SignInThrottleStore {
  const repository = () => dataSource.getRepository(SignInAttemptEntity);
  return {
    async start(emailKey, ip, now) {
      const row = repository().create({ emailKey, ip, succeeded: null, createdAt: now });
      await repository().insert(row);
      const windowStart = now.getTime() - ATTEMPT_WINDOW_MS;
      const since = MoreThan(new Date(windowStart));
      const [accountRows, ipRows, knownIp] = await Promise.all([
        repository().find({
          select: { id: true, ip: true, succeeded: true, createdAt: true },
          where: { emailKey, createdAt: MoreThan(new Date(now.getTime() - ACCOUNT_WINDOW_MS)) },
          order: { createdAt: 'ASC' },
        }),
        repository().find({
          select: { createdAt: true },
          where: [
            { ip, createdAt: since, succeeded: false },
            { ip, createdAt: since, succeeded: IsNull() },
          ],
          order: { createdAt: 'ASC' },
        }),
        isKnownIp(dataSource, emailKey, ip, now),
      ]);
      // the account's counts start again after its latest success
      const lastSuccess = accountRows.filter((r) => r.succeeded === true).at(-1);
      const sinceSuccess = accountRows.filter(
        (r) => r.succeeded !== true && (!lastSuccess || r.createdAt > lastSuccess.createdAt),
      );
      return {
        attempt: { id: row.id, emailKey, ip, at: now },
        counts: {
          pair: times(
            sinceSuccess.filter((r) => r.ip === ip && r.createdAt.getTime() > windowStart),
          ),
          ip: times(ipRows),
          account: times(sinceSuccess.filter((r) => r.id !== row.id)),
          knownIp,
        },
      };
    },
    async settle(attempt, succeeded) {
      // A success is kept: it starts the account's counts afresh and makes its IP a known one.
      await repository().update({ id: attempt.id }, { succeeded });
    },
    async forget(attempt) {
      await repository().delete({ id: attempt.id });
    },
    recordSuccess: insertSuccess,
  };
}

const stores = new WeakMap<DataSource, SignInThrottleStore>();

/** Counts the portal's sign-in throttle in `store` instead of its database (portal.ts, REDIS_URL). */
export function useSignInThrottleStore(dataSource: DataSource, store: SignInThrottleStore): void {
  stores.set(dataSource, store);
}

export function signInThrottleStoreOf(dataSource: DataSource): SignInThrottleStore {
  let store = stores.get(dataSource);
  if (!store) stores.set(dataSource, (store = databaseStore(dataSource)));
  return store;
}
