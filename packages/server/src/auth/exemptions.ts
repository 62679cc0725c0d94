import type { Permission } from '@entry/shared';

/**
 * The operations a refusal does not apply to, declared where the operation is declared:
 * `@Auth(Permission.AUTHENTICATED, { allow: [Exemption.DURING_PASSWORD_CHANGE] })` prints
 * `@auth(requires: AUTHENTICATED, allow: [DURING_PASSWORD_CHANGE])` in the schema, and the one
 * permission check (authorization.ts) reads it back from there. A new state that locks people
 * out (e.g. MFA_ENROLLMENT_REQUIRED) adds a value here, a refusal in authorization.ts, and the
 * `allow` on the few operations that are the way out of it. Keep each list of exempt operations
 * this short: every exemption is a hole in a refusal.
 */
export const Exemption = {
  /** usable while the person holds a temporary password: the way out of it */
  DURING_PASSWORD_CHANGE: 'DURING_PASSWORD_CHANGE',
  /** usable while the company is suspended (unpaid): the way to its invoices */
  WHEN_SUSPENDED: 'WHEN_SUSPENDED',
} as const;
export type Exemption = (typeof Exemption)[keyof typeof Exemption];

/** What the SDL says about one operation: the permission it requires and what it is exempt from. */
export interface AuthRequirement {
  readonly permission: Permission;
  readonly allow: readonly Exemption[];
}
