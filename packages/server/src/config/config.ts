import path from 'node:path';
import proxyAddr from 'proxy-addr';
import { DEFAULT_PRICE_PER_USER_MONTH } from '../billing/pricing';
import { parseMysqlAddress } from '../database/failover';
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from './graphql-limits';

/**
 * Every setting the server reads from its environment, parsed and validated here and nowhere
 * else. The names and defaults are the ones documented in the header of the public API contract,
 * so the defaults run the whole portal on one machine with nothing else installed.
 */
export interface Config {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  /** how the server shares a MariaDB/MySQL server among its requests (SQLite: none apply) */
  readonly databaseLimits: DatabaseLimits;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly operator: { readonly email: string; readonly password: string } | null;
  readonly stripe: StripeConfig | null;
  /** price of one Entry app user per month, minor units, by currency */
  readonly prices: Readonly<Record<string, number>>;
  /** Who issues the invoices (printed on them; decides domestic VAT vs reverse charge). */
  readonly seller: SellerConfig;
  /** Directory of the built web app, served at `/`. */
  readonly webDistDir: string;
  readonly graphql: GraphQLSettings;
  readonly rateLimits: RateLimitSettings;
  /**
   * Which proxies in front of the server may say who the client is (X-Forwarded-For), as
   * Express's `trust proxy` setting: false (nobody: the socket's peer is the client), a hop
   * count, or addresses, CIDRs and the names loopback, linklocal, uniquelocal.
   */
  readonly trustProxy: TrustProxy;
  readonly webhooks: WebhookSettings;
  /** the key that encrypts secrets at rest (two-factor secrets) and keys the recovery codes' hashes */
  readonly secretsKey: SecretsKeySetting;
  /** OPERATOR_REQUIRE_MFA: operators without two-factor sign-in may only set it up */
  readonly operatorRequireMfa: boolean;
  /**
   * REDIS_URL: the rate limits count in this Redis instead of the database (REDIS_KEY_PREFIX,
   * default "entry:", keeps several deployments on one Redis apart); null: in the database.
   */
  readonly redis: { readonly url: string; readonly keyPrefix: string } | null;
}

/**
 * Where the secrets key comes from: SECRETS_KEY (32 bytes, base64), or outside production a file
 * in the data folder that the first start generates (src/secrets/secrets-key.ts reads or makes it).
 */
export type SecretsKeySetting =
  | { readonly source: 'environment'; readonly key: Buffer }
  | { readonly source: 'file'; readonly path: string };

export interface WebhookSettings {
  /**
   * WEBHOOK_ALLOW_PRIVATE_URLS: endpoints may be http:// and point at loopback, private and
   * link-local addresses (tests, private networks). Off, production endpoints must be https://
   * on public addresses, checked after DNS on every delivery.
   */
  readonly allowPrivateUrls: boolean;
}

export type TrustProxy = false | number | readonly string[];

export interface RateLimitSettings {
  /** registrations one client IP may submit per hour (src/rate-limits/email-limits.ts) */
  readonly registrationsPerIpPerHour: number;
  /** requests one API key may make per minute, across every server process (api-keys/) */
  readonly apiKeyRequestsPerMinute: number;
}

export interface GraphQLSettings {
  /** on by default, production included: partners explore the API with their own tools */
  readonly introspection: boolean;
  /** what every request is held to before it runs (src/graphql/limits.ts) */
  readonly limits: GraphQLLimits;
}

export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly path: string }
  | { readonly type: 'mariadb'; readonly url: string };

export interface DatabaseLimits {
  /** connections in the pool */
  readonly poolSize: number;
  /** requests that may wait for a free connection; the next ones are answered 503 at once */
  readonly queueLimit: number;
  /**
   * How long one statement may go unanswered before its connection is dropped and the request
   * answered 503 (a database that accepts connections but hangs on them). Migrations are exempt.
   */
  readonly statementTimeoutMs: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  poolSize: 10,
  queueLimit: 100,
  statementTimeoutMs: 30_000,
};

export interface SellerConfig {
  readonly name: string;
  readonly address: string;
  /** ISO 3166-1 alpha-2 */
  readonly country: string;
  readonly vatNumber: string;
}

export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly publishableKey: string | null;
  /** Points the SDK at a local stand-in of the Stripe API (tests, offline development). */
  readonly apiBase: string | null;
}

