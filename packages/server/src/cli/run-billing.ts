/**
 * Bills a month from the command line, with a progress bar:
 *   pnpm --filter @entry/server billing:run 2026-10
 * Same effect as the runBilling operation: idempotent, safe next to running servers.
 */
import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { parsePeriod, previousPeriod } from '../billing/billing-period';
import { runBilling } from '../billing/billing-run';
import { createPaymentProvider } from '../billing/payments/create-payment-provider';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { createLogger } from '../observability/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const argument = process.argv[2];
  const period = argument ? parsePeriod(argument) : previousPeriod(new Date());
  if (!period) {
    console.error(`usage: billing:run [YYYY-MM]   (got "${argument}")`);
    process.exit(2);
  }
  const logger = createLogger();
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const bar = new SingleBar(
      { format: `billing ${period.period} [{bar}] {value}/{total} companies`, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    const result = await runBilling(
      { dataSource, config, logger, payments: createPaymentProvider(config, dataSource, logger) },
      period,
      {
        onProgress: (done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
      },
    );
    if (started) bar.stop();
    console.log(
      `${result.created} invoice(s) created, ${result.charged} automatic payment(s), ${result.failed} failed`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
