import 'reflect-metadata';
import type { DataSource, Logger as DatabaseLogger } from 'typeorm';
import { ConfigError, type Config } from './config/config';
import { createDataSource } from './database/data-source';
import { failoverOf } from './database/failover';
import { withSchemaLock } from './database/schema-lock';
import { takeTurnsOnSqlite } from './database/sqlite-turns';
import { limitStatementTime } from './database/statement-timeout';
import { buildPortalSchema } from './graphql/schema';
import { startHttpServer } from './http/app';
import { peopleSharingAnOperatorAddress } from './accounts/email-ownership';
import { OperatorAddressTakenError, provisionOperator } from './accounts/operators';
import { createPaymentProvider } from './billing/payments/create-payment-provider';
import type { BillingDeps } from './billing/billing-deps';
import { startBillingScheduler } from './billing/billing-scheduler';
import { syncAccessLevels } from './people/sync-access-levels';
import type { Logger } from './observability/logger';
import { createMailTransport, startMailWorker, type MailWorker } from './mail';
import { expireSiteTransfers } from './site-transfers/site-transfer-expiry';
import { startHousekeeping, type Housekeeping, type HousekeepingTask } from './housekeeping';
import { purgeEndedRateLimitWindows, useRateLimitStore } from './rate-limits/rate-limiter';
import { createRedisRateLimitStore } from './rate-limits/redis-rate-limit-store';
import { connectRedis } from './redis/redis-connection';
import { createRedisSignInThrottleStore } from './accounts/redis-sign-in-throttle-store';
import { useSignInThrottleStore } from './accounts/sign-in-throttle-store';
import { purgeOldSignInAttempts } from './accounts/sign-in-throttle';
import { sendRegistrationDigest } from './accounts/registration-digest';
import { webhookUrlRules } from './webhooks/webhook-endpoints.service';
import { createWebhookSender } from './webhooks/webhook-sender';
import { purgeOldWebhookMessages } from './webhooks/webhook-retention';
import { startWebhookWorker, type WebhookWorker } from './webhooks/webhook-worker';
import { createSecretBox, type SecretBox } from './secrets/secret-box';
import { loadSecretsKey } from './secrets/secrets-key';
import { purgeOldMfaChallenges } from './two-factor/mfa-challenges';
import { removeMovedOutUsers } from './sites/move-outs';

export interface PortalOptions {
  /** how often the mail worker looks for due mail; null: only on drain() (tests) */
  readonly mailPollIntervalMs?: number | null;
  /** how often billing looks for work (monthly run, retries, suspensions); null: never (tests) */
  readonly billingIntervalMs?: number | null;
  /**
   * how often housekeeping runs (the operators' registration digest, purging old rate-limit and
   * sign-in rows); null: only on tick() (tests). Default one minute.
   */
  readonly housekeepingIntervalMs?: number | null;
  /** how often the webhook worker looks for due deliveries; null: only on drain() (tests) */
  readonly webhookPollIntervalMs?: number | null;
  /** sees every SQL statement (tests count them to catch N+1 queries) */
  readonly databaseLogger?: DatabaseLogger;
}

export interface Portal {
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource;
  readonly mailWorker: MailWorker;
  readonly webhookWorker: WebhookWorker;
  /** what billing runs with (tests drive runs and retries with their own clock) */
  readonly billing: BillingDeps;
  readonly housekeeping: Housekeeping;
  /** what seals the secrets kept at rest (tests open them to check what the database holds) */
  readonly secrets: SecretBox;
  /**
   * Graceful: in-flight requests finish, workers stop, then the database pool closes. Calls
   * after the first (a second signal, a test's cleanup) share its promise.
   */
  stop(): Promise<void>;
  /** What stop() is waiting for right now (logged when a shutdown overruns), else null. */
  stopWaitingFor(): string | null;
}

