import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Permission } from '@entry/shared';
import { assertPermission } from '../graphql/authorization';
import { buildContext, type Context, type ContextDeps } from '../graphql/context';

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  BILLING_SETUP_REQUIRED: 403,
};

/**
 * The REST endpoints (CSV downloads and uploads) authorize exactly like GraphQL fields: the same
 * session lookup (cookie or bearer) and the same `assertPermission`. The request's Context is
 * left in `res.locals.context` for the handler.
 */
export function requirePermission(
  deps: ContextDeps,
  permission: Permission,
  operation: string,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = await buildContext(deps, req, res);
      assertPermission(context, permission, operation);
      res.locals['context'] = context;
      next();
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = String(error.extensions['code']);
        res.status(STATUS_OF_CODE[code] ?? 400).json({ error: { code, message: error.message } });
        return;
      }
      next(error);
    }
  };
}

export function restContext(res: Response): Context {
  const context = res.locals['context'] as Context | undefined;
  if (!context) throw new Error('restContext used on a route without requirePermission');
  return context;
}
