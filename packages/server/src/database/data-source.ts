import { DataSource, type Logger, type MigrationInterface } from 'typeorm';
import { DEFAULT_DATABASE_LIMITS, type DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import {
  attachFailover,
  HostFailover,
  HOST_CONNECT_TIMEOUT_MS,
  parseMysqlAddress,
} from './failover';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';

export interface DataSourceOptions {
  /** counts or prints statements (tests count them to catch N+1 queries) */
  readonly logger?: Logger;
  /** connection pool size on MariaDB */
  readonly poolSize?: number;
  /** requests that may wait for a pooled connection on MariaDB; beyond it they fail at once */
  readonly queueLimit?: number;
}

/** How long opening a MariaDB connection (TCP, handshake, sign-in) may take. */
export const DATABASE_CONNECT_TIMEOUT_MS = 2_000;

/** The migrations of one database dialect: they are generated separately from the same entities. */
export function migrationsFor(database: DatabaseConfig): Array<new () => MigrationInterface> {
  return database.type === 'sqlite' ? SQLITE_MIGRATIONS : MYSQL_MIGRATIONS;
}

/**
 * The one way the server opens its database: SQLite (embedded, the default) or MariaDB/MySQL.
 * Never `synchronize`: the schema only changes through the committed migrations.
 */
export function createDataSource(
  database: DatabaseConfig,
  options: DataSourceOptions = {},
): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: migrationsFor(database),
    migrationsRun: false,
    synchronize: false,
    logging: options.logger ? ('all' as const) : false,
    logger: options.logger,
  };
  if (database.type === 'sqlite') {
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      // WAL lets readers go on while a write commits; the timeout waits out a concurrent writer
      // instead of failing at once with SQLITE_BUSY.
      enableWAL: database.path !== ':memory:',
      timeout: 10_000,
    });
  }
  const poolSize = options.poolSize ?? DEFAULT_DATABASE_LIMITS.poolSize;
  const address = parseMysqlAddress(database.url);
  // Several hosts (a Galera cluster's nodes): every connection goes to the current one, and on
  // to the next when it stops answering (failover.ts). One host: mysql2 connects as usual.
  const failover = address && address.hosts.length > 1 ? new HostFailover(address.hosts) : null;
  const where = failover
    ? {
        host: address!.hosts[0]!.host,
        port: address!.hosts[0]!.port,
        username: address!.user,
        password: address!.password,
        database: address!.database,
      }
    : { url: database.url };
  const dataSource = new DataSource({
    ...common,
    // 'mariadb', not 'mysql': with 'mysql' TypeORM reads MariaDB's schema back differently from
    // what it writes and every migration check invents a diff. Same mysql2 driver either way.
    type: 'mariadb',
    ...where,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize,
    // A database that does not answer costs one request this long, not mysql2's default 10 s;
    // after it, requests are refused at once until a probe gets through (availability.ts). With
    // several hosts, each may take HOST_CONNECT_TIMEOUT_MS to refuse before the next is tried.
    connectTimeout:
      DATABASE_CONNECT_TIMEOUT_MS +
      (failover ? (failover.hosts.length - 1) * HOST_CONNECT_TIMEOUT_MS : 0),
    // A full queue fails the request at once with "Queue limit reached." (a 503: isDatabaseBusy)
    // rather than letting waiters pile up without bound behind a saturated pool.
    extra: {
      connectionLimit: poolSize,
      queueLimit: options.queueLimit ?? DEFAULT_DATABASE_LIMITS.queueLimit,
      // mysql2 otherwise captures a stack trace for every statement (1.7 % of the portal's CPU
      // under load); V8's async stack traces already lead a failed statement back to its caller
      trace: false,
      ...(failover ? { stream: failover.stream } : {}),
    },
  });
  if (failover) attachFailover(dataSource, failover);
  return dataSource;
}
