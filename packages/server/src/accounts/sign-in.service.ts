import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { normalizeEmail, UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { OperatorEntity } from './operator.entity';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, type SessionMeta } from './session.service';
import { SignInAttemptEntity } from './sign-in-attempt.entity';
import { canonicalTemporaryPassword } from './temporary-password';

/** Failed tries allowed per account, and per IP address, within the window. */
export const ACCOUNT_ATTEMPT_LIMIT = 5;
export const IP_ATTEMPT_LIMIT = 20;
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

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

/**
 * Records the attempt first, then counts: attempts batched in one request (GraphQL aliases) each
 * see the others, so a batch cannot slip past the limit. Returns minutes to wait, or 0.
 */
async function throttle(
  dataSource: DataSource,
  emailKey: string,
  ip: string,
  now: Date,
): Promise<{ attemptId: string; waitMinutes: number }> {
  const repository = dataSource.getRepository(SignInAttemptEntity);
  const attempt = repository.create({ emailKey, ip, succeeded: null, createdAt: now });
  await repository.insert(attempt);
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const recent = (where: Record<string, unknown>) =>
    repository.find({
      select: { createdAt: true },
      where: [
        { ...where, createdAt: MoreThan(since), succeeded: false },
        { ...where, createdAt: MoreThan(since), succeeded: IsNull() },
      ],
      order: { createdAt: 'ASC' },
    });
  const [byAccount, byIp] = await Promise.all([recent({ emailKey }), recent({ ip })]);
  const over = (rows: SignInAttemptEntity[], limit: number) => {
    if (rows.length <= limit) return 0;
    // Wait until enough of the oldest failures leave the window to drop back under the limit.
    const freeing = rows[rows.length - limit - 1];
    return freeing
      ? freeing.createdAt.getTime() + ATTEMPT_WINDOW_MS - now.getTime()
      : ATTEMPT_WINDOW_MS;
  };
  const waitMs = Math.max(over(byAccount, ACCOUNT_ATTEMPT_LIMIT), over(byIp, IP_ATTEMPT_LIMIT));
  return {
    attemptId: attempt.id,
    waitMinutes: waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0,
  };
}

async function settleAttempt(
  dataSource: DataSource,
  attemptId: string,
  emailKey: string,
  succeeded: boolean,
): Promise<void> {
  const repository = dataSource.getRepository(SignInAttemptEntity);
  if (succeeded) {
    // A successful sign-in clears the account's failures (the IP's stay counted).
    await repository.delete({ emailKey });
    return;
  }
  await repository.update({ id: attemptId }, { succeeded: false });
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
 * the same time; too many failures per account or per IP answer THROTTLED with the wait.
 */
export async function signIn(
  dataSource: DataSource,
  email: string,
  password: string,
  meta: SessionMeta & { ip: string },
  now = new Date(),
): Promise<SignedIn> {
  const emailKey = normalizeEmail(email).slice(0, 254);
  const { attemptId, waitMinutes } = await throttle(dataSource, emailKey, meta.ip, now);
  if (waitMinutes > 0) {
    await settleAttempt(dataSource, attemptId, emailKey, false);
    throw UserInputProblem.of(CREDENTIALS_FIELD, UserErrorCode.THROTTLED, { minutes: waitMinutes });
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
      await settleAttempt(dataSource, attemptId, emailKey, false);
      throw UserInputProblem.of(CREDENTIALS_FIELD, UserErrorCode.INVALID_TOKEN);
    }
    if (person.mustChangePassword) {
      // One use: the session it opens is the one in which the person picks a password.
      await dataSource
        .getRepository(PersonEntity)
        .update({ id: person.id }, { temporaryPasswordUsedAt: now });
    }
    await settleAttempt(dataSource, attemptId, emailKey, true);
    const { token } = await createSession(dataSource, { personId: person.id }, meta, now);
    return { kind: 'person', token, person };
  }

  if (operator && (await verifyPassword(operator.passwordHash, password))) {
    await settleAttempt(dataSource, attemptId, emailKey, true);
    const { token } = await createSession(dataSource, { operatorId: operator.id }, meta, now);
    return { kind: 'operator', token, operator };
  }
  await settleAttempt(dataSource, attemptId, emailKey, false);
  throw invalidCredentials();
}