/** One thing startPortal started, with what stopping it means in a shutdown log line. */
interface Started {
  readonly name: string;
  stop(): Promise<void> | void;
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function housekeepingTasks(config: Config): HousekeepingTask[] {
  return [
    {
      name: "sending the operators' registration digest",
      run: (dataSource, now) => sendRegistrationDigest(dataSource, config, now),
    },
    {
      name: 'purging ended rate-limit windows',
      run: (dataSource, now) => purgeEndedRateLimitWindows(dataSource, now),
    },
    {
      name: 'purging old sign-in attempts',
      run: (dataSource, now) => purgeOldSignInAttempts(dataSource, now),
    },
    {
      name: 'purging expired two-factor sign-in challenges',
      run: (dataSource, now) => purgeOldMfaChallenges(dataSource, now),
    },
    {
      name: "purging webhook events past the delivery log's retention",
      run: (dataSource, now) => purgeOldWebhookMessages(dataSource, now),
    },
    {
      name: 'removing the Entry app users whose move-out day has ended',
      run: (dataSource, now) => removeMovedOutUsers(dataSource, now),
    },
    {
      name: 'expiring site transfers nobody answered',
      run: (dataSource, now) => expireSiteTransfers(dataSource, config, now),
    },
  ];
}

/**
 * OPERATOR_EMAIL naming a person's address stops start-up: the vendor asked for an operator
 * who could not exist, and finding out from a failed sign-in later would be worse than a clear
 * line now (the address is usually a typo or an old colleague's, and only the vendor can fix it).
 */
async function provisionConfiguredOperator(
  dataSource: DataSource,
  operator: NonNullable<Config['operator']>,
): Promise<void> {
  try {
    await provisionOperator(dataSource, operator);
  } catch (error) {
    if (error instanceof OperatorAddressTakenError)
      throw new ConfigError('OPERATOR_EMAIL', error.message);
    throw error;
  }
}

/** Opens the database, brings its schema up to date, starts the workers, and serves. */
export async function startPortal(
  config: Config,
  logger: Logger,
  options: PortalOptions = {},
): Promise<Portal> {
  // First: a missing or unreadable key stops start-up before anything is opened.
  const secrets = createSecretBox(loadSecretsKey(config.secretsKey, logger));
  const dataSource = createDataSource(config.database, {
    logger: options.databaseLogger,
    ...config.databaseLimits,
  });
  await dataSource.initialize();
  // What has started, stopped in reverse order: on shutdown, or when start-up fails halfway.
  const started: Started[] = [{ name: 'database pool', stop: () => dataSource.destroy() }];
  let stopping: string | null = null;
  let stopped: Promise<void> | null = null;
  const stopAll = () =>
    (stopped ??= (async () => {
      for (const step of [...started].reverse()) {
        stopping = step.name;
        await step.stop();
      }
      stopping = null;
    })());
  try {
    failoverOf(dataSource)?.useLogger(logger);
    // One process at a time (several may start at once): the others wait, then find it done.
    await withSchemaLock(dataSource, logger, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length)
        logger.info(`database: applied ${applied.length} migration(s)`, {
          migrations: applied.map((m) => m.name),
        });
      await syncAccessLevels(dataSource);
      if (config.operator) await provisionConfiguredOperator(dataSource, config.operator);
    });
    // Only now: a migration may rightly run one statement for minutes on a large table.
    limitStatementTime(dataSource, config.databaseLimits.statementTimeoutMs);
    takeTurnsOnSqlite(dataSource);
    for (const shared of await peopleSharingAnOperatorAddress(dataSource.manager))
      logger.warn(
        "a person shares an operator's email address (from before addresses were kept apart): give them another address or remove them",
        shared,
      );

    if (config.redis) {
      const redis = connectRedis(config.redis.url, config.redis.keyPrefix, logger);
      useRateLimitStore(dataSource, createRedisRateLimitStore(redis));
      useSignInThrottleStore(dataSource, createRedisSignInThrottleStore(redis, dataSource));
      started.push({
        name: 'Redis connection (rate limits, sign-in throttle)',
        stop: () => redis.close(),
      });
      await redis.ready();
    }

    const transport = createMailTransport({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
      logger,
    });
    started.push({ name: 'mail transport', stop: () => transport.close() });
    const mailWorker = startMailWorker({
      dataSource,
      transport,
      logger,
      pollIntervalMs: options.mailPollIntervalMs === undefined ? 1000 : options.mailPollIntervalMs,
      // bodies may hold temporary passwords; outside production the dev outbox shows them
      purgeBodiesAfterSend: config.env === 'production',
    });
    started.push({ name: 'mail worker (the send in flight)', stop: () => mailWorker.stop() });

    const webhookSender = createWebhookSender(webhookUrlRules(config));
    started.push({ name: 'webhook connections', stop: () => webhookSender.close() });
    const webhookWorker = startWebhookWorker({
      dataSource,
      sender: webhookSender,
      logger,
      publicUrl: config.publicUrl,
      pollIntervalMs: options.webhookPollIntervalMs,
    });
    started.push({
      name: 'webhook worker (the attempts in flight)',
      stop: () => webhookWorker.stop(),
    });

    const payments = createPaymentProvider(config, dataSource, logger);
    const billing: BillingDeps = { dataSource, config, payments, logger };
    const billingInterval =
      options.billingIntervalMs === undefined ? HOUR_MS : options.billingIntervalMs;
    if (billingInterval !== null) {
      const scheduler = startBillingScheduler(billing, { intervalMs: billingInterval });
      started.push({
        name: 'billing scheduler (the company in progress)',
        stop: () => scheduler.stop(),
      });
    }

    const housekeeping = startHousekeeping({
      dataSource,
      logger,
      tasks: housekeepingTasks(config),
      intervalMs:
        options.housekeepingIntervalMs === undefined ? MINUTE_MS : options.housekeepingIntervalMs,
    });
    started.push({ name: 'housekeeping (the task in hand)', stop: () => housekeeping.stop() });

    const http = await startHttpServer({
      payments,
      config,
      dataSource,
      schema: await buildPortalSchema(),
      logger,
      secrets,
    });
    started.push({ name: 'HTTP server (requests in flight)', stop: () => http.close() });
    return {
      url: http.url,
      port: http.port,
      dataSource,
      mailWorker,
      webhookWorker,
      billing,
      housekeeping,
      secrets,
      stop: stopAll,
      stopWaitingFor: () => stopping,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
