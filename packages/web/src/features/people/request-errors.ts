import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * `extensions.code` of a request the server refused as a whole (FORBIDDEN,
 * BILLING_SETUP_REQUIRED, …); null for anything else (network, unexpected).
 */
export function requestRefusal(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const graphQLError of error.errors) {
    const code = graphQLError.extensions?.['code'];
    if (typeof code === 'string') return code;
  }
  return null;
}

/** The server's own words for the refusal, already in the viewer's language. */
export function forbiddenText(error: unknown): string {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.message ?? '') : '';
}
