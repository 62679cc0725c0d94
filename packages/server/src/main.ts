import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from './config/config';
import { createLogger } from './observability/logger';
import { SHUTDOWN_GRACE_MS } from './http/app';
import { failoverOf } from './database/failover';
import { startPortal } from './portal';

const LOCAL_OPERATOR_EMAIL = 'operator@portal.localhost';

/**
 * The longest a graceful stop may take: requests in flight get SHUTDOWN_GRACE_MS, then the
 * workers finish the item in hand and the pool closes. Under the 30 s a container runtime
 * usually allows before SIGKILL.
 */
const SHUTDOWN_DEADLINE_MS = SHUTDOWN_GRACE_MS + 10_000;

/**
 * Outside production, a newcomer with no configuration still gets an operator to sign in with:
 * a fresh random password at every start, printed below.
 */
function withLocalOperator(config: Config): Config {
  if (config.operator || config.env === 'production') return config;
  return {
    ...config,
    operator: { email: LOCAL_OPERATOR_EMAIL, password: randomBytes(12).toString('base64url') },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger();
  const generatedOperator = !config.operator && config.env !== 'production';
  config = withLocalOperator(config);

  const portal = await startPortal(config, logger);
  const where =
    config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'MariaDB/MySQL';
  logger.info(
    `Entry Portal is running on ${config.publicUrl} (API and Sandbox: ${config.publicUrl}/graphql; database: ${where})`,
  );
  if (config.env !== 'production') {
    logger.info(
      `Dev outbox: the emails the portal sends are readable at ${config.publicUrl}/dev/outbox, from this machine only (loopback, no proxy) or by a signed-in operator; never with NODE_ENV=production`,
    );
  }
  if (generatedOperator && config.operator) {
    logger.info(
      `Sign in as the local operator: ${config.operator.email} / ${config.operator.password} (a new password each start; set OPERATOR_EMAIL and OPERATOR_PASSWORD to choose one)`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // a second Ctrl-C: whoever sent it does not want to wait
      logger.warn(`${signal} again: exiting without waiting`, {
        waitingFor: portal.stopWaitingFor(),
      });
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    // A step that never finishes must not leave a half-stopped process behind: say which, and go.
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting anyway', {
        waitingFor: portal.stopWaitingFor(),
        deadlineMs: SHUTDOWN_DEADLINE_MS,
      });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    portal.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // SIGHUP: back to the first host of DATABASE_URL once it is healthy again (failover.ts)
  process.on('SIGHUP', () => {
    const failover = failoverOf(portal.dataSource);
    if (!failover) return logger.info('SIGHUP: DATABASE_URL names one host, nothing to go back to');
    failover.reset();
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Start-up failed: ${error.message}` : error);
  process.exit(1);
});
