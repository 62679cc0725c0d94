import { accountEntity, type Account, type AccountWithCompany } from '../accounts/account';

/** Two-factor sign-in is on for the account. */
export function mfaEnabled(account: Account): boolean {
  return Boolean(accountEntity(account).mfaEnabledAt);
}

/**
 * Two-factor sign-in is required of the account: of a person when a payment admin requires it
 * of their company (setCompanyMfaRequirement), of an operator when OPERATOR_REQUIRE_MFA is true.
 */
export function mfaRequired(account: AccountWithCompany, operatorRequireMfa: boolean): boolean {
  return account.kind === 'person' ? account.company.requireMfa : operatorRequireMfa;
}

/**
 * Required and not set up: the account may only set it up (the MFA_ENROLLMENT_REQUIRED state,
 * auth/authorization.ts), and Person.mustEnrollMfa says so.
 */
export function mustEnrollMfa(account: AccountWithCompany, operatorRequireMfa: boolean): boolean {
  return mfaRequired(account, operatorRequireMfa) && !mfaEnabled(account);
}
