import type { EntityManager } from 'typeorm';
import { accountEntity, accountMailee, type Account } from '../accounts/account';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { enqueueMail, mailLinks } from '../mail';

/** A change to how an account signs in: each is in the audit log and emailed to the account. */
export type TwoFactorEvent =
  | { readonly kind: 'mfa_enabled' }
  | { readonly kind: 'mfa_disabled' }
  | { readonly kind: 'recovery_codes_regenerated' }
  | { readonly kind: 'recovery_code_used'; readonly remaining: number };

const TEMPLATES = {
  mfa_enabled: 'two-factor-enabled',
  mfa_disabled: 'two-factor-disabled',
  recovery_codes_regenerated: 'recovery-codes-regenerated',
  recovery_code_used: 'recovery-code-used',
} as const;

/**
 * Records the change (audit kind `person.mfa_enabled`, `operator.recovery_code_used`, …) and
 * emails the account about it in its language, both in the caller's transaction: no change
 * without its record and its email.
 */
export async function recordTwoFactorEvent(
  manager: EntityManager,
  publicUrl: string,
  account: Account,
  event: TwoFactorEvent,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const entity = accountEntity(account);
  const remaining = event.kind === 'recovery_code_used' ? { remaining: event.remaining } : null;
  await recordAudit(
    manager,
    actor,
    {
      companyId: account.kind === 'person' ? account.person.companyId : null,
      kind: `${account.kind}.${event.kind}`,
      subjectType: account.kind,
      subjectId: entity.id,
      after: remaining,
    },
    now,
  );
  const { to, firstName, locale } = accountMailee(account);
  const data = {
    firstName,
    occurredAtIso: now.toISOString(),
    ip: actor.ip,
    securityUrl: mailLinks(publicUrl).profile,
  };
  await enqueueMail(
    manager,
    event.kind === 'recovery_code_used'
      ? {
          template: TEMPLATES[event.kind],
          to,
          locale,
          data: { ...data, remaining: event.remaining },
        }
      : { template: TEMPLATES[event.kind], to, locale, data },
    now,
  );
}
