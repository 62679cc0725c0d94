import type { DataSource } from 'typeorm';

/**
 * A Date as a query-builder parameter: mysql2 binds Date objects itself, but the SQLite driver
 * stores datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' text (UTC) and needs the same text to compare.
 */
export function sqlDateTime(dataSource: DataSource, date: Date): Date | string {
  if (dataSource.options.type !== 'better-sqlite3') return date;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