/** A bad setting: the message is the one line printed before start-up stops. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_DATA_DIR = 'data';
const DEFAULT_SQLITE_PATH = `${DEFAULT_DATA_DIR}/portal.sqlite`;
const SECRETS_KEY_FILE = 'secrets.key';
const DEFAULT_WEB_DIST = path.resolve(__dirname, '../../../web/dist');

/** Reads an optional variable; an empty string counts as unset (as `FOO= cmd` means in a shell). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseEnvironment(env: Env): Config['env'] {
  const value = read(env, 'NODE_ENV') ?? 'development';
  if (value === 'production' || value === 'development' || value === 'test') return value;
  throw new ConfigError('NODE_ENV', `must be production, development or test (got "${value}")`);
}

function parsePort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined) return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseHttpUrl(name: string, raw: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}//host:port (got "${raw}")`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}// (got "${raw}")`);
  }
  return url;
}

function parsePublicUrl(env: Env, port: number): string {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === undefined) return `http://localhost:${port}`;
  const url = parseHttpUrl('PUBLIC_URL', raw, ['http:', 'https:']);
  // Links in emails are built as `${publicUrl}/path`: keep it without a trailing slash.
  return url.toString().replace(/\/+$/, '');
}

function parseDatabase(env: Env): DatabaseConfig {
  const raw = read(env, 'DATABASE_URL') ?? `sqlite:${DEFAULT_SQLITE_PATH}`;
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file)
      throw new ConfigError(
        'DATABASE_URL',
        'must name a file after sqlite: (e.g. sqlite:data/portal.sqlite)',
      );
    return { type: 'sqlite', path: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^(mysql|mariadb):\/\/[^/]*,/.test(raw)) {
    // several hosts (a Galera cluster's nodes): the process fails over between them in order
    if (!parseMysqlAddress(raw))
      throw new ConfigError(
        'DATABASE_URL',
        `must list hosts as mysql://user:pass@host1:3306,host2:3306/db (got "${raw}")`,
      );
    return { type: 'mariadb', url: raw };
  }
  const url = parseHttpUrl('DATABASE_URL', raw, ['mysql:', 'mariadb:']);
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError(
      'DATABASE_URL',
      `must name a host and a database: mysql://user:pass@host:3306/db (got "${raw}")`,
    );
  }
  return { type: 'mariadb', url: raw };
}

function parseDatabaseLimits(env: Env): DatabaseLimits {
  const defaults = DEFAULT_DATABASE_LIMITS;
  return {
    poolSize: parseWholeNumber(env, 'DATABASE_POOL_SIZE', defaults.poolSize),
    queueLimit: parseWholeNumber(env, 'DATABASE_QUEUE_LIMIT', defaults.queueLimit),
    statementTimeoutMs: parseWholeNumber(
      env,
      'DATABASE_STATEMENT_TIMEOUT_MS',
      defaults.statementTimeoutMs,
    ),
  };
}

function parseSmtpUrl(env: Env): string | null {
  const raw = read(env, 'SMTP_URL');
  if (raw === undefined) return null;
  parseHttpUrl('SMTP_URL', raw, ['smtp:', 'smtps:']);
  return raw;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function parseMailFrom(env: Env, publicUrl: string): string {
  const raw = read(env, 'MAIL_FROM');
  if (raw === undefined) return `Entry Portal <no-reply@${new URL(publicUrl).hostname}>`;
  const address = /<([^>]+)>\s*$/.exec(raw)?.[1] ?? raw;
  if (!EMAIL.test(address)) {
    throw new ConfigError(
      'MAIL_FROM',
      `must be an email address, optionally with a name: "Portal <portal@example.com>" (got "${raw}")`,
    );
  }
  return raw;
}

function parseOperator(env: Env): Config['operator'] {
  const email = read(env, 'OPERATOR_EMAIL');
  const password = env['OPERATOR_PASSWORD'];
  if (email === undefined && !password) return null;
  if (email === undefined)
    throw new ConfigError('OPERATOR_EMAIL', 'must be set when OPERATOR_PASSWORD is');
  if (!EMAIL.test(email))
    throw new ConfigError('OPERATOR_EMAIL', `must be an email address (got "${email}")`);
  if (!password) throw new ConfigError('OPERATOR_PASSWORD', 'must be set when OPERATOR_EMAIL is');
  if (password.length < 12)
    throw new ConfigError('OPERATOR_PASSWORD', 'must be at least 12 characters long');
  return { email, password };
}

function parseStripe(env: Env): StripeConfig | null {
  const secretKey = read(env, 'STRIPE_SECRET_KEY');
  const webhookSecret = read(env, 'STRIPE_WEBHOOK_SECRET');
  const publishableKey = read(env, 'STRIPE_PUBLISHABLE_KEY') ?? null;
  const apiBaseRaw = read(env, 'STRIPE_API_BASE');
  const apiBase =
    apiBaseRaw === undefined
      ? null
      : parseHttpUrl('STRIPE_API_BASE', apiBaseRaw, ['http:', 'https:'])
          .toString()
          .replace(/\/+$/, '');
  if (secretKey === undefined) {
    if (webhookSecret !== undefined)
      throw new ConfigError('STRIPE_SECRET_KEY', 'must be set when STRIPE_WEBHOOK_SECRET is');
    if (publishableKey !== null)
      throw new ConfigError('STRIPE_SECRET_KEY', 'must be set when STRIPE_PUBLISHABLE_KEY is');
    return null;
  }
  if (!/^(sk|rk)_/.test(secretKey))
    throw new ConfigError('STRIPE_SECRET_KEY', 'must be a Stripe secret key (sk_… or rk_…)');
  if (webhookSecret === undefined)
    throw new ConfigError(
      'STRIPE_WEBHOOK_SECRET',
      'must be set when STRIPE_SECRET_KEY is (webhooks are verified)',
    );
  if (!webhookSecret.startsWith('whsec_'))
    throw new ConfigError(
      'STRIPE_WEBHOOK_SECRET',
      'must be a Stripe webhook signing secret (whsec_…)',
    );
  if (publishableKey !== null && !publishableKey.startsWith('pk_')) {
    throw new ConfigError('STRIPE_PUBLISHABLE_KEY', 'must be a Stripe publishable key (pk_…)');
  }
  return { secretKey, webhookSecret, publishableKey, apiBase };
}

/** PRICE_PER_USER_MONTH=EUR:150,SEK:1700 (minor units) overrides the default prices it names. */
function parsePrices(env: Env): Readonly<Record<string, number>> {
  const raw = read(env, 'PRICE_PER_USER_MONTH');
  if (raw === undefined) return DEFAULT_PRICE_PER_USER_MONTH;
  const prices: Record<string, number> = { ...DEFAULT_PRICE_PER_USER_MONTH };
  for (const entry of raw.split(',')) {
    const match = /^\s*([A-Z]{3})\s*[:=]\s*(\d+)\s*$/.exec(entry);
    if (!match) {
      throw new ConfigError(
        'PRICE_PER_USER_MONTH',
        `must look like EUR:150,SEK:1700 (minor units per user per month; got "${raw}")`,
      );
    }
    prices[match[1]!] = Number(match[2]);
  }
  return prices;
}

