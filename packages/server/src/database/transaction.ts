import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite (better-sqlite3) has one connection: two transactions opened from concurrent requests
 * would both issue BEGIN on it and fail. So on SQLite, transactions take turns behind this queue;
 * on MariaDB each gets its own pooled connection and they run in parallel.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction: everything it writes commits together or not at all.
 * Every multi-statement write goes through here (and, on SQLite, every write that TypeORM would
 * wrap in a transaction of its own, such as `save`).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
