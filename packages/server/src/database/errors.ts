/** The driver's error codes on an error TypeORM passed on (its own and its driverError's). */
function driverCodes(error: unknown): unknown[] {
  const code = (error as { code?: unknown } | null)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return [code, driverCode];
}

/** Whether a write failed on a unique index (SQLite and MariaDB word it differently). */
export function isUniqueViolation(error: unknown): boolean {
  return driverCodes(error).some(
    (value) =>
      value === 'ER_DUP_ENTRY' ||
      value === 'SQLITE_CONSTRAINT_UNIQUE' ||
      value === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  );
}

/**
 * Whether MariaDB chose this transaction as a deadlock's victim (ER_LOCK_DEADLOCK, 1213): it was
 * rolled back whole and may simply run again. SQLite, one transaction at a time, never says so.
 */
export function isDeadlock(error: unknown): boolean {
  return hasMariaDbError(error, MariaDbErrno.DEADLOCK);
}

/** The MariaDB error numbers after which a transaction may simply run again from the start. */
export const MariaDbErrno = {
  /**
   * ER_LOCK_DEADLOCK: a deadlock's victim, and on Galera also a transaction that lost a write
   * conflict with another node's at commit (certification failure, or a brute-force abort by a
   * write set being applied). Rolled back whole.
   */
  DEADLOCK: 1213,
  /** ER_LOCK_WAIT_TIMEOUT: a row lock not granted in time (the transaction is rolled back here) */
  LOCK_WAIT_TIMEOUT: 1205,
  /**
   * ER_UNKNOWN_COM_ERROR as Galera uses it: "WSREP has not yet prepared node for application
   * use": the node is outside the primary component or still joining; another node can do it.
   */
  NODE_NOT_READY: 1047,
  /** ER_ERROR_DURING_COMMIT: Galera could not replicate the commit (e.g. it lost the primary) */
  ERROR_DURING_COMMIT: 1180,
} as const;

/** mysql2's names of those numbers (`code`) */
const ERRNO_CODES: Readonly<Record<number, string>> = {
  [MariaDbErrno.DEADLOCK]: 'ER_LOCK_DEADLOCK',
  [MariaDbErrno.LOCK_WAIT_TIMEOUT]: 'ER_LOCK_WAIT_TIMEOUT',
  [MariaDbErrno.NODE_NOT_READY]: 'ER_UNKNOWN_COM_ERROR',
  [MariaDbErrno.ERROR_DURING_COMMIT]: 'ER_ERROR_DURING_COMMIT',
};

/** Whether the driver said this error number (as `errno`, or its name as `code`). */
function hasMariaDbError(error: unknown, errno: number): boolean {
  const own = (error as { errno?: unknown } | null)?.errno;
  const driverErrno = (error as { driverError?: { errno?: unknown } } | null)?.driverError?.errno;
  return own === errno || driverErrno === errno || driverCodes(error).includes(ERRNO_CODES[errno]);
}

/**
 * A write conflict or lock timeout: the transaction was rolled back (or, for a lock wait
 * timeout, is rolled back by inTransaction) and may run again as it is.
 */
export function isWriteConflict(error: unknown): boolean {
  return (
    hasMariaDbError(error, MariaDbErrno.DEADLOCK) ||
    hasMariaDbError(error, MariaDbErrno.LOCK_WAIT_TIMEOUT) ||
    hasMariaDbError(error, MariaDbErrno.ERROR_DURING_COMMIT)
  );
}

/** A Galera node that cannot take work now (1047): another node can. */
export function isNodeNotReady(error: unknown): boolean {
  return hasMariaDbError(error, MariaDbErrno.NODE_NOT_READY);
}
