import type { GraphQLResponse } from '../portal';
import { PERSONAS, type Persona } from '../support/world';

/** What a call came to: success, a null answer, a refusal by code, or a payload user error. */
export type Outcome =
  | 'OK'
  | 'NULL'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'BILLING_SETUP_REQUIRED'
  | `USER_ERROR:${string}`;

export type Expectations = Readonly<Record<Persona, Outcome>>;

export function classify(response: GraphQLResponse, field: string): Outcome {
  const code = response.errors?.[0]?.extensions?.['code'];
  if (code) return code as Outcome;
  const value = (response.data as Record<string, unknown> | null | undefined)?.[field];
  if (value === null || value === undefined) return 'NULL';
  const userErrors = (value as { userErrors?: Array<{ code: string }> }).userErrors;
  if (Array.isArray(userErrors) && userErrors.length > 0)
    return `USER_ERROR:${userErrors[0]!.code}`;
  return 'OK';
}

const every = (outcome: Outcome): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((persona) => [persona, outcome])) as Record<Persona, Outcome>;

/** @public: the same answer for everyone (a disabled person's token counts as no token). */
export const publicFor = (
  outcome: Outcome = 'OK',
  overrides: Partial<Record<Persona, Outcome>> = {},
): Expectations => ({ ...every(outcome), ...overrides });

/**
 * @auth(requires: AUTHENTICATED): any signed-in person of an approved company, or an operator.
 * A person of a pending company is refused; a disabled person's session no longer exists.
 */
export const authenticated = (
  outcome: Outcome = 'OK',
  overrides: Partial<Record<Persona, Outcome>> = {},
): Expectations => ({
  ...every(outcome),
  anonymous: 'UNAUTHENTICATED',
  disabledPerson: 'UNAUTHENTICATED',
  pendingCompanyPerson: 'FORBIDDEN',
  ...overrides,
});

/** @auth(requires: ALL_SITES): payment and system admins; `otherCompany` is company B's answer. */
export const allSites = (
  outcome: Outcome = 'OK',
  otherCompany: Outcome = outcome,
): Expectations => ({
  anonymous: 'UNAUTHENTICATED',
  operator: 'FORBIDDEN',
  paymentAdmin: outcome,
  systemAdmin: outcome,
  siteAdminAssigned: 'FORBIDDEN',
  siteAdminOfOtherSite: 'FORBIDDEN',
  otherCompanyPaymentAdmin: otherCompany,
  pendingCompanyPerson: 'FORBIDDEN',
  disabledPerson: 'UNAUTHENTICATED',
});

/** @auth(requires: PAYMENTS): payment admins only. */
export const payments = (
  outcome: Outcome = 'OK',
  otherCompany: Outcome = outcome,
): Expectations => ({
  ...allSites(outcome, otherCompany),
  systemAdmin: 'FORBIDDEN',
});

/** @auth(requires: OPERATOR): the vendor's operators only. */
export const operatorOnly = (outcome: Outcome = 'OK'): Expectations => ({
  ...every('FORBIDDEN'),
  anonymous: 'UNAUTHENTICATED',
  disabledPerson: 'UNAUTHENTICATED',
  operator: outcome,
});
