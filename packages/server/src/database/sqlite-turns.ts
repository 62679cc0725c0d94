import type { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * better-sqlite3 runs each statement synchronously, and TypeORM hands its result back through
 * promises that are already settled: a request's next statement then runs in the same turn of
 * the event loop, and so do the statements of every other request in flight. Twenty-five
 * concurrent sign-ins (about six statements each) held the loop for 60-90 ms in one piece, and
 * /healthz and every other request waited behind them (pnpm bench --only abuse).
 *
 * So on SQLite each statement first waits for the next turn of the event loop (setImmediate,
 * after pending I/O): a chain of statements becomes many short tasks that other requests can
 * slip between. It costs a few microseconds per statement. TypeORM awaits a subscriber's
 * beforeQuery promise before it runs the statement, for raw queries and the query builder
 * alike. MariaDB's statements are I/O already: nothing to do there.
 */
export function takeTurnsOnSqlite(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  dataSource.subscribers.push(nextTurnBeforeEachStatement);
}

const nextTurnBeforeEachStatement: EntitySubscriberInterface = {
  beforeQuery: () => new Promise<void>((resolve) => setImmediate(resolve)),
};
