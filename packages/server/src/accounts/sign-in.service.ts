import { IsNull, LessThan, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { normalizeEmail, UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { ipLimitSubject } from '../rate-limits/ip-subject';
import { throttledProblem } from '../rate-limits/throttled';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { OperatorEntity } from './operator.entity';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, type SessionMeta } from './session.service';
import { SignInAttemptEntity } from './sign-in-attempt.entity';
import { canonicalTemporaryPassword } from './temporary-password';

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
 */
/** Failed tries allowed per (account, IP), and per IP address, within ATTEMPT_WINDOW_MS. */
export const ACCOUNT_IP_ATTEMPT_LIMIT = 5;
export const IP_ATTEMPT_LIMIT = 20;
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from all IPs together before the progressive delay starts. */
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 60 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** how long an IP the account signed in from stays exempt from the account-wide delay */
export const KNOWN_IP_MS = 30 * 24 * 60 * 60 * 1000;

export type SignedIn =
  | { readonly kind: 'person'; readonly token: string; readonly person: PersonEntity }
  | { readonly kind: 'operator'; readonly token: string; readonly operator: OperatorEntity };

const CREDENTIALS_FIELD = ['password'];

// Verifying against this when the email is unknown makes both answers take the same time.
let dummyHash: Promise<string> | null = null;
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not a password anyone has: equalizes timing');
  return dummyHash;
}

function invalidCredentials(): UserInputProblem {
  return UserInputProblem.of(CREDENTIALS_FIELD, UserErrorCode.INVALID_CREDENTIALS);
}

/** How long after the latest failure the account-wide delay makes the next try wait. */
export function progressiveDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES), MAX_DELAY_MS);
}

/** Failures, and tries still being checked, count; successes do not. */
const notSucceeded = (row: SignInAttemptEntity) => row.succeeded !== true;

/**
 * Records the attempt first, then counts: attempts batched in one request (GraphQL aliases) each
 * see the others, so a batch cannot slip past the limits. Returns milliseconds to wait, or 0.
 */
async function throttle(
  dataSource: DataSource,
  emailKey: string,
  ip: string,
  now: Date,
): Promise<{ attemptId: string; waitMs: number }> {
  const repository = dataSource.getRepository(SignInAttemptEntity);
  const attempt = repository.create({ emailKey, ip, succeeded: null, createdAt: now });
  await repository.insert(attempt);
  const windowStart = now.getTime() - ATTEMPT_WINDOW_MS;
  const [accountRows, ipFailures, knownIp] = await Promise.all([
    repository.find({
      select: { id: true, ip: true, succeeded: true, createdAt: true },
      where: { emailKey, createdAt: MoreThan(new Date(now.getTime() - ACCOUNT_WINDOW_MS)) },
      order: { createdAt: 'ASC' },
    }),
    repository.find({
      select: { createdAt: true },
      where: [
        { ip, createdAt: MoreThan(new Date(windowStart)), succeeded: false },
        { ip, createdAt: MoreThan(new Date(windowStart)), succeeded: IsNull() },
      ],
      order: { createdAt: 'ASC' },
    }),
    repository.exists({
      where: {
        emailKey,
        ip,
        succeeded: true,
        createdAt: MoreThan(new Date(now.getTime() - KNOWN_IP_MS)),
      },
    }),
  ]);
  // the account's counts start again after its latest success
  const lastSuccess = accountRows.filter((row) => row.succeeded === true).at(-1);
  const sinceSuccess = accountRows.filter(
    (row) => notSucceeded(row) && (!lastSuccess || row.createdAt > lastSuccess.createdAt),
  );
  const pairFailures = sinceSuccess.filter(
    (row) => row.ip === ip && row.createdAt.getTime() > windowStart,
  );
  const over = (rows: readonly SignInAttemptEntity[], limit: number) => {
    if (rows.length <= limit) return 0;
    // Wait until enough of the oldest failures leave the window to drop back under the limit.
    const freeing = rows[rows.length - limit - 1];
    return freeing
      ? freeing.createdAt.getTime() + ATTEMPT_WINDOW_MS - now.getTime()
      : ATTEMPT_WINDOW_MS;
  };
  const accountWait = () => {
    if (knownIp) return 0;
    const earlier = sinceSuccess.filter((row) => row.id !== attempt.id);
    const latest = earlier.at(-1);
    const delay = progressiveDelayMs(earlier.length);
    return latest && delay ? latest.createdAt.getTime() + delay - now.getTime() : 0;
  };
  const waitMs = Math.max(
    over(pairFailures, ACCOUNT_IP_ATTEMPT_LIMIT),
    over(ipFailures, IP_ATTEMPT_LIMIT),
    accountWait(),
  );
  return { attemptId: attempt.id, waitMs: Math.max(0, waitMs) };
}

