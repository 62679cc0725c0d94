import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Makes a read inside a transaction a locking one on MariaDB: 'share' (LOCK IN SHARE MODE) keeps
 * the rows from changing until the commit while letting other readers lock them too; 'update'
 * (FOR UPDATE) keeps them to this transaction. A locking read sees the latest committed rows, not
 * the transaction's snapshot. SQLite runs one transaction at a time: nothing to lock there.
 */
export function lockRows<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  mode: 'share' | 'update',
): SelectQueryBuilder<T> {
  if (query.connection.options.type === 'better-sqlite3') return query;
  return query.setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write');
}
