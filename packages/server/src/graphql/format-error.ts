import type { Request } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, type Locale } from '@entry/shared';
import {
  databaseAvailability,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '../database/availability';
import { requestLocale, type Context } from './context';
import type { Logger } from '../observability/logger';
import { errorMessage, inLocale, localizedErrorMessage, portalError } from './errors';

/** Codes whose messages were written for the client; anything else is a bug or an outage. */
const CLIENT_FACING = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.PASSWORD_CHANGE_REQUIRED,
  ErrorCode.MFA_ENROLLMENT_REQUIRED,
  ErrorCode.BILLING_SETUP_REQUIRED,
  ErrorCode.ACCOUNT_SUSPENDED,
  ErrorCode.API_KEY_SCOPE,
  ErrorCode.RATE_LIMITED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.PAYLOAD_TOO_LARGE,
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
    if (isRequestRefusedByApollo(error)) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (unwrapResolverError(error) instanceof InternalErrorBeforeContext) {
      return { ...generic(formatted, ErrorCode.INTERNAL_SERVER_ERROR), message: formatted.message };
    }
    // A resolver that lost the database (or found its pool saturated): logged by the plugin
    // below, not a bug.
    if (isDatabaseUnavailable(error)) return generic(formatted, ErrorCode.SERVICE_UNAVAILABLE);
    logger.error('unexpected GraphQL error', {
      path: formatted.path,
      error: unwrapResolverError(error),
    });
    return generic(formatted, ErrorCode.INTERNAL_SERVER_ERROR);
  };
}

/**
 * A few of Apollo's refusals of a malformed request come without a code but with HTTP 400: a
 * persisted-query hash that does not match its query, an unknown persisted-query version. Their
 * messages are Apollo's own words about the request, so they pass as BAD_REQUEST (without a code
 * they would read as an internal error, which they are not).
 */
function isRequestRefusedByApollo(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** What the client gets instead of the error's own message, stack and extensions. */
function generic(
  formatted: GraphQLFormattedError,
  code: typeof ErrorCode.INTERNAL_SERVER_ERROR | typeof ErrorCode.SERVICE_UNAVAILABLE,
): GraphQLFormattedError {
  return {
    // localized by the plugin below, which knows the viewer's language
    message: errorMessage(code, 'en'),
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code },
  };
}

/**
 * INTERNAL_SERVER_ERROR for a failure before the request has a context, already in the
 * requester's language (the plugin that localizes never runs then). Logged where it is thrown.
 */
class InternalErrorBeforeContext extends GraphQLError {
  constructor(locale: Locale) {
    super(errorMessage(ErrorCode.INTERNAL_SERVER_ERROR, locale), {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  }
}

/** SERVICE_UNAVAILABLE, which Apollo answers with HTTP 503 and Retry-After. */
export function serviceUnavailable(): GraphQLError {
  return portalError(ErrorCode.SERVICE_UNAVAILABLE, {
    http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER_SECONDS]]) },
  });
}

/**
 * Runs `work` (building a request's context: the session lookup is its first query) unless the
 * database is known to be down, and turns a lost database into SERVICE_UNAVAILABLE (anything else
 * into INTERNAL_SERVER_ERROR). While it is down, GraphQL and REST requests are refused at once
 * instead of each waiting on a connect timeout. The viewer is not known yet: the message follows
 * Accept-Language.
 */
export async function whileDatabaseUp<T>(
  deps: { readonly dataSource: DataSource; readonly logger: Logger },
  req: Request,
  work: () => Promise<T>,
): Promise<T> {
  const availability = databaseAvailability(deps.dataSource);
  // the edge of a request without a context: its refusals are worded here
  const locale = () => requestLocale(req, null);
  if (availability.down) throw inLocale(serviceUnavailable(), locale());
  try {
    return await work();
  } catch (error) {
    if (availability.report(error, deps.logger)) throw inLocale(serviceUnavailable(), locale());
    // a refusal written for the client (an API key over its rate limit) in the request's language
    if (error instanceof GraphQLError) throw inLocale(error, locale());
    deps.logger.error('request context failed', { path: req.originalUrl, error });
    throw new InternalErrorBeforeContext(locale());
  }
}

/**
 * The HTTP side of error answers (formatError sees neither the request nor the response):
 * a resolver that lost the database makes the whole answer a 503 with Retry-After (and counts as
 * the database going down, see databaseAvailability), and the generic messages are put into the
 * viewer's language, and Apollo's refusals of a malformed query get a sentence in it before
 * graphql-js's own words.
 */
export function errorAnswersPlugin(
  dataSource: DataSource,
  logger: Logger,
): ApolloServerPlugin<Context> {
  const availability = databaseAvailability(dataSource);
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((error) => availability.report(error, logger))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            message: localizedErrorMessage(error, contextValue.locale),
          }));
        },
      };
    },
  };
}
