/**
 * Bills a month from the command line, with a progress bar per phase:
 *   pnpm --filter @entry/server billing:run [YYYY-MM]
 *     [--concurrency 4]          companies billed at once (MariaDB; SQLite bills one at a time)
 *     [--charge-concurrency 8]   charges in flight at once
 *     [--stripe-rate N]          requests per second sent to Stripe (default 80 live, 20 test)
 * Same effect as the runBilling operation: all invoices first, then the automatic charges;
 * idempotent, safe next to running servers (it waits while one of them bills), and a second run
 * finishes what a stopped one left.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { parsePeriod, previousPeriod } from '../billing/billing-period';
import {
  chargeOpenInvoices,
  createInvoices,
  DEFAULT_BILLING_CONCURRENCY,
  DEFAULT_CHARGE_CONCURRENCY,
} from '../billing/billing-run';
import { whileBillingExclusively } from '../billing/billing-lease';
import { withPhaseProgress } from './phase-progress';
import { createPaymentProvider } from '../billing/payments/create-payment-provider';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { createLogger } from '../observability/logger';

const USAGE =
  'usage: billing:run [YYYY-MM] [--concurrency N] [--charge-concurrency N] [--stripe-rate N]';

function positiveOption(name: string, raw: string | undefined, fallback?: number) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number (got "${raw}")\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      concurrency: { type: 'string' },
      'charge-concurrency': { type: 'string' },
      'stripe-rate': { type: 'string' },
    },
  });
  const config = loadConfig();
  const argument = positionals[0];
  const period = argument ? parsePeriod(argument) : previousPeriod(new Date());
  if (!period || positionals.length > 1) {
    console.error(`${USAGE}   (got "${positionals.join(' ')}")`);
    process.exit(2);
  }
  const concurrency = positiveOption(
    'concurrency',
    values.concurrency,
    DEFAULT_BILLING_CONCURRENCY,
  );
  const chargeConcurrency = positiveOption(
    'charge-concurrency',
    values['charge-concurrency'],
    DEFAULT_CHARGE_CONCURRENCY,
  );
  const stripeRate = positiveOption('stripe-rate', values['stripe-rate']);
  const logger = createLogger();
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const deps = {
      dataSource,
      config,
      logger,
      payments: createPaymentProvider(
        config,
        dataSource,
        logger,
        stripeRate ? { maxRequestsPerSecond: stripeRate } : {},
      ),
    };
    const now = new Date();
    // One process bills at a time (billing-lease.ts): a running server's pass, or another
    // billing:run, finishes first, and this one then finds the period billed.
    await whileBillingExclusively(dataSource, async (signal) => {
      const created = await withPhaseProgress(`billing ${period.period}: companies`, (onProgress) =>
        createInvoices(deps, period, { now, concurrency, onProgress, signal }),
      );
      const charges = await withPhaseProgress(`charging ${period.period}: invoices`, (onProgress) =>
        chargeOpenInvoices(deps, period, {
          now,
          concurrency: chargeConcurrency,
          onProgress,
          signal,
        }),
      );
      console.log(
        `${created} invoice(s) created, ${charges.charged} automatic payment(s), ${charges.failed} failed`,
      );
    });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
