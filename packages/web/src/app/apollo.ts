import { ApolloClient, ApolloLink, CombinedGraphQLErrors, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { BaseHttpLink } from '@apollo/client/link/http';
import { ErrorCode, type Locale } from '@entry/shared';
import { API_ENDPOINT } from './api-endpoint';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // An access level has no id; its code is stable and unique. Its localized fields are
      // cached per `locale` argument, so switching back to a language needs no request.
      AccessLevel: { keyFields: ['code'] },
    },
  });
}

/** The request-level refusals the app answers by moving the person somewhere else. */
export type AuthErrorCode =
  | typeof ErrorCode.UNAUTHENTICATED
  | typeof ErrorCode.PASSWORD_CHANGE_REQUIRED
  | typeof ErrorCode.MFA_ENROLLMENT_REQUIRED;

const AUTH_ERROR_CODES: ReadonlySet<string> = new Set<AuthErrorCode>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.PASSWORD_CHANGE_REQUIRED,
  ErrorCode.MFA_ENROLLMENT_REQUIRED,
]);

/**
 * Reports UNAUTHENTICATED (session gone), PASSWORD_CHANGE_REQUIRED (temporary password still in
 * use) and MFA_ENROLLMENT_REQUIRED (two-factor sign-in required, not set up yet) from any
 * operation, once per response; the operation's own error handling still runs.
 */
export function authErrorLink(onAuthError: (code: AuthErrorCode) => void): ApolloLink {
  return new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const code = error.errors
      .map((graphQLError) => graphQLError.extensions?.['code'])
      .find(
        (value): value is AuthErrorCode => typeof value === 'string' && AUTH_ERROR_CODES.has(value),
      );
    if (code) onAuthError(code);
  });
}

/**
 * Asks the server to answer in the interface's language: anonymous visitors get userErrors and
 * emails in the language they are reading (the server otherwise follows the browser's
 * Accept-Language, which may differ from the language picked in the header).
 */
export function localeLink(getLocale: () => Locale): ApolloLink {
  return new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'accept-language': getLocale() },
    }));
    return forward(operation);
  });
}

export interface ApolloOptions {
  getLocale: () => Locale;
  onAuthError: (code: AuthErrorCode) => void;
}

export function createApolloClient({ getLocale, onAuthError }: ApolloOptions): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      authErrorLink(onAuthError),
      localeLink(getLocale),
      // HttpLink without the client-awareness link: that one only adds Apollo's client name
      // and version to each request, which this server does not read (~0.3 kB gzipped).
      new BaseHttpLink({ ...API_ENDPOINT, headers: { ...API_ENDPOINT.headers } }),
    ]),
    cache: createCache(),
  });
}
