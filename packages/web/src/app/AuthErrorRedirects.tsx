// Answers the auth errors Apollo Client's link reports (auth-redirects.ts carries them here). It
// comes with Apollo's chunk (apollo-runtime.tsx): only Apollo's requests report them, so the
// first page, which may not load Apollo at all, does not carry it.
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { ErrorCode } from '@entry/shared';
import { useEffect, useRef } from 'react';
import {
  matchRoutes,
  useLocation,
  useNavigate,
  type Location,
  type NavigateFunction,
  type RouteObject,
} from '../lib/router';
import type { AuthErrorCode } from './apollo';
import {
  CHOOSE_PASSWORD_PATH,
  SET_UP_TWO_FACTOR_PATH,
  SIGN_IN_PATH,
  signInPath,
  type AuthErrorEvents,
  type RouteHandle,
} from './auth-redirects';
import { ViewerQuery } from './operations';

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
 * temporary password goes to choose one, one held to two-factor sign-in to set it up (the
 * company turned the requirement on meanwhile); a page that needs a session that is gone (expired,
 * signed out elsewhere) goes to sign in and comes back afterwards. Public pages stay put.
 */
export function handleAuthError(
  { routes, location, navigate, client }: AuthRedirectContext,
  code: AuthErrorCode,
) {
  const { pathname, search } = location;
  const blockedAt =
    code === ErrorCode.PASSWORD_CHANGE_REQUIRED
      ? CHOOSE_PASSWORD_PATH
      : code === ErrorCode.MFA_ENROLLMENT_REQUIRED
        ? SET_UP_TWO_FACTOR_PATH
        : null;
  if (blockedAt) {
    if (pathname !== blockedAt) void navigate(blockedAt, { replace: true });
    // The layout reads mustChangePassword and mustEnrollMfa from `me`: not a stale answer.
    void client.refetchQueries({ include: [ViewerQuery] });
    return;
  }
  void client.refetchQueries({ include: [ViewerQuery] });
  if (pageNeedsSignIn(routes, location) && pathname !== SIGN_IN_PATH) {
    void navigate(signInPath(`${pathname}${search}`), { replace: true });
  }
}

interface AuthErrorRedirectsProps {
  events: AuthErrorEvents;
  routes: RouteObject[];
}

/** Answers the auth errors the Apollo link reports, from inside the router and Apollo's provider. */
export function AuthErrorRedirects({ events, routes }: AuthErrorRedirectsProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  // An error is answered where the app is when it arrives, not where it was when it listened.
  const current = useRef({ location, navigate });
  useEffect(() => {
    current.current = { location, navigate };
  }, [location, navigate]);
  useEffect(
    () => events.listen((code) => handleAuthError({ routes, client, ...current.current }, code)),
    [events, routes, client],
  );
  return null;
}
