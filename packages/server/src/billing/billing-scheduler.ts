import { UserInputProblem } from '../common/user-errors';
import type { BillingDeps } from './billing-deps';
import { previousPeriod } from './billing-period';
import { whileBillingExclusively } from './billing-lease';
import { periodPending, runBilling } from './billing-run';
import { runOverdueSteps } from './overdue';
import { chargeInvoice, dueRetries, stalePendingAttempts } from './payments/invoice-payments';

export interface BillingScheduler {
  /**
   * one pass: bill last month if anyone waits for it, retry due payments, then the overdue path
   * (reminders, suspensions, restorations)
   */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Billing by itself: a pass at start-up (which catches up a month missed while the server was
 * down) and then every `intervalMs`. Several servers may run it at once: one at a time passes
 * (billing-lease.ts), and even without that invoices are unique per company and period, and
 * charges are keyed per invoice and attempt.
 */
export function startBillingScheduler(
  deps: BillingDeps,
  options: { intervalMs: number; now?: () => Date },
): BillingScheduler {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  // Shutdown must not wait for a whole month's run (a minute for 100,000 sites): stop() lets the
  // company or charge in hand finish and starts no other; the next pass, here or on another
  // server, carries on from there.
  const stopping = new AbortController();
  const { signal } = stopping;

  const pass = async () => {
    await whileBillingExclusively(deps.dataSource, (exclusive) => billingPass(exclusive), signal);
  };

  const billingPass = async (signal: AbortSignal) => {
    const moment = now();
    const period = previousPeriod(moment);
    if (await periodPending(deps.dataSource, period))
      await runBilling(deps, period, { now: moment, signal });
    for (const invoiceId of await dueRetries(deps.dataSource, moment)) {
      if (signal.aborted) return;
      try {
        await chargeInvoice(deps, invoiceId, 'RETRY', null, null, moment);
      } catch (error) {
        if (!(error instanceof UserInputProblem))
          deps.logger.error('payment retry failed', { invoiceId, error });
      }
    }
    if (signal.aborted) return;
    for (const attempt of await stalePendingAttempts(deps.dataSource, moment)) {
      deps.logger.error(
        'payment attempt still pending after the provider forgot its idempotency key: check it in the provider before charging again',
        {
          invoiceId: attempt.invoiceId,
          attemptId: attempt.id,
          idempotencyKey: attempt.idempotencyKey,
        },
      );
    }
    const steps = await runOverdueSteps(deps, moment);
    if (steps.reminded || steps.suspended || steps.restored)
      deps.logger.info(
        `billing: ${steps.reminded} overdue reminder(s), ${steps.suspended} compan${steps.suspended === 1 ? 'y' : 'ies'} suspended, ${steps.restored} restored`,
      );
  };

  const tick = async () => {
    // one pass at a time in this process; a pass still running is joined, not doubled
    running ??= pass()
      .catch((error: unknown) =>
        deps.logger.error('billing pass failed; the next one tries again', { error }),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => {
    if (!signal.aborted) void tick();
  }, options.intervalMs);
  timer.unref();
  void tick();

  return {
    tick,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
