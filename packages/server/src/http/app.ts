import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import { VIEWER_BOOTSTRAP_QUERY } from '@entry/shared';
import type { Config } from '../config/config';
import type { PaymentProvider } from '../billing/payments/payment-provider';
import { buildContext, type Context } from '../graphql/context';
import { queryLimitsPlugin } from '../graphql/limits';
import { refuseBatchesAndCrossSiteRequests } from '../graphql/request-refusals';
import { createErrorFormatter, errorAnswersPlugin, whileDatabaseUp } from '../graphql/format-error';
import {
  databaseAvailability,
  isDatabaseBusy,
  RETRY_AFTER_SECONDS,
} from '../database/availability';
import { apiErrorHandler } from './rest-auth';
import type { Logger } from '../observability/logger';
import type { SecretBox } from '../secrets/secret-box';
import { devOutboxAccess, devOutboxRouter } from '../mail';
import { auditExportRouter } from '../audit/audit-export.router';
import { entryUsersRouter } from '../sites/entry-users.router';
import { invoiceDocumentsRouter } from '../billing/invoice-documents.router';
import { applyChargeOutcomeWith } from '../billing/payments/invoice-payments';
import { stripeWebhookRouter } from '../billing/payments/stripe-webhook.router';
import { graphqlBodyRefusals, graphqlJsonBody } from './json-body';
import { webApp, type ViewerForPage } from './web-app';

export interface HttpServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

interface HttpDeps {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly payments: PaymentProvider;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  readonly secrets: SecretBox;
}

/** How long in-flight requests get to finish on shutdown before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

const apiSecurityHeaders = helmet({ contentSecurityPolicy: false });

/**
 * Every GraphQL answer and every /api answer (exports, invoices, errors, 413s and 503s alike) is
 * someone's data or about someone's request: no browser, proxy or CDN may keep a copy. Set before
 * any route or parser runs, so no answer of these transports can leave without it; a route whose
 * answer holds no data may loosen it (the CSV template).
 */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

function healthRoute(dataSource: DataSource, logger: Logger): express.RequestHandler {
  const availability = databaseAvailability(dataSource);
  const unavailable = (res: express.Response, database: 'unreachable' | 'busy') =>
    res
      .status(503)
      .set('Retry-After', RETRY_AFTER_SECONDS)
      .json({ status: 'unavailable', database });
  return async (_req, res) => {
    // known to be down: answered at once, the availability probe finds out when it is back
    if (availability.down) return void unavailable(res, 'unreachable');
    try {
      await dataSource.query('SELECT 1');
      res.status(200).json({ status: 'ok', database: 'ok' });
    } catch (error) {
      if (!availability.report(error, logger))
        logger.warn('health check: database query failed', { error });
      // a saturated pool: a load balancer may send the next requests elsewhere for a moment
      unavailable(res, isDatabaseBusy(error) ? 'busy' : 'unreachable');
    }
  };
}

/**
 * The web app's ViewerBootstrap query, answered for a page request as /graphql would answer it
 * (the same context, authorization and limits), for the page to carry.
 */
function viewerForPageWith(
  apollo: ApolloServer<Context>,
  contextDeps: Parameters<typeof buildContext>[0],
): ViewerForPage {
  return async (req, res) => {
    const contextValue = await whileDatabaseUp(contextDeps, req, () =>
      buildContext(contextDeps, req, res),
    );
    const response = await apollo.executeOperation(
      { query: VIEWER_BOOTSTRAP_QUERY, operationName: 'ViewerBootstrap' },
      { contextValue },
    );
    if (response.body.kind !== 'single') return null;
    const { data, errors } = response.body.singleResult;
    return errors?.length || !data ? null : data;
  };
}

