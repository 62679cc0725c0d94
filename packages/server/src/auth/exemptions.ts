import type { ApiScope, Permission } from '@entry/shared';

/**
 * The operations a refusal does not apply to, declared where the operation is declared:
 * `@Auth(Permission.AUTHENTICATED, { allow: [Exemption.DURING_PASSWORD_CHANGE] })` prints
 * `@auth(requires: AUTHENTICATED, allow: [DURING_PASSWORD_CHANGE])` in the schema, and the one
 * permission check (authorization.ts) reads it back from there. A new state that locks people
 * out adds a value here, a refusal in authorization.ts, and the `allow` on the few operations
 * that are the way out of it. Keep each list of exempt operations this short: every exemption is
 * a hole in a refusal.
 */
export const Exemption = {
  /** usable while the person holds a temporary password: the way out of it */
  DURING_PASSWORD_CHANGE: 'DURING_PASSWORD_CHANGE',
  /**
   * usable while two-factor sign-in is required of the account and not set up yet
   * (MFA_ENROLLMENT_REQUIRED): the way to set it up
   */
  DURING_MFA_ENROLLMENT: 'DURING_MFA_ENROLLMENT',
} as const;
export type Exemption = (typeof Exemption)[keyof typeof Exemption];

/**
 * For a field under a parent that is guarded already, whose `@auth` is there for the API key
 * scopes that reach it (a link from one scope's objects to another's: Person.sites,
 * Site.entryUsers, InvoiceLine.site): people keep exactly what the parent gave them, in every
 * state, and keys need the named scope.
 */
export const NESTED_UNDER_GUARD: readonly Exemption[] = [
  Exemption.DURING_PASSWORD_CHANGE,
  Exemption.DURING_MFA_ENROLLMENT,
];

/**
 * What the SDL says about one operation: the permission it requires of people, what it is exempt
 * from, and the API key scopes that reach it (none: keys may not use it).
 */
export interface AuthRequirement {
  readonly permission: Permission;
  readonly allow: readonly Exemption[];
  readonly scopes?: readonly ApiScope[];
}
