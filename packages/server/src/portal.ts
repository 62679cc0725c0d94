import 'reflect-metadata';
import type { DataSource, Logger as DatabaseLogger } from 'typeorm';
import type { Config } from './config/config';
import { createDataSource } from './database/data-source';
import { buildPortalSchema } from './graphql/schema';
import { startHttpServer, type HttpServer } from './http/app';
import { provisionOperator } from './accounts/operators';
import { syncAccessLevels } from './people/sync-access-levels';
import type { Logger } from './observability/logger';
import { createMailTransport, startMailWorker, type MailTransport, type MailWorker } from './mail';

export interface PortalOptions {
  /** how often the mail worker looks for due mail; null: only on drain() (tests) */
  readonly mailPollIntervalMs?: number | null;
  /** sees every SQL statement (tests count them to catch N+1 queries) */
  readonly databaseLogger?: DatabaseLogger;
}

export interface Portal {
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource;
  readonly mailWorker: MailWorker;
  /** Graceful: in-flight requests finish, then the database pool closes. */
  stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and starts serving. */
export async function startPortal(
  config: Config,
  logger: Logger,
  options: PortalOptions = {},
): Promise<Portal> {
  const dataSource = createDataSource(config.database, { logger: options.databaseLogger });
  await dataSource.initialize();
  let http: HttpServer | undefined;
  let mailWorker: MailWorker | undefined;
  let transport: MailTransport | undefined;
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length)
      logger.info(`database: applied ${applied.length} migration(s)`, {
        migrations: applied.map((m) => m.name),
      });
    await syncAccessLevels(dataSource);
    if (config.operator) await provisionOperator(dataSource, config.operator);
    transport = createMailTransport({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
      logger,
    });
    mailWorker = startMailWorker({
      dataSource,
      transport,
      logger,
      pollIntervalMs: options.mailPollIntervalMs === undefined ? 1000 : options.mailPollIntervalMs,
      // bodies may hold temporary passwords; outside production the dev outbox shows them
      purgeBodiesAfterSend: config.env === 'production',
    });
    http = await startHttpServer({ config, dataSource, schema: await buildPortalSchema(), logger });
  } catch (error) {
    await mailWorker?.stop();
    transport?.close();
    await dataSource.destroy();
    throw error;
  }
  const server = http;
  const worker = mailWorker;
  const mailTransport = transport;
  return {
    url: server.url,
    port: server.port,
    dataSource,
    mailWorker: worker,
    stop: async () => {
      await server.close();
      await worker.stop();
      mailTransport.close();
      await dataSource.destroy();
    },
  };
}
