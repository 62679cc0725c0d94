import type { Logger as DatabaseLogger } from 'typeorm';

/**
 * Counts the SQL statements a portal sends while `count` runs: pass `logger` to startPortal's
 * `databaseLogger`. The statement-count test and the statements benchmark both count with it.
 */
export function statementCounter() {
  const statements: string[] = [];
  let counting = false;
  const logger: DatabaseLogger = {
    logQuery: (query) => {
      if (counting) statements.push(query);
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  return {
    logger,
    async count(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
      statements.length = 0;
      counting = true;
      try {
        await work();
      } finally {
        counting = false;
      }
      return { count: statements.length, statements: [...statements] };
    },
  };
}
