import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, type RouteObject } from '../lib/router';
import { handleAuthError, type AuthErrorEvents } from './auth-redirects';
import { useApolloLoader } from './lazy-apollo';

interface AuthErrorRedirectsProps {
  events: AuthErrorEvents;
  routes: RouteObject[];
}

/** Answers the auth errors the Apollo link reports (auth-redirects.ts), from inside the router. */
export function AuthErrorRedirects({ events, routes }: AuthErrorRedirectsProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const apollo = useApolloLoader();
  // An error is answered where the app is when it arrives, not where it was when it listened.
  const current = useRef({ location, navigate });
  useEffect(() => {
    current.current = { location, navigate };
  }, [location, navigate]);
  useEffect(
    () =>
      events.listen((code) => {
        // Only Apollo Client's requests report auth errors: it is there when one arrives.
        const client = apollo.current?.client;
        if (client) handleAuthError({ routes, client, ...current.current }, code);
      }),
    [events, routes, apollo],
  );
  return null;
}
