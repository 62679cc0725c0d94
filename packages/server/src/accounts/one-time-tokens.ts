import { IsNull, type EntityManager, type FindOptionsRelations } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { OneTimeTokenEntity, type OneTimeTokenKind } from './one-time-token.entity';
import { generateToken, hashToken } from './tokens';

/**
 * The life of an emailed one-time token (invitation, password reset), in one place: issued as a
 * random secret of which only the hash is stored, found by that hash while unused and unexpired,
 * and used once. A newer token of the same kind voids the person's older ones.
 */

/** Voids the person's unused tokens of this kind (as if used now). */
export async function voidOneTimeTokens(
  manager: EntityManager,
  personId: string,
  kind: OneTimeTokenKind,
  now: Date,
): Promise<void> {
  await manager
    .getRepository(OneTimeTokenEntity)
    .update({ personId, kind, usedAt: IsNull() }, { usedAt: now });
}

/** A new token for the person, valid for `ttlMs`, voiding their older ones; returns the secret. */
export async function issueOneTimeToken(
  manager: EntityManager,
  personId: string,
  kind: OneTimeTokenKind,
  ttlMs: number,
  now: Date,
): Promise<string> {
  await voidOneTimeTokens(manager, personId, kind, now);
  const token = generateToken();
  await manager.getRepository(OneTimeTokenEntity).insert({
    kind,
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
    usedAt: null,
  });
  return token;
}

/**
 * The token of this kind with the secret, with the relations asked for, if it can still be
 * used: null when unknown, used, voided or expired.
 */
export async function findUsableOneTimeToken(
  manager: EntityManager,
  kind: OneTimeTokenKind,
  token: string,
  now: Date,
  relations: FindOptionsRelations<OneTimeTokenEntity> = {},
): Promise<OneTimeTokenEntity | null> {
  const found = await manager.getRepository(OneTimeTokenEntity).findOne({
    where: { tokenHash: hashToken(token), kind },
    relations,
  });
  return found && !found.usedAt && found.expiresAt > now ? found : null;
}

/**
 * Uses the token, inside the transaction of what it allows: of two requests with one token,
 * only one gets past here; the other is refused with INVALID_TOKEN (and its transaction undone).
 */
export async function useOneTimeToken(
  manager: EntityManager,
  token: OneTimeTokenEntity,
  now: Date,
): Promise<void> {
  const claimed = await manager
    .getRepository(OneTimeTokenEntity)
    .update({ id: token.id, usedAt: IsNull() }, { usedAt: now });
  if (!claimed.affected) throw UserInputProblem.of(['token'], UserErrorCode.INVALID_TOKEN);
}
