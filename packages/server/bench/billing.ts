/**
 * The billing benchmark: last month's invoices for every company of the benchmark data set
 * (100,000 sites), then the charging of the automatic payers against the Stripe stand-in limited
 * like Stripe's live API.
 *
 *   cd packages/server && node -r @swc-node/register bench/billing.ts
 *     [--database mysql://root@127.0.0.1:3306/entry_bench_billing | sqlite:/tmp/entry_bench.sqlite]
 *     [--scale 0.1]            a smaller data set of the same shape
 *     [--reuse-seed]           keep the seeded data, delete only what a billing run writes
 *     [--concurrency 4]        companies billed at once (MariaDB)
 *     [--charge-concurrency 4] charges in flight at once
 *     [--stripe-rate 80]       requests per second the portal sends to Stripe
 *     [--standin-limit 100]    requests per second the stand-in answers before it says 429
 *
 * Phase 1 (generation) is createInvoices, the first phase of a production run; phase 2 is
 * chargeOpenInvoices, its second, through the real Stripe SDK and our Stripe provider.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { BillingAccountEntity } from '../src/billing/billing-account.entity';
import type { BillingDeps } from '../src/billing/billing-deps';
import { previousPeriod, type BillingPeriod } from '../src/billing/billing-period';
import {
  chargeOpenInvoices,
  createInvoices,
  DEFAULT_BILLING_CONCURRENCY,
  DEFAULT_CHARGE_CONCURRENCY,
} from '../src/billing/billing-run';
import { forEachConcurrently } from '../src/billing/concurrency';
import { withPhaseProgress } from '../src/cli/phase-progress';
import { InvoiceEntity, InvoiceStatus } from '../src/billing/invoice.entity';
import { createSandboxProvider } from '../src/billing/payments/sandbox-provider';
import {
  createStripeProvider,
  STRIPE_LIVE_REQUESTS_PER_SECOND,
} from '../src/billing/payments/stripe-provider';
import { CompanyEntity, PaymentMethodType } from '../src/companies/company.entity';
import { loadConfig, type StripeConfig } from '../src/config/config';
import { createDataSource } from '../src/database/data-source';
import type { Logger } from '../src/observability/logger';
import { PersonEntity } from '../src/people/person.entity';
import { startStripeStandin, type StripeStandin } from '../test/support/stripe-standin';
import { figure, round, writeBenchReport, type BenchFigure } from './report';
import {
  DEFAULT_BENCH_MYSQL_URL,
  scaledSeedOptions,
  seedBench,
  seedProgressBar,
  type SeedResult,
} from './seed';

const GENERATION_GOAL_SECONDS = 60;
/** Stripe's live-mode limit, which the stand-in enforces by default. */
const STRIPE_LIVE_LIMIT = 100;
const SECRET_KEY = 'sk_test_bench_billing';

/** What a billing run writes: deleted before a run on a reused seed, children first. */
const BILLING_OUTPUT_TABLES = [
  'invoice_line_user',
  'invoice_line',
  'payment_attempt',
  'sandbox_charge',
  'invoice',
  'invoice_sequence',
  'mail_outbox',
];

/** A logger that shows errors (a benchmark must not hide them) and counts the rest. */
function countingLogger(): Logger & { readonly warnings: Map<string, number> } {
  const warnings = new Map<string, number>();
  return {
    warnings,
    info: () => {},
    warn: (message) => {
      const kind = message.replace(/\d+/g, 'N');
      warnings.set(kind, (warnings.get(kind) ?? 0) + 1);
    },
    error: (message, fields) => console.error(message, fields ?? ''),
  };
}

async function count(dataSource: DataSource, sql: string, parameters: unknown[] = []) {
  const [row] = (await dataSource.query(sql, parameters)) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0);
}

