import { CHOOSE_PASSWORD_PATH, safeNext } from '../../app/auth-redirects';

export interface SignedInAs {
  person: { mustChangePassword: boolean } | null;
  operator: { id: string } | null;
}

/**
 * Where a successful sign-in leads: a temporary password must be replaced first; otherwise back
 * to the page that sent the person here, or to their start page (home, or the operator console).
 */
export function destinationAfterSignIn(signedIn: SignedInAs, next: string | null): string {
  if (signedIn.person?.mustChangePassword) return CHOOSE_PASSWORD_PATH;
  const back = safeNext(next);
  if (signedIn.operator) return back ?? '/operator';
  return back ?? '/';
}
