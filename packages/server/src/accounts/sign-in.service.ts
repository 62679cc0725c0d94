import { IsNull, Not, type DataSource } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import type { SecretBox } from '../secrets/secret-box';
import {
  claimMfaChallengeTry,
  findLiveMfaChallenge,
  issueMfaChallenge,
  spendMfaChallenge,
} from '../two-factor/mfa-challenges';
import { mfaEnabled } from '../two-factor/mfa-requirement';
import { useSecondFactor } from '../two-factor/second-factor';
import { recordTwoFactorEvent } from '../two-factor/two-factor-events';
import { accountEntity, ownerOf, ownerOfRow, type Account } from './account';
import { OperatorEntity } from './operator.entity';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, type SessionMeta } from './session.service';
import {
  countedCredentialCheck,
  forgetSignInAttempt,
  settleSignInAttempt,
  signInEmailKey,
  startSignInAttempt,
} from './sign-in-throttle';
import { canonicalTemporaryPassword } from './temporary-password';

/** A session was opened: its token (the only time it exists outside the client) and whose it is. */
export type SignedIn =
  | { readonly kind: 'person'; readonly token: string; readonly person: PersonEntity }
  | { readonly kind: 'operator'; readonly token: string; readonly operator: OperatorEntity };

/** The password was right and two-factor sign-in is on: verifyMfa takes the challenge from here. */
export interface MfaChallenged {
  readonly kind: 'mfaChallenge';
  readonly challenge: string;
}

export type SignInOutcome = SignedIn | MfaChallenged;

/** Where the second step's problems point: the challenge, or the code. */
const CHALLENGE_FIELD = ['challenge'];
const CODE_FIELD = ['code'];

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

/** Opens the account's session: what a sign-in ends with, after one step or two. */
async function openSession(
  dataSource: DataSource,
  account: Account,
  meta: SessionMeta,
  now: Date,
): Promise<SignedIn> {
  if (account.kind === 'person' && account.person.mustChangePassword) {
    // One use: the session it opens is the one in which the person picks a password.
    await dataSource
      .getRepository(PersonEntity)
      .update({ id: account.person.id }, { temporaryPasswordUsedAt: now });
  }
  const { token } = await createSession(dataSource, ownerOf(account), meta, now);
  return account.kind === 'person'
    ? { kind: 'person', token, person: account.person }
    : { kind: 'operator', token, operator: account.operator };
}

/**
 * The account proved its password (signIn, acceptInvitation): a session, or with two-factor
 * sign-in on, a challenge for verifyMfa, and no session yet.
 */
export async function passFirstFactor(
  dataSource: DataSource,
  account: Account,
  meta: SessionMeta,
  now: Date,
): Promise<SignInOutcome> {
  if (!mfaEnabled(account)) return openSession(dataSource, account, meta, now);
  const challenge = await issueMfaChallenge(dataSource, ownerOf(account), now);
  return { kind: 'mfaChallenge', challenge };
}

/**
 * Signs a person or an operator in. A wrong email and a wrong password give the same answer in
 * the same time; too many failures (sign-in-throttle.ts) answer THROTTLED with the wait. With
 * two-factor sign-in on, a right password answers a challenge instead of a session, and counts
 * as neither success nor failure: only the second step's code does.
 */
export async function signIn(
  dataSource: DataSource,
  email: string,
  password: string,
  meta: SessionMeta & { ip: string },
  now = new Date(),
): Promise<SignInOutcome> {
  const emailKey = signInEmailKey(email);
  const attempt = await startSignInAttempt(dataSource, email, meta.ip, CREDENTIALS_FIELD, now);

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

  let account: Account | null = null;
  for (const person of people) {
    const verdict = await checkPersonPassword(person, password, now);
    if (verdict === 'wrong') continue;
    if (verdict === 'temporary-spent') {
      await settleSignInAttempt(dataSource, attempt, false);
      throw UserInputProblem.of(CREDENTIALS_FIELD, UserErrorCode.INVALID_TOKEN);
    }
    account = { kind: 'person', person };
    break;
  }
  if (!account && operator && (await verifyPassword(operator.passwordHash, password)))
    account = { kind: 'operator', operator };
  if (!account) {
    await settleSignInAttempt(dataSource, attempt, false);
    throw invalidCredentials();
  }
  if (mfaEnabled(account)) await forgetSignInAttempt(dataSource, attempt);
  else await settleSignInAttempt(dataSource, attempt, true);
  return passFirstFactor(dataSource, account, meta, now);
}

/** The account a challenge was issued to, while it may still sign in; null otherwise. */
async function challengedAccount(
  dataSource: DataSource,
  owner: ReturnType<typeof ownerOfRow>,
): Promise<Account | null> {
  if ('operatorId' in owner) {
    const operator = await dataSource
      .getRepository(OperatorEntity)
      .findOneBy({ id: owner.operatorId });
    return operator ? { kind: 'operator', operator } : null;
  }
  const person = await dataSource.getRepository(PersonEntity).findOneBy({ id: owner.personId });
  return person && person.status === PersonStatus.ACTIVE ? { kind: 'person', person } : null;
}

/**
 * The second step of a sign-in: the challenge signIn (or acceptInvitation) answered and a current
 * authenticator code or an unused recovery code give the session signIn would have given. Each
 * code counts in the account's sign-in throttle (a wrong one as a failure, the right one as the
 * sign-in's success); the challenge dies after 5 minutes, 5 tries or its one use. A recovery code
 * is audited and emailed to the account with how many are left.
 */
export async function verifyMfa(
  dataSource: DataSource,
  secrets: SecretBox,
  publicUrl: string,
  challengeToken: string,
  code: string,
  meta: SessionMeta & { ip: string },
  now = new Date(),
): Promise<SignedIn> {
  const expired = () => UserInputProblem.of(CHALLENGE_FIELD, UserErrorCode.MFA_CHALLENGE_EXPIRED);
  const challenge = await findLiveMfaChallenge(dataSource, challengeToken, now);
  const account = challenge ? await challengedAccount(dataSource, ownerOfRow(challenge)) : null;
  if (!challenge || !account) throw expired();
  const attempt = { email: accountEntity(account).email, ip: meta.ip, field: CODE_FIELD };
  const used = await countedCredentialCheck(dataSource, attempt, 'signIn', now, async () => {
    if (!(await claimMfaChallengeTry(dataSource, challenge))) throw expired();
    const proof = await useSecondFactor(dataSource.manager, secrets, ownerOf(account), code, now);
    if (!proof) throw UserInputProblem.of(CODE_FIELD, UserErrorCode.INVALID_CODE);
    if (!(await spendMfaChallenge(dataSource, challenge, now))) throw expired();
    return proof;
  });
  if (used.method === 'recoveryCode') {
    await inTransaction(dataSource, (manager) =>
      recordTwoFactorEvent(
        manager,
        publicUrl,
        account,
        { kind: 'recovery_code_used', remaining: used.remaining },
        { viewer: null, ip: meta.ip },
        now,
      ),
    );
  }
  return openSession(dataSource, account, meta, now);
}
