import { IsNull, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { normalizeEmail, resolveLocale, UserErrorCode } from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserInputProblem } from '../common/user-errors';
import type { Config } from '../config/config';
import { inTransaction } from '../database/transaction';
import { enqueueMail, mailLinks } from '../mail';
import type { Logger } from '../observability/logger';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { hitEmailSendingLimits } from '../rate-limits/email-limits';
import { OneTimeTokenEntity, OneTimeTokenKind } from './one-time-token.entity';
import { OperatorEntity } from './operator.entity';
import { findUsableOneTimeToken, issueOneTimeToken, useOneTimeToken } from './one-time-tokens';
import { newPasswordWeakness, weakPasswordProblem } from './password-policy';
import { recordProvenOwner } from './sign-in-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { SessionEntity } from './session.entity';
import { canonicalTemporaryPassword } from './temporary-password';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** requestPasswordReset always takes at least this long, so its timing tells nothing. */
const RESET_REQUEST_FLOOR_MS = 400;
/** More reset emails than this per hour for one person are silently dropped (mail bombing). */
const RESET_REQUESTS_PER_HOUR = 3;

function weakPassword(
  field: string[],
  person: PersonEntity,
  password: string,
): UserInputProblem | null {
  const reason = newPasswordWeakness(password, person);
  return reason ? weakPasswordProblem(field, reason) : null;
}

/** Sets a new password and revokes the person's sessions (all, or all but the one kept). */
async function setPassword(
  dataSource: DataSource,
  person: PersonEntity,
  password: string,
  keepSessionId: string | null,
  actor: AuditActor,
  now: Date,
  before?: (manager: EntityManager) => Promise<void>,
): Promise<PersonEntity> {
  const passwordHash = await hashPassword(password);
  return inTransaction(dataSource, async (manager) => {
    await before?.(manager);
    await manager.getRepository(PersonEntity).update(
      { id: person.id },
      {
        passwordHash,
        mustChangePassword: false,
        temporaryPasswordExpiresAt: null,
        temporaryPasswordUsedAt: null,
        passwordChangedAt: now,
        updatedAt: now,
      },
    );
    await manager
      .getRepository(SessionEntity)
      .update(
        keepSessionId
          ? { personId: person.id, revokedAt: IsNull(), id: Not(keepSessionId) }
          : { personId: person.id, revokedAt: IsNull() },
        { revokedAt: now },
      );
    await recordAudit(
      manager,
      actor,
      {
        companyId: person.companyId,
        kind: 'person.password_changed',
        subjectType: 'person',
        subjectId: person.id,
      },
      now,
    );
    return manager.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
  });
}

/** The way out of a temporary password, and the ordinary password change. */
export async function changePassword(
  dataSource: DataSource,
  person: PersonEntity,
  currentPassword: string,
  newPassword: string,
  sessionId: string | null,
  actor: AuditActor,
  now = new Date(),
): Promise<PersonEntity> {
  const current = person.mustChangePassword
    ? canonicalTemporaryPassword(currentPassword)
    : currentPassword;
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
    throw UserInputProblem.of(['currentPassword'], UserErrorCode.WRONG_PASSWORD);
  }
  const weakness = weakPassword(['newPassword'], person, newPassword);
  if (weakness) throw weakness;
  return setPassword(dataSource, person, newPassword, sessionId, actor, now);
}

/**
 * Emails a reset link when the address belongs to a person who can sign in; answers the same,
 * in the same time, either way. Every request counts against the email-sending limits of the
 * client's IP and of the address, known or not (so the count tells nothing either); past them
 * nothing is sent, and the caller still hears nothing different (the contract answers true).
 */
