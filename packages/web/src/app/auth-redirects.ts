import type { ApolloClient } from '@apollo/client';
import { ErrorCode } from '@entry/shared';
import { matchRoutes, type Location, type NavigateFunction, type RouteObject } from '../lib/router';
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

function pageNeedsSignIn(routes: RouteObject[], location: Location): boolean {
  return (matchRoutes(routes, location) ?? []).some(
    (match) => (match.route.handle as RouteHandle | undefined)?.signIn === 'required',
  );
}

/** Where the app is and how it moves: what answering an auth error needs of the router. */
export interface AuthRedirectContext {
  routes: RouteObject[];
  location: Location;
  navigate: NavigateFunction;
  client: ApolloClient;
}

/**
 * What the app does when the server refuses a request as a whole: a person still on a
 * temporary password goes to choose one; a page that needs a session that is gone (expired,
 * signed out elsewhere) goes to sign in and comes back afterwards. Public pages stay put.
 */
export function handleAuthError(
  { routes, location, navigate, client }: AuthRedirectContext,
  code: AuthErrorCode,
) {
  const { pathname, search } = location;
  if (code === ErrorCode.PASSWORD_CHANGE_REQUIRED) {
    if (pathname !== CHOOSE_PASSWORD_PATH) void navigate(CHOOSE_PASSWORD_PATH, { replace: true });
    // The layout reads mustChangePassword from `me`: make sure it is not a stale answer.
    void client.refetchQueries({ include: [ViewerQuery] });
    return;
  }
  void client.refetchQueries({ include: [ViewerQuery] });
  if (pageNeedsSignIn(routes, location) && pathname !== SIGN_IN_PATH) {
    void navigate(signInPath(`${pathname}${search}`), { replace: true });
  }
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
