import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { resolveLocale, type Locale } from '@entry/shared';
import { apiKeyRateLimiter, limitApiKeyRequest } from '../api-keys/api-key-rate-limit';
import { resolveViewer } from '../auth/session-viewer';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config/config';
import type { PaymentProvider } from '../billing/payments/payment-provider';
import type { Logger } from '../observability/logger';
import type { SecretBox } from '../secrets/secret-box';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: who is asking, in which language, and per-request loaders. */
export interface Context {
  readonly viewer: Viewer | null;
  readonly sessionId: string | null;
  readonly locale: Locale;
  readonly dataSource: DataSource;
  readonly loaders: Loaders;
  readonly config: Config;
  readonly payments: PaymentProvider;
  readonly logger: Logger;
  /** seals and opens secrets kept at rest (two-factor secrets) with the secrets key */
  readonly secrets: SecretBox;
  readonly req: Request;
  readonly res: Response;
}

/** What a request's context is built from: the process-wide services. */
export interface ContextDeps {
  readonly dataSource: DataSource;
  readonly config: Config;
  readonly payments: PaymentProvider;
  readonly logger: Logger;
  readonly secrets: SecretBox;
}

/**
 * The language of a request's answers, GraphQL and REST alike: the person's own language wins;
 * anonymous callers (and operators) get what their browser or app asks for.
 */
export function requestLocale(req: Request, viewer: Viewer | null): Locale {
  return viewer?.kind === 'person'
    ? resolveLocale(viewer.person.locale)
    : resolveLocale(req.acceptsLanguages()[0]);
}

export async function buildContext(
  deps: ContextDeps,
  req: Request,
  res: Response,
): Promise<Context> {
  const { viewer, sessionId } = await resolveViewer(deps.dataSource, deps.config, req);
  if (viewer?.kind === 'apiKey') {
    const limiter = apiKeyRateLimiter(
      deps.dataSource,
      deps.config.rateLimits.apiKeyRequestsPerMinute,
    );
    await limitApiKeyRequest(limiter, viewer.key.id, res);
  }
  const locale = requestLocale(req, viewer);
  return {
    viewer,
    sessionId,
    locale,
    dataSource: deps.dataSource,
    loaders: createLoaders(deps.dataSource),
    config: deps.config,
    payments: deps.payments,
    logger: deps.logger,
    secrets: deps.secrets,
    req,
    res,
  };
}
