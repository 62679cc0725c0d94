import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Config } from './config/config';
import { createDataSource } from './database/data-source';
import { buildPortalSchema } from './graphql/schema';
import { startHttpServer, type HttpServer } from './http/app';
import { provisionOperator } from './accounts/operators';
import { syncAccessLevels } from './people/sync-access-levels';
import type { Logger } from './observability/logger';

export interface Portal {
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource;
  /** Graceful: in-flight requests finish, then the database pool closes. */
  stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and starts serving. */
export async function startPortal(config: Config, logger: Logger): Promise<Portal> {
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  let http: HttpServer | undefined;
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length)
      logger.info(`database: applied ${applied.length} migration(s)`, {
        migrations: applied.map((m) => m.name),
      });
    await syncAccessLevels(dataSource);
    if (config.operator) await provisionOperator(dataSource, config.operator);
    http = await startHttpServer({ config, dataSource, schema: await buildPortalSchema(), logger });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const server = http;
  return {
    url: server.url,
    port: server.port,
    dataSource,
    stop: async () => {
      await server.close();
      await dataSource.destroy();
    },
  };
}
