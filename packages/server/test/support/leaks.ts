/**
 * What a production answer must never show: internals that help an attacker and mean nothing to
 * a user. Each entry names the leak and how it looks in a body.
 */
const LEAKS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['a stack trace key', /"(stack|stacktrace)"\s*:/i],
  ['a stack frame', /\bat [\w$.<>]+ \(|\n\s+at /],
  ['a file path of this machine', /\/work\/|\/home\/|\/srv\/|\/tmp\//],
  ['node_modules', /node_modules/],
  ['a source line reference', /\.(ts|js|mjs|cjs):\d+/],
  ['an SQL statement', /\bSELECT\s|\bINSERT INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE FROM\b/],
  ['a MariaDB error code', /\bER_[A-Z_]{3,}/],
  ['an SQLite error code', /\bSQLITE_[A-Z_]+/],
  ['a TypeORM error', /QueryFailedError|EntityNotFound|TypeORMError/],
  ['a driver error', /\b(ECONNREFUSED|PROTOCOL_CONNECTION_LOST|driverError)\b/],
];

/** The leaks found in an answer's body (empty when it is clean), with the text around each. */
export function leaksIn(body: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(body);
    if (!match) continue;
    const start = Math.max(0, match.index - 40);
    found.push(`${name}: …${body.slice(start, match.index + match[0].length + 40)}…`);
  }
  return found;
}
