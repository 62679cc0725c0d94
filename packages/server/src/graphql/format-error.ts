import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@entry/shared';
import type { Context } from './context';
import type { Logger } from '../observability/logger';
import { errorMessage } from './errors';

/** Codes whose messages were written for the client; anything else is a bug or an outage. */
const CLIENT_FACING = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.PASSWORD_CHANGE_REQUIRED,
  ErrorCode.BILLING_SETUP_REQUIRED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.SERVICE_UNAVAILABLE,
  // Apollo's own request errors: parse and validation failures, bad variables
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Every error leaves the server through here. Known codes pass with their message; anything
 * unexpected is logged in full and answered with a generic INTERNAL_SERVER_ERROR, so no stack
 * trace, SQL or file path ever reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code =
      typeof formatted.extensions?.['code'] === 'string' ? formatted.extensions['code'] : undefined;
    if (code && CLIENT_FACING.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error('unexpected GraphQL error', {
      path: formatted.path,
      error: unwrapResolverError(error),
    });
    return {
      // localized later by the plugin below, which knows the viewer's language
      message: errorMessage(ErrorCode.INTERNAL_SERVER_ERROR, 'en'),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Puts the generic internal-error message into the viewer's language (formatError has no context). */
export const localizeInternalErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const message = errorMessage(ErrorCode.INTERNAL_SERVER_ERROR, contextValue.locale);
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
          error.extensions?.['code'] === ErrorCode.INTERNAL_SERVER_ERROR
            ? { ...error, message }
            : error,
        );
      },
    };
  },
};
