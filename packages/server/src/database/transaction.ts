import type { DataSource, EntityManager } from 'typeorm';
import { isDeadlock } from './errors';

/**
 * SQLite (better-sqlite3) has one connection: two transactions opened from concurrent requests
 * would both issue BEGIN on it and fail. So on SQLite, transactions take turns behind this queue;
 * on MariaDB each gets its own pooled connection and they run in parallel.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** How many times in all a body runs when MariaDB keeps choosing it as a deadlock's victim. */
export const DEADLOCK_ATTEMPTS = 5;

/**
 * The wait before run n+1: random and growing, so transactions that deadlocked together do not
 * start again in the same instant and meet in the same deadlock (20 requests at once did, three
 * times in a row, on a busy machine).
 */
function deadlockBackoffMs(attempt: number): number {
  return Math.random() * 10 * 2 ** attempt;
}

/**
 * Runs `work` in one database transaction: everything it writes commits together or not at all.
 * Every multi-statement write goes through here (and, on SQLite, every write that TypeORM would
 * wrap in a transaction of its own, such as `save`).
 *
 * On MariaDB, InnoDB may roll a transaction back whole as a deadlock's victim (two requests
 * locking rows or index gaps in another order, e.g. two password resets for one person at once);
 * the body then simply runs again, from the start, on a fresh transaction. So a body must only
 * talk to the database through `manager`: emails go to the outbox, payment calls happen outside.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') {
    for (let attempt = 1; ; attempt++) {
      try {
        return await dataSource.transaction(work);
      } catch (error) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, deadlockBackoffMs(attempt)));
      }
    }
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
