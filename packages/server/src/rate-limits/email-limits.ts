import type { DataSource } from 'typeorm';
import { normalizeEmail } from '@entry/shared';
import type { Config } from '../config/config';
import { hitRateLimits, type RateLimitRule, type RateLimitVerdict } from './rate-limiter';
import { ipLimitSubject } from './ip-subject';
import { throttledProblem } from './throttled';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The public operations that email an address someone typed. Without a limit each is a relay:
 * a stranger makes the portal send its mail to any address, as often as they like.
 */
export type EmailSendingOperation =
  'registration' | 'passwordReset' | 'invitation' | 'siteTransfer';

interface OperationRules {
  /** per client IP: one source cannot send in bulk */
  readonly perIp: RateLimitRule;
  /** per target address, from every IP together: no address is flooded by many sources */
  readonly perAddress: RateLimitRule;
}

/**
 * Per hour. Registration per IP is REGISTRATION_LIMIT_PER_HOUR (an office behind one address may
 * register a few companies); an address gets few registration emails, as a real registrant
 * needs one. Password resets also stay under the per-person limit of password.service.ts.
 * Invitations (invitePerson and resendInvitation) come from signed-in people, who may invite a
 * team at once, but one address still gets only a few. Site transfers email an address the
 * sender typed, with the sender's note; an installer handing a manager a batch of buildings sends
 * one address many at once, and each needs a site of the sender's (one pending per site).
 */
export function emailSendingRules(
  config: Pick<Config, 'rateLimits'>,
): Readonly<Record<EmailSendingOperation, OperationRules>> {
  const hourly = (name: string, limit: number): RateLimitRule => ({
    name,
    limit,
    windowMs: HOUR_MS,
  });
  return {
    registration: {
      perIp: hourly('registration:ip', config.rateLimits.registrationsPerIpPerHour),
      perAddress: hourly('registration:address', 3),
    },
    passwordReset: {
      perIp: hourly('password-reset:ip', 20),
      perAddress: hourly('password-reset:address', 5),
    },
    invitation: {
      perIp: hourly('invitation:ip', 50),
      perAddress: hourly('invitation:address', 5),
    },
    siteTransfer: {
      perIp: hourly('site-transfer:ip', 60),
      perAddress: hourly('site-transfer:address', 20),
    },
  };
}

/** Counts one email-sending request from `ip` to `address` against the operation's limits. */
export function hitEmailSendingLimits(
  dataSource: DataSource,
  config: Pick<Config, 'rateLimits'>,
  operation: EmailSendingOperation,
  request: { readonly ip: string; readonly address: string },
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  const rules = emailSendingRules(config)[operation];
  return hitRateLimits(
    dataSource,
    [
      { rule: rules.perIp, subject: ipLimitSubject(request.ip) },
      { rule: rules.perAddress, subject: normalizeEmail(request.address) },
    ],
    now,
  );
}

/**
 * Counts the request and refuses it with THROTTLED when over a limit: for the operations whose
 * answer may say so (registration, invitations).
 */
export async function assertWithinEmailSendingLimits(
  dataSource: DataSource,
  config: Pick<Config, 'rateLimits'>,
  operation: EmailSendingOperation,
  request: { readonly ip: string; readonly address: string },
  field: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const verdict = await hitEmailSendingLimits(dataSource, config, operation, request, now);
  if (!verdict.allowed) throw throttledProblem(field, verdict.retryAfterMs);
}
