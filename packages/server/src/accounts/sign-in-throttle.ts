import { IsNull, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { normalizeEmail, UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { ipLimitSubject } from '../rate-limits/ip-subject';
import { throttledProblem } from '../rate-limits/throttled';
import { SignInAttemptEntity } from './sign-in-attempt.entity';
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_IP_ATTEMPT_LIMIT,
  ACCOUNT_WINDOW_MS,
  ATTEMPT_WINDOW_MS,
  IP_ATTEMPT_LIMIT,
  KNOWN_IP_MS,
  signInThrottleStoreOf,
  type AttemptCounts,
  type SignInAttempt,
} from './sign-in-throttle-store';

/*
 * Sign-in throttling, and why these numbers. Failures count in three ways:
 *
 * - per (account, IP): 5 failures within 15 minutes, then that IP waits until the oldest leaves
 *   the window. This is the limit someone mistyping from their usual network meets.
 * - per IP, across accounts: 20 failures within 15 minutes (password spraying from one machine).
 * - per account, from every IP together, more loosely and progressively: the first 10 failures
 *   within 24 hours are free; then each further try waits 1, 2, 4, 8, then 15 minutes (the cap)
 *   after the latest failure. Guessing one account from any number of IPs is held to about
 *   10 + 4 + 95 = ~110 tries a day, against passwords of at least 12 characters that pass the
 *   password policy. IPs the account signed in from in the last 30 days are exempt from this
 *   delay (the per-(account, IP) and per-IP limits still apply to them), so an attacker elsewhere
 *   who keeps the account in its delay cannot lock the owner out of their usual network.
 *
 * A successful sign-in starts the account's counts afresh (the per-IP counts stay). A refused
 * try is not kept as a failure: it checked no password, and refusing it again is enough.
 *
 * With two-factor sign-in on, the second step counts here too: a right password is neither a
 * success nor a failure (the attempt is forgotten), every wrong code is a failure, and only a
 * right code is the success that starts the counts afresh. So knowing the password does not
 * reset the count of guessed codes. Codes checked while signed in (turning two-factor sign-in
 * off, new recovery codes) count their failures the same way.
 *
 * The rules are here, once; the counting is a store's (sign-in-throttle-store.ts): the database
 * by default, Redis when REDIS_URL is set (redis-sign-in-throttle-store.ts), with the same
 * windows either way.
 */
export {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_IP_ATTEMPT_LIMIT,
  ACCOUNT_WINDOW_MS,
  ATTEMPT_WINDOW_MS,
  IP_ATTEMPT_LIMIT,
  KNOWN_IP_MS,
};
const FIRST_DELAY_MS = 60 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;

/** How long after the latest failure the account-wide delay makes the next try wait. */
export function progressiveDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES), MAX_DELAY_MS);
}

/** The rules, for either store: milliseconds the try counted in `counts` must wait, or 0. */
function waitFor(counts: AttemptCounts, now: Date): number {
  const over = (starts: readonly number[], limit: number) => {
    if (starts.length <= limit) return 0;
    // Wait until enough of the oldest failures leave the window to drop back under the limit.
    const freeing = starts[starts.length - limit - 1];
    return freeing !== undefined ? freeing + ATTEMPT_WINDOW_MS - now.getTime() : ATTEMPT_WINDOW_MS;
  };
  const accountWait = () => {
    if (counts.knownIp) return 0;
    const latest = counts.account.at(-1);
    const delay = progressiveDelayMs(counts.account.length);
    return latest !== undefined && delay ? latest + delay - now.getTime() : 0;
  };
  return Math.max(
    0,
    over(counts.pair, ACCOUNT_IP_ATTEMPT_LIMIT),
    over(counts.ip, IP_ATTEMPT_LIMIT),
    accountWait(),
  );
}

/** An address as sign-in attempts are counted by it: canonical, and within the column. */
export function signInEmailKey(email: string): string {
  return normalizeEmail(email).slice(0, 254);
}

/**
 * Records a try at an account's credentials (a password, or a second factor) from `ip` before
 * anything is checked, or refuses it with THROTTLED (on `field`) when the limits are reached.
 * Returns the attempt, for settleSignInAttempt or forgetSignInAttempt once the check is done.
 */
