import type { DataSource } from 'typeorm';
import { withLease } from '../jobs/job-lease';
import type { Logger } from '../observability/logger';

/**
 * The lease of the start-up's schema work. Not a migrated table (job_lease is one): it must
 * exist before the first migration runs, so it is created here, like TypeORM's own `migrations`
 * table, and the drift check does not see it.
 */
export const SCHEMA_LOCK_TABLE = 'portal_schema_lock';

/**
 * Runs the start-up's schema work (the migrations, then the rows every process writes at start:
 * access levels, the configured operator) in one server process at a time. Several processes
 * started at once (a deploy, an upgrade) would otherwise run the same migration side by side
 * and fail on each other's tables: one applies them and the others wait, then find nothing left
 * to apply. GET_LOCK cannot do this on a Galera cluster (node-local, not replicated); a lease row
 * can, and a process killed halfway lets the next one take over within the lease's 30 s.
 * SQLite is one process's file: nothing to share.
 */
export async function withSchemaLock<T>(
  dataSource: DataSource,
  logger: Logger,
  work: () => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') return work();
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS \`${SCHEMA_LOCK_TABLE}\` (` +
      '`name` varchar(100) NOT NULL, `holder` varchar(120) NOT NULL, `expiresAt` datetime(3) NOT NULL, ' +
      'PRIMARY KEY (`name`)) ENGINE=InnoDB',
  );
  const options = { table: SCHEMA_LOCK_TABLE };
  const now = await withLease(dataSource, 'schema', work, options);
  if (now) return now.result;
  logger.info('database: another server process is updating the schema; waiting for it to finish');
  const waited = await withLease(dataSource, 'schema', work, { ...options, wait: { pollMs: 500 } });
  if (!waited) throw new Error('database: gave up waiting for the schema lock');
  return waited.result;
}
