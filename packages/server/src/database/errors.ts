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
  return driverCodes(error).includes('ER_LOCK_DEADLOCK');
}