export async function requestPasswordReset(
  dataSource: DataSource,
  config: Config,
  logger: Logger,
  email: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const started = Date.now();
  try {
    const verdict = await hitEmailSendingLimits(
      dataSource,
      config,
      'passwordReset',
      { ip, address: email },
      now,
    );
    if (!verdict.allowed) {
      logger.warn('password reset request over its rate limit: no email sent', {
        ip,
        limit: verdict.rule.name,
      });
      return;
    }
    // the person who holds the address, not another company's invitation of it
    const person = await dataSource
      .getRepository(PersonEntity)
      .findOneBy({ activeEmail: normalizeEmail(email).slice(0, 254) });
    if (!person || person.status !== PersonStatus.ACTIVE) return;
    await inTransaction(dataSource, async (manager) => {
      const tokens = manager.getRepository(OneTimeTokenEntity);
      const recent = await tokens.count({
        where: {
          personId: person.id,
          kind: OneTimeTokenKind.PASSWORD_RESET,
          createdAt: MoreThan(new Date(now.getTime() - 60 * 60 * 1000)),
        },
      });
      if (recent >= RESET_REQUESTS_PER_HOUR) return;
      // A new link voids the older ones.
      const token = await issueOneTimeToken(
        manager,
        person.id,
        OneTimeTokenKind.PASSWORD_RESET,
        PASSWORD_RESET_TTL_MS,
        now,
      );
      await enqueueMail(
        manager,
        {
          template: 'password-reset',
          to: person.email,
          locale: resolveLocale(person.locale),
          data: {
            firstName: person.firstName,
            resetUrl: mailLinks(config.publicUrl).resetPassword(token),
          },
        },
        now,
      );
    });
  } finally {
    const remaining = RESET_REQUEST_FLOOR_MS - (Date.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}

/** Sets a new password from an emailed link: the token works once, for an hour. */
export async function resetPassword(
  dataSource: DataSource,
  token: string,
  newPassword: string,
  ip: string | null,
  now = new Date(),
): Promise<PersonEntity> {
  const found = await findUsableOneTimeToken(
    dataSource.manager,
    OneTimeTokenKind.PASSWORD_RESET,
    token,
    now,
    { person: true },
  );
  const person = found?.person;
  if (!found || !person || person.status !== PersonStatus.ACTIVE) {
    throw UserInputProblem.of(['token'], UserErrorCode.INVALID_TOKEN);
  }
  const weakness = weakPassword(['newPassword'], person, newPassword);
  if (weakness) throw weakness;
  const actor: AuditActor = { viewer: null, ip };
  return setPassword(dataSource, person, newPassword, null, actor, now, async (manager) => {
    // Claim the token inside the transaction: of two resets with one link, only one wins.
    await useOneTimeToken(manager, found, now);
    // The emailed link proves the owner: sign-in throttling lets them in from here. Not with
    // two-factor sign-in on: the link proves the mailbox, not the second factor, and must not
    // wipe the count of guessed codes.
    if (ip && !person.mfaEnabledAt) await recordProvenOwner(manager, person.email, ip, now);
  });
}

/** Operators change their own password the same way; their other sessions end too. */
export async function changeOperatorPassword(
  dataSource: DataSource,
  operator: OperatorEntity,
  currentPassword: string,
  newPassword: string,
  sessionId: string | null,
  now = new Date(),
): Promise<void> {
  if (!(await verifyPassword(operator.passwordHash, currentPassword))) {
    throw UserInputProblem.of(['currentPassword'], UserErrorCode.WRONG_PASSWORD);
  }
  const reason = newPasswordWeakness(newPassword, {
    email: operator.email,
    firstName: operator.name,
  });
  if (reason) throw weakPasswordProblem(['newPassword'], reason);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(dataSource, async (manager) => {
    await manager
      .getRepository(OperatorEntity)
      .update({ id: operator.id }, { passwordHash, updatedAt: now });
    await manager
      .getRepository(SessionEntity)
      .update(
        sessionId
          ? { operatorId: operator.id, revokedAt: IsNull(), id: Not(sessionId) }
          : { operatorId: operator.id, revokedAt: IsNull() },
        { revokedAt: now },
      );
  });
}
