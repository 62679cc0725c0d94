import type { Socket } from 'node:net';
import type {
  AfterQueryEvent,
  BeforeQueryEvent,
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
} from 'typeorm';

/**
 * The code of the error a statement fails with when it went unanswered for too long: mysql2's own
 * code for its per-query timeout, so it counts as "the database cannot be reached" (a 503 and the
 * availability probe, see availability.ts) wherever that is decided.
 */
export const STATEMENT_TIMEOUT_CODE = 'PROTOCOL_SEQUENCE_TIMEOUT';

/** The part of a mysql2 pooled connection this needs (TypeORM types it as `any`). */
interface DriverConnection {
  readonly stream?: Socket;
}

/**
 * A MariaDB/MySQL server that still accepts connections but stops answering on them (frozen,
 * a lock that never clears, a network path that drops packets) would hold a request, and the
 * pooled connection under it, until TCP gives up: many minutes. mysql2 has no pool-wide query
 * timeout, and its per-query `timeout` (TypeORM's `enableQueryTimeout`) only rejects the promise:
 * the connection goes back to the pool with the stuck statement still on it, and the next
 * statement queued behind it waits, with no timer of its own, as long as the first. MariaDB's
 * `max_statement_time` cannot help either: a server or path that does not answer does not send
 * the error.
 *
 * So each statement gets a timer here: when it runs out, the connection's socket is destroyed.
 * mysql2 fails that statement and everything queued on the connection with a fatal error and
 * drops the connection from the pool; the request is answered 503, the availability probe runs,
 * and new connections (bounded by the connect timeout) replace the dropped ones once the database
 * answers again.
 *
 * Called once the migrations have run: a migration may rightly run one statement for minutes, and
 * cutting it off client-side would leave the server finishing it behind a failed start-up.
 * SQLite is a file inside this process: nothing to do there.
 */
export function limitStatementTime(dataSource: DataSource, timeoutMs: number): void {
  if (dataSource.options.type === 'better-sqlite3') return;
  dataSource.subscribers.push(statementTimer(timeoutMs));
}

function statementTimer(timeoutMs: number): EntitySubscriberInterface {
  // Statements on one connection are answered in the order they were sent: the oldest timer is
  // the one the next answer ends.
  const timers = new WeakMap<QueryRunner, NodeJS.Timeout[]>();
  return {
    beforeQuery({ queryRunner }: BeforeQueryEvent) {
      const timer = setTimeout(() => {
        const socket = (queryRunner as { databaseConnection?: DriverConnection }).databaseConnection
          ?.stream;
        socket?.destroy(
          Object.assign(
            new Error(`the database did not answer a statement within ${timeoutMs} ms`),
            { code: STATEMENT_TIMEOUT_CODE },
          ),
        );
      }, timeoutMs);
      // a forgotten timer must not keep a stopping process alive
      timer.unref();
      const pending = timers.get(queryRunner);
      if (pending) pending.push(timer);
      else timers.set(queryRunner, [timer]);
    },
    afterQuery({ queryRunner }: AfterQueryEvent) {
      clearTimeout(timers.get(queryRunner)?.shift());
    },
  };
}