async function settleAttempt(
  dataSource: DataSource,
  attemptId: string,
  succeeded: boolean,
): Promise<void> {
  // A success is kept: it starts the account's counts afresh and makes its IP a known one.
  await dataSource.getRepository(SignInAttemptEntity).update({ id: attemptId }, { succeeded });
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
  await manager.getRepository(SignInAttemptEntity).insert({
    emailKey: normalizeEmail(email).slice(0, 254),
    ip: ipLimitSubject(ip),
    succeeded: true,
    createdAt: now,
  });
}

/** A refused try checked no password: it is not kept as a failure. */
async function forgetAttempt(dataSource: DataSource, attemptId: string): Promise<void> {
  await dataSource.getRepository(SignInAttemptEntity).delete({ id: attemptId });
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

/** Checks a person's password: the temporary one (typed loosely, once, within 7 days) or their own. */
async function checkPersonPassword(
  person: PersonEntity,
  password: string,
  now: Date,
): Promise<'ok' | 'wrong' | 'temporary-spent'> {
  if (
    !person.passwordHash ||
    person.status === PersonStatus.DISABLED ||
    person.status === PersonStatus.PENDING_APPROVAL
  ) {
    await verifyPassword(await timingDummy(), password);
    return 'wrong';
  }
  if (person.mustChangePassword && person.temporaryPasswordExpiresAt) {
    if (!(await verifyPassword(person.passwordHash, canonicalTemporaryPassword(password))))
      return 'wrong';
    // The password is right, so saying that it is spent reveals nothing to a guesser.
    if (person.temporaryPasswordUsedAt || person.temporaryPasswordExpiresAt <= now)
      return 'temporary-spent';
    return 'ok';
  }
  return (await verifyPassword(person.passwordHash, password)) ? 'ok' : 'wrong';
}

/**
 * Signs a person or an operator in. A wrong email and a wrong password give the same answer in
 * the same time; too many failures (see the throttling notes above) answer THROTTLED with the wait.
 */
export async function signIn(
  dataSource: DataSource,
  email: string,
  password: string,
  meta: SessionMeta & { ip: string },
  now = new Date(),
): Promise<SignedIn> {
  const emailKey = normalizeEmail(email).slice(0, 254);
  const { attemptId, waitMs } = await throttle(dataSource, emailKey, ipLimitSubject(meta.ip), now);
  if (waitMs > 0) {
    await forgetAttempt(dataSource, attemptId);
    throw throttledProblem(CREDENTIALS_FIELD, waitMs);
  }

  // Both kinds of account are looked up and the password decides, so which table is read first
  // never matters: even an address that a person and an operator came to share (before the
  // addresses were kept apart) locks neither out. People without a password (invited, pending,
  // rejected) cannot sign in, and another company's unaccepted invitation may share the address.
  const [people, operator] = await Promise.all([
    dataSource
      .getRepository(PersonEntity)
      .find({ where: { email: emailKey, passwordHash: Not(IsNull()) } }),
    dataSource.getRepository(OperatorEntity).findOneBy({ email: emailKey }),
  ]);
  // Unknown addresses verify against the dummy: the same time as a wrong password.
  if (people.length === 0 && !operator) await verifyPassword(await timingDummy(), password);

  for (const person of people) {
    const verdict = await checkPersonPassword(person, password, now);
    if (verdict === 'wrong') continue;
    if (verdict === 'temporary-spent') {
      await settleAttempt(dataSource, attemptId, false);
      throw UserInputProblem.of(CREDENTIALS_FIELD, UserErrorCode.INVALID_TOKEN);
    }
    if (person.mustChangePassword) {
      // One use: the session it opens is the one in which the person picks a password.
      await dataSource
        .getRepository(PersonEntity)
        .update({ id: person.id }, { temporaryPasswordUsedAt: now });
    }
    await settleAttempt(dataSource, attemptId, true);
    const { token } = await createSession(dataSource, { personId: person.id }, meta, now);
    return { kind: 'person', token, person };
  }

  if (operator && (await verifyPassword(operator.passwordHash, password))) {
    await settleAttempt(dataSource, attemptId, true);
    const { token } = await createSession(dataSource, { operatorId: operator.id }, meta, now);
    return { kind: 'operator', token, operator };
  }
  await settleAttempt(dataSource, attemptId, false);
  throw invalidCredentials();
}
