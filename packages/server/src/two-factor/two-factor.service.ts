import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import {
  accountEntity,
  lockAccountRow,
  ownerOf,
  type Account,
  type AccountWithCompany,
} from '../accounts/account';
import { verifyPassword } from '../accounts/passwords';
import { countedCredentialCheck } from '../accounts/sign-in-throttle';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { PersonViewer } from '../auth/viewer';
import { CompanyEntity } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import type { Config } from '../config/config';
import { inTransaction } from '../database/transaction';
import { PersonEntity } from '../people/person.entity';
import { OperatorEntity } from '../accounts/operator.entity';
import type { SecretBox } from '../secrets/secret-box';
import { mfaEnabled, mfaRequired } from './mfa-requirement';
import { deleteRecoveryCodes, replaceRecoveryCodes } from './recovery-codes';
import {
  acceptTotpCode,
  deleteTotpCredential,
  findTotpCredential,
  storeTotpSecret,
  useSecondFactor,
} from './second-factor';
import { looksLikeTotpCode, newTotpSecret, totpUri } from './totp';
import { recordTwoFactorEvent } from './two-factor-events';

/** What the two-factor operations work with: the database, the secrets key, the settings. */
export interface TwoFactorDeps {
  readonly dataSource: DataSource;
  readonly secrets: SecretBox;
  readonly config: Config;
}

const CODE_FIELD = ['code'];
const problem = (field: readonly string[], code: UserErrorCode) => UserInputProblem.of(field, code);

/**
 * The account's row, locked for the transaction, holding two-factor sign-in in the state the
 * operation needs (`on`: turned on; `off`: not), else the problem that says which it is not.
 */
async function lockInState(
  manager: EntityManager,
  account: Account,
  state: 'on' | 'off',
): Promise<void> {
  const row = await lockAccountRow(manager, account);
  if (!row) throw new Error('two-factor change of an account that no longer exists');
  if (state === 'off' && row.mfaEnabledAt) throw problem([], UserErrorCode.MFA_ALREADY_ENABLED);
  if (state === 'on' && !row.mfaEnabledAt) throw problem([], UserErrorCode.MFA_NOT_ENABLED);
}

/** Turns the switch: the time two-factor sign-in was turned on, or null for off. */
async function setMfaEnabledAt(
  manager: EntityManager,
  account: Account,
  mfaEnabledAt: Date | null,
  now: Date,
): Promise<void> {
  const change = { mfaEnabledAt, updatedAt: now };
  if (account.kind === 'person')
    await manager.getRepository(PersonEntity).update({ id: account.person.id }, change);
  else await manager.getRepository(OperatorEntity).update({ id: account.operator.id }, change);
}

/**
 * A new authenticator-app secret for the account, replacing one not yet confirmed: the base32
 * secret and the otpauth:// URI, the only time either leaves the server. Refused while two-factor
 * sign-in is on (turn it off first).
 */
export async function startTotpEnrollment(
  { dataSource, secrets }: TwoFactorDeps,
  account: Account,
  now = new Date(),
): Promise<{ secret: string; uri: string }> {
  if (mfaEnabled(account)) throw problem([], UserErrorCode.MFA_ALREADY_ENABLED);
  const secret = newTotpSecret();
  await inTransaction(dataSource, async (manager) => {
    await lockInState(manager, account, 'off');
    await storeTotpSecret(manager, secrets, ownerOf(account), secret, now);
  });
  return { secret, uri: totpUri(secret, accountEntity(account).email) };
}

/**
 * Turns two-factor sign-in on with a first code of the secret startTotpEnrollment gave, and
 * answers the ten recovery codes (the only time they are shown). The code counts as used.
 */
export async function confirmTotpEnrollment(
  { dataSource, secrets, config }: TwoFactorDeps,
  account: Account,
  code: string,
  actor: AuditActor,
  now = new Date(),
): Promise<string[]> {
  const digits = code.replace(/\s/g, '');
  if (!looksLikeTotpCode(digits)) throw problem(CODE_FIELD, UserErrorCode.INVALID_CODE);
  if (mfaEnabled(account)) throw problem([], UserErrorCode.MFA_ALREADY_ENABLED);
  return inTransaction(dataSource, async (manager) => {
    await lockInState(manager, account, 'off');
    const owner = ownerOf(account);
    const credential = await findTotpCredential(manager, owner);
    if (!credential) throw problem([], UserErrorCode.MFA_ENROLLMENT_NOT_STARTED);
    if (!(await acceptTotpCode(manager, secrets, credential, digits, now)))
      throw problem(CODE_FIELD, UserErrorCode.INVALID_CODE);
    await setMfaEnabledAt(manager, account, now, now);
    const codes = await replaceRecoveryCodes(manager, secrets, owner, now);
    await recordTwoFactorEvent(
      manager,
      config.publicUrl,
      account,
      { kind: 'mfa_enabled' },
      actor,
      now,
    );
    return codes;
  });
}