function parseSeller(env: Env): SellerConfig {
  const country = (read(env, 'SELLER_COUNTRY') ?? 'NL').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new ConfigError(
      'SELLER_COUNTRY',
      `must be an ISO 3166-1 alpha-2 code such as NL (got "${country}")`,
    );
  }
  return {
    name: read(env, 'SELLER_NAME') ?? 'Entry Portal B.V.',
    address: read(env, 'SELLER_ADDRESS') ?? 'Stationsplein 1, 1012 AB Amsterdam, Netherlands',
    country,
    vatNumber: read(env, 'SELLER_VAT_NUMBER') ?? 'NL000099998B57',
  };
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function parseWholeNumber(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || !Number.isSafeInteger(value))
    throw new ConfigError(name, `must be a whole number of at least 1 (got "${raw}")`);
  return value;
}

function parseGraphQL(env: Env): GraphQLSettings {
  const defaults = DEFAULT_GRAPHQL_LIMITS;
  return {
    introspection: parseBoolean(env, 'GRAPHQL_INTROSPECTION', true),
    limits: {
      maxDepth: parseWholeNumber(env, 'GRAPHQL_MAX_DEPTH', defaults.maxDepth),
      maxAliases: parseWholeNumber(env, 'GRAPHQL_MAX_ALIASES', defaults.maxAliases),
      maxDirectives: parseWholeNumber(env, 'GRAPHQL_MAX_DIRECTIVES', defaults.maxDirectives),
      maxTokens: parseWholeNumber(env, 'GRAPHQL_MAX_TOKENS', defaults.maxTokens),
      maxCost: parseWholeNumber(env, 'GRAPHQL_MAX_COST', defaults.maxCost),
    },
  };
}

