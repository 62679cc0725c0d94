import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  UserErrorCode,
  userErrorMessage,
  type ApiScope,
  type Locale,
  type Permission,
} from '@entry/shared';
import { databaseAvailability, RETRY_AFTER_SECONDS } from '../database/availability';
import { assertPermission } from '../auth/authorization';
import { buildContext, requestLocale, type Context, type ContextDeps } from '../graphql/context';
import { errorMessage, localizedErrorMessage } from '../graphql/errors';
import { whileDatabaseUp } from '../graphql/format-error';
import type { Logger } from '../observability/logger';

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_ENROLLMENT_REQUIRED: 403,
  BILLING_SETUP_REQUIRED: 403,
  ACCOUNT_SUSPENDED: 403,
  API_KEY_SCOPE: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The REST endpoints (CSV downloads and uploads) authorize exactly like GraphQL fields: the same
 * session lookup (cookie or bearer, auth/session-viewer.ts) and the same `assertPermission`, with
 * no exemptions (a route is never a way out of a blocked state). `_route` names the route at its
 * declaration, as the schema names a field; `scopes` are the API key scopes that reach it (none:
 * keys may not use it), as `@auth(scopes:)` says of a field. The request's Context is left in
 * `res.locals.context` for the handler.
 */
export function requirePermission(
  deps: ContextDeps,
  permission: Permission,
  _route: string,
  scopes: readonly ApiScope[] = [],
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    let context: Context | null = null;
    try {
      context = await whileDatabaseUp(deps, req, () => buildContext(deps, req, res));
      assertPermission(context, { permission, allow: [], scopes });
      res.locals['context'] = context;
      next();
    } catch (error) {
      if (error instanceof GraphQLError) {
        refuse(res, error, context?.locale ?? requestLocale(req, null));
        return;
      }
      next(error);
    }
  };
}

/**
 * The REST routes' answer to a refusal (thrown as a code, see portalError): its HTTP status and
 * `{ error: { code, message } }` with the message in the request's language, worded as GraphQL
 * words it.
 */
export function refuse(res: Response, error: GraphQLError, locale: Locale): void {
  const code = String(error.extensions['code']);
  if (code === ErrorCode.SERVICE_UNAVAILABLE) res.set('Retry-After', RETRY_AFTER_SECONDS);
  const retryAfter = error.extensions['retryAfter'];
  if (code === ErrorCode.RATE_LIMITED && typeof retryAfter === 'number')
    res.set('Retry-After', String(retryAfter));
  res
    .status(STATUS_OF_CODE[code] ?? 400)
    .json({ error: { code, message: localizedErrorMessage(error, locale) } });
}

/** 404 `{ error: { code: NOT_FOUND, message } }`, in the words for the thing not found. */
export function answerNotFound(res: Response, field: string, locale: Locale): void {
  const message = userErrorMessage({ field: [field], code: UserErrorCode.NOT_FOUND }, locale);
  res.status(404).json({ error: { code: UserErrorCode.NOT_FOUND, message } });
}

export function restContext(res: Response): Context {
  const context = res.locals['context'] as Context | undefined;
  if (!context) throw new Error('restContext used on a route without requirePermission');
  return context;
}

/** What Express's body parsers attach to the errors they raise (bad JSON, too large, …). */
function clientErrorStatus(error: unknown): number | null {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true
    ? status
    : null;
}

/**
 * The last error handler, for whatever a route passed on with next(error): an unreadable body
 * keeps its 4xx, a lost database is a 503 with Retry-After, anything else is logged and answered
 * as a generic 500. Always JSON, in the requester's language, never Express's own HTML page (it
 * shows the stack unless the process runs with NODE_ENV=production). Under /graphql the body has
 * GraphQL's shape (`errors`), elsewhere the REST endpoints' shape (`error`).
 */
export function apiErrorHandler(dataSource: DataSource, logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // the answer has started (a streamed CSV): Express can only cut the connection
    if (res.headersSent) return next(error);
    // no context here (nor its viewer): the language the request asks for
    const locale = requestLocale(req, null);
    const clientStatus = clientErrorStatus(error);
    let status: number;
    let code: string;
    let message: string;
    if (clientStatus !== null) {
      status = clientStatus;
      code = 'BAD_REQUEST';
      message = errorMessage(ErrorCode.BAD_USER_INPUT, locale);
    } else if (databaseAvailability(dataSource).report(error, logger)) {
      status = 503;
      code = ErrorCode.SERVICE_UNAVAILABLE;
      message = errorMessage(ErrorCode.SERVICE_UNAVAILABLE, locale);
      res.set('Retry-After', RETRY_AFTER_SECONDS);
    } else {
      logger.error('unexpected error', { method: req.method, path: req.path, error });
      status = 500;
      code = ErrorCode.INTERNAL_SERVER_ERROR;
      message = errorMessage(ErrorCode.INTERNAL_SERVER_ERROR, locale);
    }
    const graphql = req.originalUrl.startsWith('/graphql');
    res
      .status(status)
      .json(
        graphql ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } },
      );
  };
}