/**
 * Proves the second factor while signed in (turning it off, new recovery codes): a current code
 * or an unused recovery code, counted in the account's sign-in throttle like a sign-in's.
 */
function withSecondFactor<T>(
  { dataSource, secrets }: TwoFactorDeps,
  account: Account,
  code: string,
  actor: AuditActor,
  now: Date,
  change: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const attempt = {
    email: accountEntity(account).email,
    ip: actor.ip ?? 'unknown',
    field: CODE_FIELD,
  };
  return countedCredentialCheck(dataSource, attempt, 'forget', now, () =>
    inTransaction(dataSource, async (manager) => {
      await lockInState(manager, account, 'on');
      const used = await useSecondFactor(manager, secrets, ownerOf(account), code, now);
      if (!used) throw problem(CODE_FIELD, UserErrorCode.INVALID_CODE);
      return change(manager);
    }),
  );
}

/**
 * Turns two-factor sign-in off, with the password and a code; the secret and the recovery codes
 * are deleted. Refused (MFA_REQUIRED) while the company (or OPERATOR_REQUIRE_MFA) requires it.
 */
export async function disableTotp(
  deps: TwoFactorDeps,
  account: AccountWithCompany,
  password: string,
  code: string,
  actor: AuditActor,
  now = new Date(),
): Promise<void> {
  if (!mfaEnabled(account)) throw problem([], UserErrorCode.MFA_NOT_ENABLED);
  if (mfaRequired(account, deps.config.operatorRequireMfa))
    throw problem([], UserErrorCode.MFA_REQUIRED);
  const passwordHash = accountEntity(account).passwordHash;
  if (!passwordHash || !(await verifyPassword(passwordHash, password)))
    throw problem(['password'], UserErrorCode.WRONG_PASSWORD);
  await withSecondFactor(deps, account, code, actor, now, async (manager) => {
    const owner = ownerOf(account);
    await deleteTotpCredential(manager, owner);
    await deleteRecoveryCodes(manager, owner);
    await setMfaEnabledAt(manager, account, null, now);
    await recordTwoFactorEvent(
      manager,
      deps.config.publicUrl,
      account,
      { kind: 'mfa_disabled' },
      actor,
      now,
    );
  });
}

/** Ten new recovery codes, with a current code (or an unused recovery code); the old ones stop working. */
export function regenerateRecoveryCodes(
  deps: TwoFactorDeps,
  account: Account,
  code: string,
  actor: AuditActor,
  now = new Date(),
): Promise<string[]> {
  if (!mfaEnabled(account)) throw problem([], UserErrorCode.MFA_NOT_ENABLED);
  return withSecondFactor(deps, account, code, actor, now, async (manager) => {
    const codes = await replaceRecoveryCodes(manager, deps.secrets, ownerOf(account), now);
    await recordTwoFactorEvent(
      manager,
      deps.config.publicUrl,
      account,
      { kind: 'recovery_codes_regenerated' },
      actor,
      now,
    );
    return codes;
  });
}

/**
 * A payment admin requires two-factor sign-in of everyone in the company, or stops requiring it.
 * People without it are limited to setting it up from their next request on.
 */
export async function setCompanyMfaRequirement(
  dataSource: DataSource,
  viewer: PersonViewer,
  required: boolean,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  return inTransaction(dataSource, async (manager) => {
    const companies = manager.getRepository(CompanyEntity);
    const before = await companies.findOneByOrFail({ id: viewer.company.id });
    if (before.requireMfa !== required) {
      await companies.update({ id: before.id }, { requireMfa: required, updatedAt: now });
      await recordAudit(
        manager,
        actor,
        {
          companyId: before.id,
          kind: 'company.mfa_requirement_changed',
          subjectType: 'company',
          subjectId: before.id,
          before: { requireMfa: before.requireMfa },
          after: { requireMfa: required },
        },
        now,
      );
    }
    return companies.findOneByOrFail({ id: before.id });
  });
}
