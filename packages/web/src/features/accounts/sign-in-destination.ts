import { blockedStatePath, safeNext } from '../../app/auth-redirects';

export interface SignedInAs {
  person: { mustChangePassword: boolean; mustEnrollMfa?: boolean } | null;
  operator: { id: string; mustEnrollMfa?: boolean } | null;
}

/**
 * Where a successful sign-in leads: a temporary password must be replaced first, and two-factor
 * sign-in set up where it is required; otherwise back to the page that sent the person here, or
 * to their start page (home, or the operator console).
 */
export function destinationAfterSignIn(signedIn: SignedInAs, next: string | null): string {
  const blockedAt = blockedStatePath(signedIn.person ?? signedIn.operator);
  if (blockedAt) return blockedAt;
  const back = safeNext(next);
  if (signedIn.operator) return back ?? '/operator';
  return back ?? '/';
}