/** One process serves the API at /graphql, the health check at /healthz and the web app at /. */
export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, dataSource, payments, schema, logger, secrets } = deps;
  const contextDeps = { dataSource, config, payments, logger, secrets };
  const app = express();
  app.disable('x-powered-by');
  // req.ip (src/http/client-ip.ts, what every per-IP limit counts) takes X-Forwarded-For only
  // from the proxies TRUST_PROXY names; by default from nobody, so a client cannot choose its IP
  app.set(
    'trust proxy',
    Array.isArray(config.trustProxy) ? [...config.trustProxy] : config.trustProxy,
  );
  // gzip for the web app's scripts and for larger GraphQL answers
  app.use(compression());
  const httpServer = http.createServer(app);
  const production = config.env === 'production';

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // one operation per request: a JSON array body is refused with 400, so no request
    // multiplies its work past the limits below
    allowBatchedHttpRequests: false,
    introspection: config.graphql.introspection,
    // the parser stops at the token limit; queryLimitsPlugin answers TOO_MANY_TOKENS for it
    parseOptions: { maxTokens: config.graphql.limits.maxTokens },
    // no "Did you mean …?" in production: it would spell out a schema whose introspection may be off
    hideSchemaDetailsFromClientErrors: production,
    // main.ts owns SIGTERM/SIGINT and stops everything in order (HTTP, workers, then the pool).
    // Apollo's own handlers (on outside NODE_ENV=test) would call stop() too, and in Apollo 5.5
    // a second stop() that overlaps the first waits on a barrier that is never resolved when the
    // first succeeds: shutdown hung there, the workers and the MariaDB pool were never closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: SHUTDOWN_GRACE_MS }),
      // no HTTP caching of GraphQL answers (they are per viewer), and the default cache-control
      // plugin wraps every field resolver: about 2.5% of the CPU of a page of sites
      ApolloServerPluginCacheControlDisabled(),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      // before errorAnswersPlugin: the TOO_MANY_TOKENS answer it writes is then worded there
      queryLimitsPlugin(config.graphql.limits),
      errorAnswersPlugin(dataSource, logger),
    ],
  });
  await apollo.start();

  app.get('/healthz', apiSecurityHeaders, healthRoute(dataSource, logger));
  app.use(['/graphql', '/api'], noStore);
  // Stripe's webhook verifies its signature on the raw body: mounted before any JSON parser.
  if (config.stripe) {
    const applyChargeOutcome = applyChargeOutcomeWith(contextDeps);
    app.use(
      '/api',
      apiSecurityHeaders,
      stripeWebhookRouter({ stripe: config.stripe, dataSource, logger, applyChargeOutcome }),
    );
  }
  app.use(
    '/graphql',
    apiSecurityHeaders,
    graphqlJsonBody(),
    refuseBatchesAndCrossSiteRequests(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        whileDatabaseUp(contextDeps, req, () => buildContext(contextDeps, req, res)),
    }),
    graphqlBodyRefusals(),
  );
  app.use('/api', apiSecurityHeaders, auditExportRouter(contextDeps));
  app.use('/api', apiSecurityHeaders, entryUsersRouter(contextDeps));
  app.use('/api', apiSecurityHeaders, invoiceDocumentsRouter(contextDeps));
  // Outside production, a newcomer reads the emails the portal would have sent (no SMTP needed):
  // at this machine, or as a signed-in operator (the emails hold passwords and reset links).
  if (!production)
    app.use(
      '/api/dev/outbox',
      apiSecurityHeaders,
      devOutboxAccess(contextDeps, config.publicUrl),
      devOutboxRouter(dataSource, logger),
    );
  app.use(webApp(config, logger, viewerForPageWith(apollo, contextDeps)));
  // JSON, never Express's HTML page (which shows the stack outside NODE_ENV=production)
  app.use(apiErrorHandler(dataSource, logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    // apollo.stop() runs the drain plugin: the listener closes, idle keep-alive connections
    // close, and requests in flight get up to SHUTDOWN_GRACE_MS to finish.
    close: () => apollo.stop(),
  };
}
