import path from 'node:path';
import { DEFAULT_GRAPHQL_LIMITS } from './graphql-limits';
import { ConfigError, DEFAULT_DATABASE_LIMITS, loadConfig } from './config';

/** 32 bytes in base64, as `openssl rand -base64 32` prints them */
const SECRETS_KEY = Buffer.alloc(32, 9).toString('base64');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('should run on the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.database).toEqual({ type: 'sqlite', path: path.resolve('data/portal.sqlite') });
    expect(config.smtpUrl).toBeNull();
    expect(config.stripe).toBeNull();
    expect(config.operator).toBeNull();
    expect(config.mailFrom).toBe('Entry Portal <no-reply@localhost>');
  });

  it('should allow 10 registrations per IP per hour unless REGISTRATION_LIMIT_PER_HOUR says otherwise', () => {
    expect(loadConfig({}).rateLimits.registrationsPerIpPerHour).toBe(10);
    expect(
      loadConfig({ REGISTRATION_LIMIT_PER_HOUR: '25' }).rateLimits.registrationsPerIpPerHour,
    ).toBe(25);
    expect(configError({ REGISTRATION_LIMIT_PER_HOUR: 'ten' }).message).toBe(
      'Configuration error: REGISTRATION_LIMIT_PER_HOUR must be a whole number of at least 1 (got "ten")',
    );
  });

  it('should trust no proxy unless TRUST_PROXY names a hop count or the proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
  });

  it('should stop start-up with one line naming TRUST_PROXY when it is true or not an address', () => {
    expect(configError({ TRUST_PROXY: 'true' }).message).toMatch(
      /^Configuration error: TRUST_PROXY must name the proxies, not true/,
    );
    for (const bad of ['10.0.0.0/33', 'proxy.example', 'loopback,,10.0.0.1', '1.5'])
      expect(configError({ TRUST_PROXY: bad }).message).toBe(
        `Configuration error: TRUST_PROXY must be a hop count (1), or addresses and CIDRs and loopback, linklocal, uniquelocal, comma-separated (got "${bad}")`,
      );
  });

  it('should derive PUBLIC_URL from PORT when only PORT is set', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('should accept a MySQL URL and an SQLite path when DATABASE_URL names them', () => {
    expect(
      loadConfig({ DATABASE_URL: 'mysql://portal:secret@db.internal:3306/portal' }).database,
    ).toEqual({
      type: 'mariadb',
      url: 'mysql://portal:secret@db.internal:3306/portal',
    });
    expect(
      loadConfig({ DATABASE_URL: 'mysql://portal:s%40cret@db1:3306,db2:3307,db3/portal' }).database,
    ).toEqual({ type: 'mariadb', url: 'mysql://portal:s%40cret@db1:3306,db2:3307,db3/portal' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/portal/db.sqlite' }).database).toEqual({
      type: 'sqlite',
      path: '/var/lib/portal/db.sqlite',
    });
  });

  it('should strip a trailing slash from PUBLIC_URL when one is given', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example.com/' }).publicUrl).toBe(
      'https://portal.example.com',
    );
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'portal.example.com' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://portal.example.com' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://localhost/portal' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost' }],
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db1:3306,db2:99999/portal' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db1,,db2/portal' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db1,db2' }],
    ['SMTP_URL', { SMTP_URL: 'mail.example.com:25' }],
    ['MAIL_FROM', { MAIL_FROM: 'not an address' }],
    ['OPERATOR_PASSWORD', { OPERATOR_EMAIL: 'ops@example.com' }],
    ['OPERATOR_EMAIL', { OPERATOR_PASSWORD: 'long enough password' }],
    ['OPERATOR_PASSWORD', { OPERATOR_EMAIL: 'ops@example.com', OPERATOR_PASSWORD: 'short' }],
    ['STRIPE_WEBHOOK_SECRET', { STRIPE_SECRET_KEY: 'sk_test_123' }],
    ['STRIPE_SECRET_KEY', { STRIPE_SECRET_KEY: 'pk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_1' }],
    [
      'STRIPE_PUBLISHABLE_KEY',
      {
        STRIPE_SECRET_KEY: 'sk_test_1',
        STRIPE_WEBHOOK_SECRET: 'whsec_1',
        STRIPE_PUBLISHABLE_KEY: 'sk_1',
      },
    ],
    ['STRIPE_API_BASE', { STRIPE_API_BASE: 'localhost:12111' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['PRICE_PER_USER_MONTH', { PRICE_PER_USER_MONTH: 'EUR=1.50' }],
    ['SELLER_COUNTRY', { SELLER_COUNTRY: 'Netherlands' }],
    ['GRAPHQL_INTROSPECTION', { GRAPHQL_INTROSPECTION: 'yes' }],
    ['GRAPHQL_MAX_DEPTH', { GRAPHQL_MAX_DEPTH: '0' }],
    ['GRAPHQL_MAX_ALIASES', { GRAPHQL_MAX_ALIASES: '-1' }],
    ['GRAPHQL_MAX_DIRECTIVES', { GRAPHQL_MAX_DIRECTIVES: 'ten' }],
    ['GRAPHQL_MAX_TOKENS', { GRAPHQL_MAX_TOKENS: '1e3' }],
    ['GRAPHQL_MAX_COST', { GRAPHQL_MAX_COST: '2.5' }],
    ['DATABASE_POOL_SIZE', { DATABASE_POOL_SIZE: '0' }],
    // mysql2 reads 0 as "no limit": a limit of nothing is refused instead
    ['DATABASE_QUEUE_LIMIT', { DATABASE_QUEUE_LIMIT: '0' }],
    ['DATABASE_STATEMENT_TIMEOUT_MS', { DATABASE_STATEMENT_TIMEOUT_MS: '30s' }],
    ['SECRETS_KEY', { SECRETS_KEY: 'too short' }],
    // 24 bytes in base64: a key, but not of AES-256's length
    ['SECRETS_KEY', { SECRETS_KEY: Buffer.alloc(24, 1).toString('base64') }],
    ['SECRETS_KEY', { NODE_ENV: 'production' }],
    ['OPERATOR_REQUIRE_MFA', { OPERATOR_REQUIRE_MFA: 'yes' }],
    ['REDIS_URL', { REDIS_URL: '127.0.0.1:6379' }],
  ])('should stop with one line naming %s when its value is bad', (variable, env) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Configuration error: ${variable} `));
    expect(error.message).not.toContain('\n');
  });

  it('should use SECRETS_KEY as given, as `openssl rand -base64 32` prints it', () => {
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY }).secretsKey).toEqual({
      source: 'environment',
      key: Buffer.alloc(32, 9),
    });
  });

  it('should keep a generated secrets key beside the SQLite file outside production, in data/ otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/portal/db.sqlite' }).secretsKey).toEqual({
      source: 'file',
      path: '/var/lib/portal/secrets.key',
    });
    expect(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'mysql://root@127.0.0.1:3306/portal' })
        .secretsKey,
    ).toEqual({ source: 'file', path: path.resolve('data/secrets.key') });
  });

  it('should count rate limits in the database unless REDIS_URL names a Redis', () => {
    expect(loadConfig({}).redis).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      keyPrefix: 'entry:',
    });
    expect(
      loadConfig({ REDIS_URL: 'rediss://cache:6380', REDIS_KEY_PREFIX: 'portal-eu:' }).redis,
    ).toEqual({ url: 'rediss://cache:6380', keyPrefix: 'portal-eu:' });
  });

  it('should require two-factor sign-in of operators only when OPERATOR_REQUIRE_MFA is true', () => {
    expect(loadConfig({}).operatorRequireMfa).toBe(false);
    expect(loadConfig({ OPERATOR_REQUIRE_MFA: 'true' }).operatorRequireMfa).toBe(true);
  });

  it('should turn introspection on and keep the default GraphQL limits when nothing is set', () => {
    expect(loadConfig({}).graphql).toEqual({
      introspection: true,
      limits: DEFAULT_GRAPHQL_LIMITS,
    });
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY }).graphql.introspection).toBe(true);
  });

  it('should read GRAPHQL_INTROSPECTION and each GRAPHQL_MAX_* limit when they are set', () => {
    const { graphql } = loadConfig({
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_COST: '2000',
    });
    expect(graphql).toEqual({
      introspection: false,
      limits: { maxDepth: 8, maxAliases: 5, maxDirectives: 4, maxTokens: 500, maxCost: 2000 },
    });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('should share MariaDB by the default limits unless DATABASE_* limits are set', () => {
    expect(loadConfig({}).databaseLimits).toEqual(DEFAULT_DATABASE_LIMITS);
    expect(
      loadConfig({
        DATABASE_POOL_SIZE: '20',
        DATABASE_QUEUE_LIMIT: '50',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
      }).databaseLimits,
    ).toEqual({ poolSize: 20, queueLimit: 50, statementTimeoutMs: 5000 });
  });

  it('should override only the prices PRICE_PER_USER_MONTH names', () => {
    const { prices } = loadConfig({ PRICE_PER_USER_MONTH: 'EUR:199, SEK=2100' });
    expect(prices).toMatchObject({ EUR: 199, SEK: 2100, GBP: 130 });
  });

  it('should keep Stripe settings together when they are complete', () => {
    const config = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_1',
      STRIPE_API_BASE: 'http://127.0.0.1:12111/',
    });
    expect(config.stripe).toEqual({
      secretKey: 'sk_test_1',
      webhookSecret: 'whsec_1',
      publishableKey: 'pk_test_1',
      apiBase: 'http://127.0.0.1:12111',
    });
  });
});
