import type { DataSource } from 'typeorm';
import { withLease } from '../jobs/job-lease';

/**
 * One process bills at a time: the scheduler's pass, `billing:run` and the runBilling operation
 * each hold this lease while they work, and wait for it when another process holds it (then
 * find the period billed). Billing would stay correct without it (an invoice is unique per
 * company and period, numbers are taken under the year's counter row, charges are keyed per
 * invoice and attempt), but on a Galera cluster two processes on two nodes would both bill the
 * same companies in the same order, and every invoice of one would conflict at COMMIT with the
 * other's on the counter row: double the work, and retries that may run out. A process killed
 * halfway lets the next one take over once the lease runs out (30 s); billing carries on from
 * the companies without an invoice.
 */
export const BILLING_LEASE = 'billing';

/**
 * Runs `work` holding the billing lease, waiting for it while another process bills; null when
 * `signal` aborted the wait. `work` gets a signal that aborts when `signal` does or the lease is
 * lost.
 */
export async function whileBillingExclusively<T>(
  dataSource: DataSource,
  work: (signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
): Promise<T | null> {
  const held = await withLease(
    dataSource,
    BILLING_LEASE,
    (leaseSignal) => work(signal ? AbortSignal.any([signal, leaseSignal]) : leaseSignal),
    { wait: { signal } },
  );
  return held ? held.result : null;
}
