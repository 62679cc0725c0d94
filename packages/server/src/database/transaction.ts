import type { DataSource, EntityManager } from 'typeorm';
import { isDatabaseUnreachable } from './availability';
import { isNodeNotReady, isWriteConflict } from './errors';
import { failoverOf } from './failover';
import { STATEMENT_TIMEOUT_CODE } from './statement-timeout';

/**
 * SQLite (better-sqlite3) has one connection: two transactions opened from concurrent requests
 * would both issue BEGIN on it and fail. So on SQLite, transactions take turns behind this queue;
 * on MariaDB each gets its own pooled connection and they run in parallel.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** How many times in all a body runs when it keeps meeting conflicts (then the error goes on). */
export const TRANSACTION_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 800;

/**
 * The wait before run n+1: random between nothing and a ceiling that doubles each time ("full
 * jitter"), so transactions that met in a conflict do not start again in the same instant and
 * meet again (20 requests at once did, three times in a row, on a busy machine). At most about
 * 1.6 s of waiting in all.
 */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/** Thrown by a rehearsal (tests) after a body's first run, as a write conflict would be. */
const REHEARSAL = Object.assign(new Error('rehearsal: the body runs again'), { errno: 1213 });
const rehearsing = new WeakSet<DataSource>();

/**
 * Tests, on MariaDB: every transaction's body runs twice from now on, the first run rolled back
 * at its end exactly as a write conflict at commit would roll it back. What a body does outside
 * the database (an email sent, a counter kept in memory, a payment call) then shows up twice.
 */
export function rehearseTransactions(dataSource: DataSource, on = true): void {
  if (on) rehearsing.add(dataSource);
  else rehearsing.delete(dataSource);
}

/**
 * Why a run failed, and whether running the body again is safe and may succeed: a write
 * conflict (a deadlock's victim; on Galera also a conflict with another node's commit, found at
 * COMMIT), a lock wait timeout, a Galera node that is not ready (failover moves to the next
 * host), or a connection lost before COMMIT was sent (the server rolled the transaction back; a
 * connection lost during COMMIT may have committed, so that one is not run again, nor is a
 * statement that timed out: running it again would only wait as long once more).
 */
function worthAnotherRun(dataSource: DataSource, error: unknown, committing: boolean): boolean {
  if (error === REHEARSAL || isWriteConflict(error)) return true;
  if (isNodeNotReady(error)) {
    failoverOf(dataSource)?.nodeNotReady();
    return true;
  }
  const timedOut = (error as { code?: unknown } | null)?.code === STATEMENT_TIMEOUT_CODE;
  return !committing && !timedOut && isDatabaseUnreachable(error);
}

/**
 * Runs `work` in one database transaction: everything it writes commits together or not at all.
 * This is the one place where the portal starts transactions (TypeORM's `save` would start its
 * own: the code uses insert/update instead).
 *
 * On MariaDB a transaction may be rolled back whole by the database: InnoDB picks a deadlock's
 * victim, and on a Galera cluster a transaction that conflicts with another node's fails at
 * COMMIT. The body then runs again from the start on a fresh transaction, after a short random
 * wait, up to TRANSACTION_ATTEMPTS runs (see worthAnotherRun). So a body must only talk to the
 * database through `manager` and be safe to run twice: emails and webhook events go to their
 * outboxes, payment calls happen outside, and nothing it changes outside the database survives
 * a run that is rolled back (test/api/transaction-rehearsal.test.ts runs bodies twice).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') return inSqliteTransaction(dataSource, work);
  for (let attempt = 1; ; attempt++) {
    const rehearse = attempt === 1 && rehearsing.has(dataSource);
    const runner = dataSource.createQueryRunner();
    let committing = false;
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      if (rehearse) throw REHEARSAL;
      committing = true;
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (attempt >= TRANSACTION_ATTEMPTS || !worthAnotherRun(dataSource, error, committing))
        throw error;
    } finally {
      await runner.release();
    }
    await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
  }
}

function inSqliteTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
