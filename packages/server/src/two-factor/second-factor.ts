import type { EntityManager } from 'typeorm';
import { ownerColumns, ownerOfRow, type AccountOwner } from '../accounts/account';
import type { SecretBox } from '../secrets/secret-box';
import { spendRecoveryCode } from './recovery-codes';
import { looksLikeTotpCode, matchingTotpStep } from './totp';
import { TotpCredentialEntity } from './totp-credential.entity';

/** Longer than any code we issue: not hashed, not compared. */
const CODE_MAX_LENGTH = 64;

/** What a sealed secret is bound to: its owner (a secret copied into another row does not open). */
function sealContext(owner: AccountOwner): string {
  return 'personId' in owner
    ? `totp person ${owner.personId}`
    : `totp operator ${owner.operatorId}`;
}

/** The account's TOTP credential (in use, or an enrollment waiting for its first code). */
export function findTotpCredential(
  manager: EntityManager,
  owner: AccountOwner,
): Promise<TotpCredentialEntity | null> {
  return manager.getRepository(TotpCredentialEntity).findOneBy(owner);
}

/** Keeps `secretBase32` as the account's TOTP secret, sealed, replacing any it had. */
export async function storeTotpSecret(
  manager: EntityManager,
  secrets: SecretBox,
  owner: AccountOwner,
  secretBase32: string,
  now: Date,
): Promise<void> {
  const repository = manager.getRepository(TotpCredentialEntity);
  await repository.delete(owner);
  await repository.insert({
    ...ownerColumns(owner),
    sealedSecret: secrets.seal(secretBase32, sealContext(owner)),
    lastUsedStep: null,
    createdAt: now,
  });
}

export async function deleteTotpCredential(
  manager: EntityManager,
  owner: AccountOwner,
): Promise<void> {
  await manager.getRepository(TotpCredentialEntity).delete(owner);
}

/**
 * Accepts a current code of the credential, once: its step is recorded by a conditional UPDATE,
 * so no code of that step or an earlier one works again, on any server process, even for two
 * requests with the same code at the same moment. False: wrong, or used already.
 */
export async function acceptTotpCode(
  manager: EntityManager,
  secrets: SecretBox,
  credential: TotpCredentialEntity,
  code: string,
  now: Date,
): Promise<boolean> {
  const secret = secrets.open(credential.sealedSecret, sealContext(ownerOfRow(credential)));
  const step = matchingTotpStep(secret, code, now);
  if (step === null || (credential.lastUsedStep !== null && step <= credential.lastUsedStep))
    return false;
  const claimed = await manager
    .getRepository(TotpCredentialEntity)
    .createQueryBuilder()
    .update()
    .set({ lastUsedStep: step })
    .where('id = :id AND (lastUsedStep IS NULL OR lastUsedStep < :step)', {
      id: credential.id,
      step,
    })
    .execute();
  return (claimed.affected ?? 0) > 0;
}

/** How the second factor was proven: the authenticator app, or a recovery code (and how many are left). */
export type SecondFactorUse =
  { readonly method: 'totp' } | { readonly method: 'recoveryCode'; readonly remaining: number };

/**
 * Checks a code of the account's second factor and uses it up: six digits are an authenticator
 * app's code (accepted once), anything else is tried as an unused recovery code (spent). Null
 * when it is neither. For an account with two-factor sign-in on.
 */
export async function useSecondFactor(
  manager: EntityManager,
  secrets: SecretBox,
  owner: AccountOwner,
  code: string,
  now: Date,
): Promise<SecondFactorUse | null> {
  const typed = code.trim();
  if (typed.length === 0 || typed.length > CODE_MAX_LENGTH) return null;
  const digits = typed.replace(/\s/g, '');
  if (looksLikeTotpCode(digits)) {
    const credential = await findTotpCredential(manager, owner);
    return credential && (await acceptTotpCode(manager, secrets, credential, digits, now))
      ? { method: 'totp' }
      : null;
  }
  const spent = await spendRecoveryCode(manager, secrets, owner, typed, now);
  return spent ? { method: 'recoveryCode', remaining: spent.remaining } : null;
}