function parseRateLimits(env: Env): RateLimitSettings {
  return {
    registrationsPerIpPerHour: parseWholeNumber(env, 'REGISTRATION_LIMIT_PER_HOUR', 10),
    apiKeyRequestsPerMinute: parseWholeNumber(env, 'API_KEY_RATE_LIMIT', 600),
  };
}

const TRUST_PROXY_FORMS =
  'a hop count (1), or addresses and CIDRs and loopback, linklocal, uniquelocal, comma-separated';

/**
 * TRUST_PROXY, in the forms Express's `trust proxy` accepts, checked by the same library Express
 * compiles it with (proxy-addr). `true` is refused: trusting every hop lets any client write its
 * own X-Forwarded-For and pick the IP that the per-IP limits count.
 */
function parseTrustProxy(env: Env): TrustProxy {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (!Number.isSafeInteger(hops))
      throw new ConfigError('TRUST_PROXY', `must be ${TRUST_PROXY_FORMS} (got "${raw}")`);
    return hops === 0 ? false : hops;
  }
  if (raw === 'true')
    throw new ConfigError(
      'TRUST_PROXY',
      `must name the proxies, not true (which lets any client choose its IP): ${TRUST_PROXY_FORMS}`,
    );
  const entries = raw.split(',').map((entry) => entry.trim());
  try {
    if (entries.some((entry) => !entry)) throw new Error('empty entry');
    proxyAddr.compile(entries);
  } catch {
    throw new ConfigError('TRUST_PROXY', `must be ${TRUST_PROXY_FORMS} (got "${raw}")`);
  }
  return entries;
}

/** SECRETS_KEY as `openssl rand -base64 32` prints it (padding optional): 32 bytes, else null. */
export function decodeSecretsKey(raw: string): Buffer | null {
  return /^[A-Za-z0-9+/]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : null;
}

/**
 * SECRETS_KEY, or outside production a generated key file in the data folder: the SQLite file's
 * folder, else data/ (where the default SQLite file lives). Production refuses to start without
 * it: a key made up on one machine would strand every two-factor secret when the server moves or
 * a second process starts, and losing it locks everyone with two-factor sign-in out.
 */
function parseSecretsKey(
  env: Env,
  environment: Config['env'],
  database: DatabaseConfig,
): SecretsKeySetting {
  const raw = read(env, 'SECRETS_KEY');
  if (raw !== undefined) {
    const key = decodeSecretsKey(raw);
    if (!key)
      throw new ConfigError(
        'SECRETS_KEY',
        'must be 32 random bytes in base64, as `openssl rand -base64 32` prints them',
      );
    return { source: 'environment', key };
  }
  if (environment === 'production')
    throw new ConfigError(
      'SECRETS_KEY',
      'must be set in production: 32 random bytes in base64 (`openssl rand -base64 32`). It encrypts the two-factor secrets: keep it safe and the same for every server process',
    );
  const folder =
    database.type === 'sqlite' && database.path !== ':memory:'
      ? path.dirname(database.path)
      : path.resolve(DEFAULT_DATA_DIR);
  return { source: 'file', path: path.join(folder, SECRETS_KEY_FILE) };
}

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env);
  const publicUrl = parsePublicUrl(env, port);
  const environment = parseEnvironment(env);
  const database = parseDatabase(env);
  return {
    env: environment,
    port,
    publicUrl,
    database,
    databaseLimits: parseDatabaseLimits(env),
    smtpUrl: parseSmtpUrl(env),
    mailFrom: parseMailFrom(env, publicUrl),
    operator: parseOperator(env),
    stripe: parseStripe(env),
    seller: parseSeller(env),
    prices: parsePrices(env),
    webDistDir: read(env, 'WEB_DIST_DIR') ?? DEFAULT_WEB_DIST,
    graphql: parseGraphQL(env),
    rateLimits: parseRateLimits(env),
    trustProxy: parseTrustProxy(env),
    webhooks: { allowPrivateUrls: parseBoolean(env, 'WEBHOOK_ALLOW_PRIVATE_URLS', false) },
    secretsKey: parseSecretsKey(env, environment, database),
    operatorRequireMfa: parseBoolean(env, 'OPERATOR_REQUIRE_MFA', false),
    redis: parseRedis(env),
  };
}

function parseRedis(env: Env): Config['redis'] {
  const url = read(env, 'REDIS_URL');
  if (url === undefined) return null;
  parseHttpUrl('REDIS_URL', url, ['redis:', 'rediss:']);
  return { url, keyPrefix: read(env, 'REDIS_KEY_PREFIX') ?? 'entry:' };
}