async function generationPhase(
  deps: BillingDeps,
  period: BillingPeriod,
  now: Date,
  concurrency: number,
  sites: number,
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const started = performance.now();
  const created = await withPhaseProgress('phase 1: invoices', (onProgress) =>
    createInvoices(deps, period, { now, concurrency, onProgress }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { dataSource } = deps;
  const lines = await count(
    dataSource,
    'SELECT COUNT(*) AS n FROM invoice_line l JOIN invoice i ON i.id = l.invoiceId WHERE i.period = ?',
    [period.period],
  );
  const lineUsers = await count(
    dataSource,
    'SELECT COUNT(*) AS n FROM invoice_line_user u JOIN invoice_line l ON l.id = u.invoiceLineId JOIN invoice i ON i.id = l.invoiceId WHERE i.period = ?',
    [period.period],
  );
  const companies = await count(
    dataSource,
    'SELECT COUNT(*) AS n FROM company WHERE billingSetupComplete = ?',
    [true],
  );
  if (created !== companies)
    throw new Error(`phase 1 created ${created} invoices for ${companies} billable companies`);
  return {
    figures: [
      figure("billing: generation of the month's invoices", round(seconds, 1), 's', {
        atMost: GENERATION_GOAL_SECONDS,
      }),
      figure('billing: sites', sites, 'sites'),
      figure('billing: invoices per second', round(created / seconds, 1), 'invoices/s'),
      figure('billing: invoices created', created, 'invoices'),
      figure('billing: invoice lines (sites billed)', lines, 'lines'),
      figure('billing: billed users (invoice_line_user rows)', lineUsers, 'rows'),
    ],
    details: { concurrency, seconds: round(seconds, 2), created, lines, lineUsers },
  };
}

/**
 * Gives every company a Stripe customer with a default card on the stand-in, through the same
 * provider calls as the billing wizard, and points its billing account at them. Not measured:
 * the stand-in's limit is off meanwhile.
 */
async function stripeCustomersForAll(
  dataSource: DataSource,
  stripeConfig: StripeConfig,
  logger: Logger,
): Promise<void> {
  const setup = createStripeProvider(stripeConfig, { logger, maxRequestsPerSecond: 5_000 });
  const companies = await dataSource
    .getRepository(CompanyEntity)
    .find({ select: { id: true, name: true }, where: { billingSetupComplete: true } });
  let done = 0;
  await withPhaseProgress('phase 2 setup: Stripe customers', (onProgress) =>
    forEachConcurrently(companies, 16, async (company) => {
      const admin = await dataSource
        .getRepository(PersonEntity)
        .findOne({ select: { email: true }, where: { companyId: company.id } });
      const customerId = await setup.ensureCustomer({
        id: company.id,
        name: company.name,
        email: admin?.email ?? '',
      });
      const card = await setup.saveCard(customerId, 'pm_card_visa');
      await dataSource.getRepository(BillingAccountEntity).update(
        { companyId: company.id },
        {
          providerCustomerId: customerId,
          cardMethodId: card.methodId,
          cardBrand: card.brand,
          cardLast4: card.last4,
          cardExpMonth: card.expMonth,
          cardExpYear: card.expYear,
        },
      );
      onProgress(++done, companies.length);
    }),
  );
}

async function chargingPhase(
  deps: Omit<BillingDeps, 'payments'>,
  period: BillingPeriod,
  now: Date,
  options: { concurrency: number; stripeRate: number; standinLimit: number },
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const { dataSource } = deps;
  let standin: StripeStandin | null = null;
  try {
    standin = await startStripeStandin({ secretKey: SECRET_KEY });
    const stripeConfig: StripeConfig = {
      secretKey: SECRET_KEY,
      webhookSecret: 'whsec_bench',
      publishableKey: 'pk_test_bench',
      apiBase: standin.url,
    };
    await stripeCustomersForAll(dataSource, stripeConfig, deps.logger);

    const toCharge = await dataSource.getRepository(InvoiceEntity).countBy({
      period: period.period,
      status: InvoiceStatus.OPEN,
      paymentMethod: PaymentMethodType.AUTOMATIC,
    });
    const logger = countingLogger();
    const payments = createStripeProvider(stripeConfig, {
      logger,
      maxRequestsPerSecond: options.stripeRate,
    });
    standin.setRateLimit(options.standinLimit);
    const requestsBefore = standin.requests.length;
    const chargesBefore = standin.charges.length;
    const started = performance.now();
    const result = await withPhaseProgress('phase 2: charges', (onProgress) =>
      chargeOpenInvoices({ ...deps, payments }, period, {
        now,
        concurrency: options.concurrency,
        onProgress,
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const requests = standin.requests.slice(requestsBefore);
    const chargeRequests = requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/payment_intents',
    );
    const keys = new Set(chargeRequests.map((r) => r.idempotencyKey));
    const charges = standin.charges.slice(chargesBefore);
    const chargedKeys = new Set(charges.map((c) => c.idempotencyKey));
    const tooManyRequests = requests.filter((r) => r.status === 429).length;
    const paid = await dataSource
      .getRepository(InvoiceEntity)
      .countBy({ period: period.period, status: InvoiceStatus.PAID });
    const doubleCharged = charges.length - chargedKeys.size;
    const missed = toCharge - chargedKeys.size;
    return {
      figures: [
        figure('billing: charging phase (Stripe stand-in at 100 req/s)', round(seconds, 1), 's'),
        figure('billing: charges per second', round(result.charged / seconds, 1), 'charges/s'),
        figure('billing: 429s received', tooManyRequests, 'responses'),
        figure(
          'billing: charge requests sent again',
          chargeRequests.length - keys.size,
          'requests',
        ),
        figure('billing: charges made in the stand-in', charges.length, 'charges'),
        figure('billing: invoices paid', paid, 'invoices'),
        figure('billing: invoices charged twice', doubleCharged, 'invoices', { atMost: 0 }),
        figure('billing: invoices not charged', missed, 'invoices', { atMost: 0 }),
      ],
      details: {
        chargeConcurrency: options.concurrency,
        stripeRequestsPerSecond: options.stripeRate,
        standinLimitPerSecond: options.standinLimit,
        seconds: round(seconds, 2),
        invoicesToCharge: toCharge,
        charged: result.charged,
        failed: result.failed,
        requests: requests.length,
        requestsPerSecond: round(requests.length / seconds, 1),
        rateLimitedByStandin: standin.rateLimited,
        providerWarnings: Object.fromEntries(logger.warnings),
      },
    };
  } finally {
    await standin?.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: {
        type: 'string',
        default: `${process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL}/entry_bench_billing`,
      },
      scale: { type: 'string', default: '1' },
      'reuse-seed': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: String(DEFAULT_BILLING_CONCURRENCY) },
      'charge-concurrency': { type: 'string', default: String(DEFAULT_CHARGE_CONCURRENCY) },
      'stripe-rate': { type: 'string', default: String(STRIPE_LIVE_REQUESTS_PER_SECOND) },
      'standin-limit': { type: 'string', default: String(STRIPE_LIVE_LIMIT) },
    },
  });
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number (got "${raw}")`);
    return value;
  };
  const scale = positive('scale', values.scale);
  const concurrency = positive('concurrency', values.concurrency);
  const chargeConcurrency = positive('charge-concurrency', values['charge-concurrency']);
  const stripeRate = positive('stripe-rate', values['stripe-rate']);
  const standinLimit = positive('standin-limit', values['standin-limit']);

  const config = loadConfig({ DATABASE_URL: values.database, PUBLIC_URL: 'https://portal.bench' });
  // rows and time only: the seed's session tokens stay out of the results
  let seed: Pick<SeedResult, 'rows' | 'seconds'> | null = null;
  if (!values['reuse-seed']) {
    // the shared seed, without its report: bench-results/seed-*.json belong to the seed bench
    const bar = seedProgressBar(`seed ${config.database.type}`);
    try {
      const seeded = await seedBench(
        config.database,
        scale === 1 ? {} : scaledSeedOptions(scale),
        bar.onProgress,
      );
      seed = { rows: seeded.rows, seconds: seeded.seconds };
    } finally {
      bar.stop();
    }
    console.log(`seeded in ${seed.seconds} s: ${JSON.stringify(seed.rows)}`);
  }
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    if (values['reuse-seed'])
      for (const table of BILLING_OUTPUT_TABLES) await dataSource.query(`DELETE FROM ${table}`);
    const now = new Date();
    const period = previousPeriod(now);
    const logger = countingLogger();
    const deps = { dataSource, config, logger };
    const sites = await count(dataSource, 'SELECT COUNT(*) AS n FROM site');

    console.log(`billing ${period.period} on ${config.database.type}: ${sites} sites`);
    const generation = await generationPhase(
      { ...deps, payments: createSandboxProvider(dataSource) },
      period,
      now,
      concurrency,
      sites,
    );
    const charging = await chargingPhase(deps, period, now, {
      concurrency: chargeConcurrency,
      stripeRate,
      standinLimit,
    });
    writeBenchReport('billing', [...generation.figures, ...charging.figures], {
      database: config.database.type,
      period: period.period,
      sites,
      seed,
      generation: generation.details,
      charging: charging.details,
    });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
