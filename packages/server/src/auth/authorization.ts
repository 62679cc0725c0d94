import { can, ErrorCode, Permission, scopesReach } from '@entry/shared';
import { isOperating, type CompanyEntity } from '../companies/company.entity';
import { forbidden, portalError, unauthenticated } from '../graphql/errors';
import { Exemption, type AuthRequirement } from './exemptions';
import { principalOf } from './principal';
import type { OperatorViewer, PersonViewer, Viewer } from './viewer';

/** Who is asking: all the one permission check needs of a request (refusals carry no language). */
export interface AccessRequest {
  readonly viewer: Viewer | null;
}

/**
 * The one permission check, for every GraphQL field that carries `@auth` and every REST route
 * (`requirePermission`). Throws the GraphQL error the contract names: UNAUTHENTICATED, FORBIDDEN,
 * or FORBIDDEN with a more precise code. What a level may do is the shared policy's `can`, what
 * a key may use is what its scopes reach (`scopesReach`); what the company's and the person's
 * state allow is decided here, with the operation's exemptions.
 */
export function assertPermission({ viewer }: AccessRequest, requirement: AuthRequirement): void {
  if (!viewer) throw unauthenticated();
  const { permission } = requirement;

  if (viewer.kind === 'apiKey') {
    // A key is limited exactly as its company's people are; then its scopes decide.
    if (!companyAllows(viewer.company)) throw forbidden();
    if (!scopesReach(viewer.key.scopes, requirement.scopes ?? []))
      throw portalError(ErrorCode.API_KEY_SCOPE);
    return;
  }
  if (viewer.kind === 'person' && !companyAllows(viewer.company)) throw forbidden();
  const blocked = blockedState(viewer, requirement);
  if (blocked) throw portalError(blocked);
  if (!can(principalOf(viewer), permission)) throw forbidden();
}

/**
 * The state the account must leave before anything else, unless the operation is its way out:
 * a temporary password first (changePassword), then two-factor sign-in that is required and not
 * set up (startTotpEnrollment, confirmTotpEnrollment). One state at a time, so the way out of the
 * first is never closed by the second. A person asking for an operator's operation has no state
 * to leave: it is simply not theirs (FORBIDDEN).
 */
function blockedState(
  viewer: PersonViewer | OperatorViewer,
  { permission, allow }: AuthRequirement,
): ErrorCode | null {
  if (viewer.kind === 'person' && permission === Permission.OPERATOR) return null;
  if (viewer.kind === 'person' && viewer.person.mustChangePassword)
    return allow.includes(Exemption.DURING_PASSWORD_CHANGE)
      ? null
      : ErrorCode.PASSWORD_CHANGE_REQUIRED;
  if (viewer.mustEnrollMfa && !allow.includes(Exemption.DURING_MFA_ENROLLMENT))
    return ErrorCode.MFA_ENROLLMENT_REQUIRED;
  return null;
}

/**
 * A company still waiting for approval (or rejected) holds no rights. A suspended company
 * (an invoice unpaid 14 days past due) keeps them all: suspension only stops growth, refused by
 * the operations that grow (billing-gate.ts assertMayGrow), so paying, managing what exists and
 * the residents' doors never stop.
 */
function companyAllows(company: CompanyEntity): boolean {
  return isOperating(company.status);
}
