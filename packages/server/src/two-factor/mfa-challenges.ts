import { IsNull, LessThan, type DataSource } from 'typeorm';
import { ownerColumns, type AccountOwner } from '../accounts/account';
import { generateToken, hashToken } from '../accounts/tokens';
import { MfaChallengeEntity } from './mfa-challenge.entity';

/** How long the second step of a sign-in may take. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Codes one challenge may be tried with: five wrong ones and it is dead. */
export const MFA_CHALLENGE_TRIES = 5;
/** Challenges are kept this long past their expiry, then purged. */
const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

/** A new challenge for the account whose password was right; returns it (kept only as a hash). */
export async function issueMfaChallenge(
  dataSource: DataSource,
  owner: AccountOwner,
  now: Date,
): Promise<string> {
  const challenge = generateToken();
  await dataSource.getRepository(MfaChallengeEntity).insert({
    ...ownerColumns(owner),
    tokenHash: hashToken(challenge),
    tries: 0,
    createdAt: now,
    expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_MS),
    usedAt: null,
  });
  return challenge;
}

/** The challenge while it can still be tried: null when unknown, expired, used or out of tries. */
export async function findLiveMfaChallenge(
  dataSource: DataSource,
  challenge: string,
  now: Date,
): Promise<MfaChallengeEntity | null> {
  const found = await dataSource
    .getRepository(MfaChallengeEntity)
    .findOneBy({ tokenHash: hashToken(challenge) });
  return found && isLive(found, now) ? found : null;
}

function isLive(challenge: MfaChallengeEntity, now: Date): boolean {
  return !challenge.usedAt && challenge.expiresAt > now && challenge.tries < MFA_CHALLENGE_TRIES;
}

/**
 * Counts one try of the challenge before its code is checked (so requests sent at once cannot
 * slip more than five codes past it). False: it died meanwhile.
 */
export async function claimMfaChallengeTry(
  dataSource: DataSource,
  challenge: MfaChallengeEntity,
): Promise<boolean> {
  const claimed = await dataSource
    .getRepository(MfaChallengeEntity)
    .createQueryBuilder()
    .update()
    .set({ tries: () => 'tries + 1' })
    .where('id = :id AND usedAt IS NULL AND tries < :max', {
      id: challenge.id,
      max: MFA_CHALLENGE_TRIES,
    })
    .execute();
  return (claimed.affected ?? 0) > 0;
}

/** Uses the challenge up: of two right codes sent at once, one gets the session. */
export async function spendMfaChallenge(
  dataSource: DataSource,
  challenge: MfaChallengeEntity,
  now: Date,
): Promise<boolean> {
  const spent = await dataSource
    .getRepository(MfaChallengeEntity)
    .update({ id: challenge.id, usedAt: IsNull() }, { usedAt: now });
  return (spent.affected ?? 0) > 0;
}

/** Deletes challenges a day past their expiry (housekeeping); returns how many. */
export async function purgeOldMfaChallenges(
  dataSource: DataSource,
  now = new Date(),
): Promise<number> {
  const purged = await dataSource
    .getRepository(MfaChallengeEntity)
    .delete({ expiresAt: LessThan(new Date(now.getTime() - PURGE_AFTER_MS)) });
  return purged.affected ?? 0;
}
