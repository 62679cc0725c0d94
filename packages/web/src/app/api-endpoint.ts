/**
 * How the app reaches the API, for Apollo Client (apollo.ts) and for the plain request that asks
 * who is signed in before Apollo is loaded (viewer-bootstrap.ts). Kept apart from apollo.ts so
 * the first page does not load Apollo to read it.
 */
export const API_ENDPOINT = {
  uri: '/graphql',
  // The session is an HttpOnly cookie set by signIn, same origin as the app.
  credentials: 'same-origin',
  // The server runs CSRF prevention: this header forces a preflight on any cross-site request
  // that would otherwise be "simple".
  headers: { 'apollo-require-preflight': 'true' },
} as const;
