import { ErrorCode, levelGrants, Permission } from '@entry/shared';
import { CompanyStatus } from '../companies/company.entity';
import type { Context } from './context';
import { forbidden, portalError, unauthenticated } from './errors';

/**
 * The operations a person holding a temporary password may still use: the way out of it.
 * (`me` and `signOut` are @public and need no exemption.) Keep this list this short.
 */
const ALLOWED_DURING_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['Mutation.changePassword']);

/** The way to the invoices of a suspended company (its payment fields are PAYMENTS anyway). */
const ALLOWED_WHEN_SUSPENDED: ReadonlySet<string> = new Set(['Query.company']);

/**
 * The one permission check, called for every field that carries `@auth`. Throws the GraphQL error
 * the contract names: UNAUTHENTICATED, FORBIDDEN, or FORBIDDEN with a more precise code.
 */
export function assertPermission(
  context: Context,
  permission: Permission,
  operation: string,
): void {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();

  if (viewer.kind === 'operator') {
    if (permission === Permission.OPERATOR || permission === Permission.AUTHENTICATED) return;
    throw forbidden();
  }

  if (permission === Permission.OPERATOR) throw forbidden();
  // A person of a company still waiting for approval (or rejected) holds no rights. A suspended
  // company (unpaid past its grace period) keeps only what it needs to pay.
  const suspendedButPaying =
    viewer.company.status === CompanyStatus.SUSPENDED &&
    (permission === Permission.PAYMENTS || ALLOWED_WHEN_SUSPENDED.has(operation));
  if (viewer.company.status !== CompanyStatus.APPROVED && !suspendedButPaying) throw forbidden();
  if (viewer.person.mustChangePassword && !ALLOWED_DURING_PASSWORD_CHANGE.has(operation)) {
    throw portalError(ErrorCode.PASSWORD_CHANGE_REQUIRED);
  }
  if (!levelGrants(viewer.person.accessLevel, permission)) throw forbidden();
}
