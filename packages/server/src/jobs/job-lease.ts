import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/errors';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';

/**
 * A job that one server process at a time does, held in a row of the database every process
 * shares: nothing that only one MariaDB node knows (GET_LOCK and LOCK TABLES are node-local on a
 * Galera cluster and not replicated), and nothing that outlives a killed holder for long. The
 * holder renews the lease every third of its length; a holder that stops renewing (killed, cut
 * off from the database) loses it when it runs out, and the next process that asks takes the
 * job over and carries on where the work shows it stopped.
 *
 * Lease ends are judged by each process's clock: the servers' clocks must agree to well within
 * the lease length (NTP).
 */
export interface Lease {
  readonly name: string;
  /** aborted once the lease is released or lost: work under it stops between items */
  readonly signal: AbortSignal;
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** how long the lease lasts without renewal (30 s) */
  readonly ttlMs?: number;
  /**
   * Wait until the lease is free (polling every `pollMs`, 1 s) instead of answering null at once
   * when another process holds it; an aborted `signal` ends the wait with null.
   */
  readonly wait?: { readonly signal?: AbortSignal; readonly pollMs?: number };
  /** the table: job_lease, or the start-up's schema lock (schema-lock.ts) */
  readonly table?: string;
}

export const DEFAULT_LEASE_MS = 30_000;

/** A column value read back raw: mysql2 gives a Date, SQLite the text it stores (UTC). */
function readDateTime(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

function quoted(dataSource: DataSource, name: string): string {
  return dataSource.options.type === 'better-sqlite3' ? `"${name}"` : `\`${name}\``;
}

/** Takes the lease when nobody holds it or its holder let it run out. */
async function tryTake(
  dataSource: DataSource,
  table: string,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const t = quoted(dataSource, table);
  const lock = dataSource.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
  return inTransaction(dataSource, async (manager) => {
    const now = new Date();
    const expiresAt = sqlDateTime(dataSource, new Date(now.getTime() + ttlMs));
    const rows: Array<{ expiresAt: unknown }> = await manager.query(
      `SELECT expiresAt FROM ${t} WHERE name = ?${lock}`,
      [name],
    );
    if (rows.length === 0) {
      try {
        await manager.query(`INSERT INTO ${t} (name, holder, expiresAt) VALUES (?, ?, ?)`, [
          name,
          holder,
          expiresAt,
        ]);
        return true;
      } catch (error) {
        // another process inserted it first (on Galera this comes as a conflict at COMMIT,
        // and the body's next run finds the row)
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    }
    if (readDateTime(rows[0]!.expiresAt).getTime() > now.getTime()) return false;
    await manager.query(`UPDATE ${t} SET holder = ?, expiresAt = ? WHERE name = ?`, [
      holder,
      expiresAt,
      name,
    ]);
    return true;
  });
}

/** Extends the lease; false when another process holds it now. */
async function renew(
  dataSource: DataSource,
  table: string,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const t = quoted(dataSource, table);
  return inTransaction(dataSource, async (manager) => {
    await manager.query(`UPDATE ${t} SET expiresAt = ? WHERE name = ? AND holder = ?`, [
      sqlDateTime(dataSource, new Date(Date.now() + ttlMs)),
      name,
      holder,
    ]);
    const rows: Array<{ holder: string }> = await manager.query(
      `SELECT holder FROM ${t} WHERE name = ?`,
      [name],
    );
    return rows[0]?.holder === holder;
  });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * The lease named `name`, or null when another process holds it (or, with `wait`, when the wait
 * was aborted). Release it when done; until then it renews itself.
 */
export async function acquireLease(
  dataSource: DataSource,
  name: string,
  options: LeaseOptions = {},
): Promise<Lease | null> {
  const table = options.table ?? 'job_lease';
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_MS;
  // one holder per acquisition: two portals in one process (tests) are two holders
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`.slice(0, 120);
  while (!(await tryTake(dataSource, table, name, holder, ttlMs))) {
    if (!options.wait || options.wait.signal?.aborted) return null;
    await sleep(options.wait.pollMs ?? 1_000, options.wait.signal);
    if (options.wait.signal?.aborted) return null;
  }

  const ended = new AbortController();
  let validUntil = Date.now() + ttlMs;
  const timer = setInterval(() => {
    renew(dataSource, table, name, holder, ttlMs).then(
      (held) => {
        if (held) validUntil = Date.now() + ttlMs;
        else ended.abort(new Error(`lease ${name} was taken over`));
      },
      () => {
        // the database did not answer: the lease stands until it would have run out
        if (Date.now() >= validUntil) ended.abort(new Error(`lease ${name} ran out`));
      },
    );
  }, ttlMs / 3);
  timer.unref();
  ended.signal.addEventListener('abort', () => clearInterval(timer), { once: true });

  return {
    name,
    signal: ended.signal,
    async release() {
      if (ended.signal.aborted) return;
      ended.abort(new Error(`lease ${name} released`));
      const t = quoted(dataSource, table);
      await inTransaction(dataSource, (manager) =>
        manager.query(`DELETE FROM ${t} WHERE name = ? AND holder = ?`, [name, holder]),
      );
    },
  };
}

/**
 * Runs `work` under the lease, then releases it: null when another process holds it and there
 * is no `wait` (or the wait was aborted). `work` gets the lease's signal, aborted if the lease is
 * lost meanwhile: it should stop between items then, as another process has taken over.
 */
export async function withLease<T>(
  dataSource: DataSource,
  name: string,
  work: (signal: AbortSignal) => Promise<T>,
  options: LeaseOptions = {},
): Promise<{ readonly result: T } | null> {
  const lease = await acquireLease(dataSource, name, options);
  if (!lease) return null;
  try {
    return { result: await work(lease.signal) };
  } finally {
    // a release that cannot reach the database leaves a lease that runs out within ttlMs
    await lease.release().catch(() => undefined);
  }
}
