import type { ApolloClient } from '@apollo/client';
import { ErrorCode } from '@entry/shared';
import type { DataRouter } from 'react-router';
import type { AuthErrorCode } from './apollo';
import { ViewerQuery } from './operations';

export const SIGN_IN_PATH = '/sign-in';
export const CHOOSE_PASSWORD_PATH = '/choose-password';

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

function currentPageNeedsSignIn(router: DataRouter): boolean {
  return router.state.matches.some(
    (match) => (match.route.handle as RouteHandle | undefined)?.signIn === 'required',
  );
}

/**
 * What the app does when the server refuses a request as a whole: a person still on a
 * temporary password goes to choose one; a page that needs a session that is gone (expired,
 * signed out elsewhere) goes to sign in and comes back afterwards. Public pages stay put.
 */
export function handleAuthError(router: DataRouter, client: ApolloClient, code: AuthErrorCode) {
  const { pathname, search } = router.state.location;
  if (code === ErrorCode.PASSWORD_CHANGE_REQUIRED) {
    if (pathname !== CHOOSE_PASSWORD_PATH)
      void router.navigate(CHOOSE_PASSWORD_PATH, { replace: true });
    // The layout reads mustChangePassword from `me`: make sure it is not a stale answer.
    void client.refetchQueries({ include: [ViewerQuery] });
    return;
  }
  void client.refetchQueries({ include: [ViewerQuery] });
  if (currentPageNeedsSignIn(router) && pathname !== SIGN_IN_PATH) {
    void router.navigate(signInPath(`${pathname}${search}`), { replace: true });
  }
}
