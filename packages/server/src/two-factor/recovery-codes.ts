import { timingSafeEqual } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { ownerColumns, type AccountOwner } from '../accounts/account';
import { canonicalReadableCode, generateReadableCode } from '../accounts/readable-codes';
import type { SecretBox } from '../secrets/secret-box';
import { RecoveryCodeEntity } from './recovery-code.entity';

export const RECOVERY_CODE_COUNT = 10;
/** 12 symbols of 5 bits = 60 bits each, shown as XXXX-XXXX-XXXX */
const GROUPS = 3;
const GROUP_SIZE = 4;

/** The typed code as it is hashed: canonical (case, dashes, look-alike letters), then keyed. */
function codeHash(secrets: SecretBox, typed: string): string {
  return secrets.keyedHash(canonicalReadableCode(typed));
}

/**
 * Ten new codes for the account, replacing all its earlier ones (used or not); returns them: the
 * only time they exist outside the person's hands.
 */
export async function replaceRecoveryCodes(
  manager: EntityManager,
  secrets: SecretBox,
  owner: AccountOwner,
  now: Date,
): Promise<string[]> {
  const repository = manager.getRepository(RecoveryCodeEntity);
  await repository.delete(owner);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    generateReadableCode(GROUPS, GROUP_SIZE),
  );
  await repository.insert(
    codes.map((code) => ({
      ...ownerColumns(owner),
      codeHash: codeHash(secrets, code),
      createdAt: now,
      usedAt: null,
    })),
  );
  return codes;
}

export async function deleteRecoveryCodes(
  manager: EntityManager,
  owner: AccountOwner,
): Promise<void> {
  await manager.getRepository(RecoveryCodeEntity).delete(owner);
}

/**
 * Spends one of the account's unused recovery codes: the number still unused after it, or null
 * when `typed` is none of them. Every unused code is compared, in constant time, whichever
 * matches; of two requests with one code only one gets it (a conditional UPDATE).
 */
export async function spendRecoveryCode(
  manager: EntityManager,
  secrets: SecretBox,
  owner: AccountOwner,
  typed: string,
  now: Date,
): Promise<{ readonly remaining: number } | null> {
  const repository = manager.getRepository(RecoveryCodeEntity);
  const unused = await repository.find({
    select: { id: true, codeHash: true },
    where: { ...owner, usedAt: IsNull() },
  });
  const typedHash = Buffer.from(codeHash(secrets, typed), 'hex');
  let match: RecoveryCodeEntity | null = null;
  for (const row of unused) {
    const stored = Buffer.from(row.codeHash, 'hex');
    if (stored.length === typedHash.length && timingSafeEqual(stored, typedHash)) match = row;
  }
  if (!match) return null;
  const spent = await repository.update({ id: match.id, usedAt: IsNull() }, { usedAt: now });
  if (!spent.affected) return null;
  return { remaining: await repository.count({ where: { ...owner, usedAt: IsNull() } }) };
}
