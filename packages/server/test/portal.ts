import { loadConfig, type Config } from '../src/config/config';
import { createScratchDatabase } from '../src/database/scratch-database';
import { silentLogger } from '../src/observability/logger';
import { startPortal, type Portal, type PortalOptions } from '../src/portal';

export type Dialect = 'sqlite' | 'mysql';

/**
 * The SECRETS_KEY of test portals (32 bytes, base64): one for all, so a second portal on another's
 * database reads its two-factor secrets. `SECRETS_KEY: ''` in a portal's env leaves it unset.
 */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  acceptLanguage?: string;
}

export interface TestPortal extends Portal {
  readonly dialect: Dialect;
  readonly config: Config;
  /** DATABASE_URL of this portal's database: another portal started with it shares it */
  readonly databaseUrl: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** gql as the holder of the session `token`; anonymous when it is undefined */
  as<T = Record<string, unknown>>(
    token: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** stops the server and drops its database */
  close(): Promise<void>;
}

/**
 * The real server on a free port over a brand-new database of the given dialect: tests talk
 * HTTP to it exactly as the web app and partner apps do.
 */
export async function startTestPortal(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: PortalOptions = { mailPollIntervalMs: 50, billingIntervalMs: null },
  /** how the server reaches its database, e.g. through a fault test's TCP proxy */
  routeDatabaseUrl: (url: string) => string = (url) => url,
): Promise<TestPortal> {
  // env.DATABASE_URL: a second server on another portal's database (its owner drops it)
  const scratch = env['DATABASE_URL'] ? null : await createScratchDatabase(dialect);
  const databaseUrl = routeDatabaseUrl(
    !scratch
      ? env['DATABASE_URL']!
      : scratch.database.type === 'sqlite'
        ? `sqlite:${scratch.database.path}`
        : scratch.database.url,
  );
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      SECRETS_KEY: TEST_SECRETS_KEY,
      ...env,
      DATABASE_URL: databaseUrl,
    }),
    port: 0,
  };
  let portal: Portal;
  try {
    portal = await startPortal(config, silentLogger, options);
  } catch (error) {
    await scratch?.drop();
    throw error;
  }
  const url = portal.url;
  const testPortal: TestPortal = {
    ...portal,
    dialect,
    config,
    databaseUrl,
    async gql(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      if (options.cookie) headers['cookie'] = options.cookie;
      if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Pick<GraphQLResponse, 'data' | 'errors'>;
      return {
        status: response.status,
        ...body,
        headers: response.headers,
      } as GraphQLResponse<never>;
    },
    as(token, query, variables) {
      return testPortal.gql(query, variables, token ? { token } : {});
    },
    async close() {
      try {
        await portal.stop();
      } finally {
        await scratch?.drop();
      }
    },
  };
  return testPortal;
}
