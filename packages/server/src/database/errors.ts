/** Whether a write failed on a unique index (SQLite and MariaDB word it differently). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return [code, driverCode].some(
    (value) =>
      value === 'ER_DUP_ENTRY' ||
      value === 'SQLITE_CONSTRAINT_UNIQUE' ||
      value === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  );
}
