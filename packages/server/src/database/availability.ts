import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import { ServiceUnavailableError } from '../common/service-unavailable';
import { isNodeNotReady, isWriteConflict } from './errors';
import { failoverOf, NoHostAnsweredError } from './failover';
import { STATEMENT_TIMEOUT_CODE } from './statement-timeout';

/**
 * How often a database that went away is probed while it is down. Clients are told to come back
 * after it (Retry-After), and the first request after a successful probe goes through.
 */
export const DATABASE_PROBE_INTERVAL_MS = 1_000;

/** Retry-After (whole seconds) for the 503s given while the database is down or saturated. */
export const RETRY_AFTER_SECONDS = String(
  Math.max(1, Math.ceil(DATABASE_PROBE_INTERVAL_MS / 1000)),
);

/**
 * How Node's sockets and mysql2 say "the database cannot be reached": refused or reset
 * connections, timeouts (connecting, or a statement left unanswered: statement-timeout.ts), a
 * lost connection, a server shutting down or out of connections.
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
  STATEMENT_TIMEOUT_CODE,
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);
/** mysql2 says this (fatal, without a code) when a query meets a connection that already died */
const CLOSED_CONNECTION = /connection is in closed state/i;
/** mysql2's pool says this (no code) when every connection is busy and its wait queue is full */
const POOL_QUEUE_FULL = /^Queue limit reached\.?$/;

/**
 * An error and what it wraps: TypeORM's `driverError`, graphql-js's `originalError` (or
 * `thrownValue` when the value thrown failed its `instanceof Error`, as errors from another realm
 * do), a few levels deep.
 */
function* causes(error: unknown): Generator<Record<string, unknown>> {
  for (let candidate = error, depth = 0; depth < 4; depth += 1) {
    if (typeof candidate !== 'object' || candidate === null) return;
    const fields = candidate as Record<string, unknown>;
    yield fields;
    candidate = fields['originalError'] ?? fields['driverError'] ?? fields['thrownValue'];
  }
}

/**
 * Whether an error, however wrapped, means the database is unreachable: or, for a Galera node
 * outside the primary component or still joining (1047), unable to take work.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const cause of causes(error)) {
    const { code, message, fatal } = cause;
    if (isNodeNotReady(cause)) return true;
    if (typeof code === 'string' && MYSQL_CODES.has(code)) return true;
    if (fatal === true && typeof code === 'string' && SOCKET_CODES.has(code)) return true;
    if (fatal === true && typeof message === 'string' && CLOSED_CONNECTION.test(message)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether an error means this process has more requests than pooled connections and waiting
 * places (DATABASE_POOL_SIZE, DATABASE_QUEUE_LIMIT): the database is there, it is only busy, so
 * the request is answered 503 but nothing counts as down.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (const { message } of causes(error)) {
    if (typeof message === 'string' && POOL_QUEUE_FULL.test(message)) return true;
  }
  return false;
}

/**
 * Whether an error is a write conflict that kept coming back after inTransaction ran the body
 * TRANSACTION_ATTEMPTS times (or a statement outside a transaction lost one): the database is
 * there and nothing was written, so the request is answered 503 and may simply be sent again.
 */
export function isDatabaseConflict(error: unknown): boolean {
  for (const cause of causes(error)) if (isWriteConflict(cause)) return true;
  return false;
}

/** Whether another service the request needs did not answer (ServiceUnavailableError). */
function isOtherServiceDown(error: unknown): boolean {
  for (const cause of causes(error)) if (cause instanceof ServiceUnavailableError) return true;
  return false;
}

/** Whether a request that ran into this error should be told to come back later (503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    isDatabaseUnreachable(error) ||
    isDatabaseBusy(error) ||
    isDatabaseConflict(error) ||
    isOtherServiceDown(error)
  );
}

export interface DatabaseAvailability {
  /** True from a connection failure until a probe (`SELECT 1`) gets through again. */
  readonly down: boolean;
  /**
   * Looks at an error a request ran into: when it means the database is unreachable, the
   * database counts as down (requests are then refused at once, without waiting on a connect
   * timeout each) and probing starts; when it means the pool is saturated, nothing counts as
   * down. Returns whether the request should be answered 503 (either of the two).
   */
  report(error: unknown, logger: Logger): boolean;
}

/** failed probes between two "still unreachable" log lines */
const STILL_DOWN_LOG_EVERY = 30;
/** at most one "pool saturated" line this often: under overload, not one per refused request */
const BUSY_LOG_EVERY_MS = 10_000;

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
  let refusedBusy = 0;
  let busyLoggedAt = Number.NEGATIVE_INFINITY;
  let conflicts = 0;
  let conflictLoggedAt = Number.NEGATIVE_INFINITY;

  const countConflict = (logger: Logger, error: unknown) => {
    conflicts += 1;
    if (Date.now() - conflictLoggedAt < BUSY_LOG_EVERY_MS) return;
    logger.warn(
      'database: a write conflict kept coming back after every retry (many writers on the same rows, maybe on several Galera nodes): answering 503',
      { conflictsSinceLastLine: conflicts, error },
    );
    conflicts = 0;
    conflictLoggedAt = Date.now();
  };

  const countBusy = (logger: Logger) => {
    refusedBusy += 1;
    if (Date.now() - busyLoggedAt < BUSY_LOG_EVERY_MS) return;
    logger.warn(
      'database: every pooled connection is busy and the wait queue is full: answering 503',
      {
        refusedSinceLastLine: refusedBusy,
        settings: 'DATABASE_POOL_SIZE, DATABASE_QUEUE_LIMIT',
      },
    );
    refusedBusy = 0;
    busyLoggedAt = Date.now();
  };

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
      // logged where it is noticed (the Redis client's own error events)
      if (isOtherServiceDown(error)) return true;
      if (dataSource.options.type === 'better-sqlite3') return false;
      if (isDatabaseBusy(error)) {
        countBusy(logger);
        return true;
      }
      if (isDatabaseConflict(error)) {
        countConflict(logger, error);
        return true;
      }

      if (!isDatabaseUnreachable(error)) return false;
      const failover = failoverOf(dataSource);
      if (failover) {
        const reasons = [...causes(error)];
        // a node that cannot take work (1047) or left a statement unanswered: the next host
        // takes over
        if (
          reasons.some((cause) => isNodeNotReady(cause) || cause['code'] === STATEMENT_TIMEOUT_CODE)
        )
          failover.nodeNotReady();
        // With other hosts to go to, a connection lost to one is not an outage: this request is
        // answered 503 and the next ones connect to the next host that answers. Refusing them
        // all at once (the breaker) would only turn a short wait into 503s while the cluster
        // settles (its survivors stall writes until the dead node is declared gone). When no
        // host answers at all, the breaker below takes over.
        if (!reasons.some((cause) => cause instanceof NoHostAnsweredError)) return true;
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
