import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';

/**
 * How often a database that went away is probed while it is down. Clients are told to come back
 * after it (Retry-After), and the first request after a successful probe goes through.
 */
export const DATABASE_PROBE_INTERVAL_MS = 1_000;

/** Retry-After (whole seconds) for answers given while the database is down. */
export const RETRY_AFTER_SECONDS = String(
  Math.max(1, Math.ceil(DATABASE_PROBE_INTERVAL_MS / 1000)),
);

/**
 * How Node's sockets and mysql2 say "the database cannot be reached": refused or reset
 * connections, timeouts, a lost connection, a server shutting down or out of connections.
 * mysql2 marks each of these `fatal` (the connection is gone), which tells its socket errors
 * apart from the same codes out of other clients (Stripe, SMTP). Everything else (a bad
 * statement, a constraint, a missing table) is a bug or bad data, not an outage, and stays a 500.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);
/** mysql2 says this (fatal, without a code) when a query meets a connection that already died */
const CLOSED_CONNECTION = /connection is in closed state/i;

/**
 * Whether an error, as TypeORM (`driverError`) or graphql-js (`originalError`; `thrownValue` when
 * the value thrown failed its `instanceof Error`, as errors from another realm do) wrapped it,
 * means the database is unreachable.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let candidate = error, depth = 0; depth < 4; depth += 1) {
    if (typeof candidate !== 'object' || candidate === null) return false;
    const { code, message, fatal, originalError, driverError, thrownValue } = candidate as {
      code?: unknown;
      message?: unknown;
      fatal?: unknown;
      originalError?: unknown;
      driverError?: unknown;
      thrownValue?: unknown;
    };
    if (typeof code === 'string' && MYSQL_CODES.has(code)) return true;
    if (fatal === true && typeof code === 'string' && SOCKET_CODES.has(code)) return true;
    if (fatal === true && typeof message === 'string' && CLOSED_CONNECTION.test(message)) {
      return true;
    }
    candidate = originalError ?? driverError ?? thrownValue;
  }
  return false;
}

export interface DatabaseAvailability {
  /** True from a connection failure until a probe (`SELECT 1`) gets through again. */
  readonly down: boolean;
  /**
   * Looks at an error a request ran into: when it means the database is unreachable, the
   * database counts as down (requests are then refused at once, without waiting on a connect
   * timeout each) and probing starts. Returns whether it meant that.
   */
  report(error: unknown, logger: Logger): boolean;
}

/** failed probes between two "still unreachable" log lines */
const STILL_DOWN_LOG_EVERY = 30;

const availabilities = new WeakMap<DataSource, DatabaseAvailability>();

/**
 * The availability of one DataSource (the process has one): a small circuit breaker. The first
 * probe runs at once, so a single connection dropped by a live server (an idle timeout) closes
 * the breaker again within milliseconds; while the server stays away, one probe per
 * DATABASE_PROBE_INTERVAL_MS, and the first one that gets through lets requests in again.
 *
 * SQLite never goes down here: it is a file opened inside this process, so it cannot become
 * unreachable and come back. Its errors (a full disk, a corrupt file, SQLITE_BUSY after the busy
 * timeout) are answered as internal errors, never as "try again in a second".
 */
export function databaseAvailability(dataSource: DataSource): DatabaseAvailability {
  const existing = availabilities.get(dataSource);
  if (existing) return existing;

  let down = false;
  let downSince = 0;
  let failedProbes = 0;
  let probing = false;
  let log: Logger | null = null;

  const probe = () => {
    if (probing) return;
    probing = true;
    dataSource
      .query('SELECT 1')
      .then(
        () => {
          down = false;
          log?.info('database: reachable again, requests go through', {
            downForMs: Date.now() - downSince,
          });
        },
        (error: unknown) => {
          // a DataSource that was closed (shutdown) is not probed any more
          if (!dataSource.isInitialized) return;
          failedProbes += 1;
          // a line every half minute of an outage, not one per probe
          if (failedProbes % STILL_DOWN_LOG_EVERY === 1) {
            log?.warn('database: still unreachable', {
              error,
              downForMs: Date.now() - downSince,
            });
          }
          setTimeout(probe, DATABASE_PROBE_INTERVAL_MS).unref();
        },
      )
      .finally(() => {
        probing = false;
      });
  };

  const availability: DatabaseAvailability = {
    get down() {
      return down;
    },
    report(error, logger) {
      if (dataSource.options.type === 'better-sqlite3' || !isDatabaseUnreachable(error)) {
        return false;
      }
      if (!down) {
        down = true;
        downSince = Date.now();
        failedProbes = 0;
        log = logger;
        logger.error('database: unreachable, answering 503 until a probe gets through', {
          error,
          probeIntervalMs: DATABASE_PROBE_INTERVAL_MS,
        });
        probe();
      }
      return true;
    },
  };
  availabilities.set(dataSource, availability);
  return availability;
}
