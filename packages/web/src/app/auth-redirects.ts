import type { AuthErrorCode } from './apollo';

export const SIGN_IN_PATH = '/sign-in';
export const CHOOSE_PASSWORD_PATH = '/choose-password';
/** Where someone goes whom the company (or OPERATOR_REQUIRE_MFA) holds to two-factor set-up. */
export const SET_UP_TWO_FACTOR_PATH = '/set-up-two-factor';

/**
 * The one page a signed-in account may use while it is in a blocked state: a temporary password
 * first (the server's order too), then two-factor sign-in required and not set up. Null: none.
 */
export function blockedStatePath(
  account: { mustChangePassword?: boolean; mustEnrollMfa?: boolean } | null | undefined,
): string | null {
  if (account?.mustChangePassword) return CHOOSE_PASSWORD_PATH;
  if (account?.mustEnrollMfa) return SET_UP_TWO_FACTOR_PATH;
  return null;
}

/** Set on a route (`handle`) whose page is only for people who signed in. */
export interface RouteHandle {
  signIn?: 'required';
}

/**
 * Only paths of this app are followed after signing in: `next=//evil.example` or
 * `next=https://…` would turn the sign-in page into an open redirect.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return null;
  return next;
}

/** /sign-in, remembering where to come back to. */
export function signInPath(next?: string | null): string {
  const back = safeNext(next);
  return back && back !== '/' ? `${SIGN_IN_PATH}?next=${encodeURIComponent(back)}` : SIGN_IN_PATH;
}

type AuthErrorListener = (code: AuthErrorCode) => void;

/**
 * Carries auth errors from the Apollo link (created before React renders) to the component
 * inside the router that answers them. An error reported before that component listens is
 * kept and handed over when it does.
 */
export class AuthErrorEvents {
  private listener: AuthErrorListener | null = null;
  private pending: AuthErrorCode | null = null;

  report = (code: AuthErrorCode): void => {
    if (this.listener) this.listener(code);
    else this.pending = code;
  };

  listen(listener: AuthErrorListener): () => void {
    this.listener = listener;
    if (this.pending) {
      const code = this.pending;
      this.pending = null;
      listener(code);
    }
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }
}