export async function startSignInAttempt(
  dataSource: DataSource,
  email: string,
  ip: string,
  field: readonly string[],
  now: Date,
): Promise<SignInAttempt> {
  const store = signInThrottleStoreOf(dataSource);
  const { attempt, counts } = await store.start(signInEmailKey(email), ipLimitSubject(ip), now);
  const waitMs = waitFor(counts, now);
  if (waitMs > 0) {
    // A refused try checked no password: it is not kept as a failure.
    await store.forget(attempt);
    throw throttledProblem(field, waitMs);
  }
  return attempt;
}

export async function settleSignInAttempt(
  dataSource: DataSource,
  attempt: SignInAttempt,
  succeeded: boolean,
): Promise<void> {
  await signInThrottleStoreOf(dataSource).settle(attempt, succeeded);
}

/**
 * Counts as a successful sign-in for throttling: someone proved they hold the account another
 * way (a password reset from the emailed link). The account's counts start afresh, so guesses
 * against the old password delay no one, and the IP becomes a known one.
 */
export async function recordProvenOwner(
  manager: EntityManager,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  await signInThrottleStoreOf(manager.connection).recordSuccess(
    manager,
    signInEmailKey(email),
    ipLimitSubject(ip),
    now,
  );
}

/**
 * A try that proved nothing either way: refused before anything was checked (it is not kept as a
 * failure), or a right password still waiting for its second factor.
 */
export async function forgetSignInAttempt(
  dataSource: DataSource,
  attempt: SignInAttempt,
): Promise<void> {
  await signInThrottleStoreOf(dataSource).forget(attempt);
}

/**
 * Deletes what throttling no longer reads: failures past the account window, and successes past
 * the time their IP stays known. Returns how many rows.
 */
export async function purgeOldSignInAttempts(
  dataSource: DataSource,
  now = new Date(),
): Promise<number> {
  const repository = dataSource.getRepository(SignInAttemptEntity);
  const failures = await repository.delete([
    { createdAt: LessThan(new Date(now.getTime() - ACCOUNT_WINDOW_MS)), succeeded: false },
    { createdAt: LessThan(new Date(now.getTime() - ACCOUNT_WINDOW_MS)), succeeded: IsNull() },
  ]);
  const successes = await repository.delete({
    createdAt: LessThan(new Date(now.getTime() - KNOWN_IP_MS)),
  });
  return (failures.affected ?? 0) + (successes.affected ?? 0);
}

/** Problems that mean a credential was wrong: they count as failed tries. */
const WRONG_CREDENTIAL: ReadonlySet<string> = new Set([
  UserErrorCode.INVALID_CREDENTIALS,
  UserErrorCode.WRONG_PASSWORD,
  UserErrorCode.INVALID_CODE,
]);

/**
 * Runs `check` of an account's credentials as one counted attempt (startSignInAttempt): a
 * problem of a wrong credential counts as a failure, any other is forgotten. Success counts as
 * a sign-in (`succeeds: 'signIn'`, the counts start afresh) or, for a check made while signed
 * in, is forgotten.
 */
export async function countedCredentialCheck<T>(
  dataSource: DataSource,
  attempt: { readonly email: string; readonly ip: string; readonly field: readonly string[] },
  succeeds: 'signIn' | 'forget',
  now: Date,
  check: () => Promise<T>,
): Promise<T> {
  const started = await startSignInAttempt(
    dataSource,
    attempt.email,
    attempt.ip,
    attempt.field,
    now,
  );
  let result: T;
  try {
    result = await check();
  } catch (error) {
    const wrong =
      error instanceof UserInputProblem &&
      error.problems.some((problem) => WRONG_CREDENTIAL.has(problem.code));
    if (wrong) await settleSignInAttempt(dataSource, started, false);
    else await forgetSignInAttempt(dataSource, started);
    throw error;
  }
  if (succeeds === 'signIn') await settleSignInAttempt(dataSource, started, true);
  else await forgetSignInAttempt(dataSource, started);
  return result;
}
