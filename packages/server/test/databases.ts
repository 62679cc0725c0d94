import type { Dialect } from './portal';

/**
 * The databases every integration suite runs on: SQLite always, MariaDB/MySQL when
 * TEST_MYSQL_URL names a server (the root test script sets it when one answers). In CI a
 * missing MySQL is a failure, never a silent skip.
 */
export function testDialects(): Dialect[] {
  if (process.env['TEST_MYSQL_URL']) return ['sqlite', 'mysql'];
  if (process.env['CI'] === 'true') {
    throw new Error(
      'CI=true but TEST_MYSQL_URL is not set: the MySQL half of the suite would be skipped',
    );
  }
  return ['sqlite'];
}
