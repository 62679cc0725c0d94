import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { parsePeriod } from '../../src/billing/billing-period';
import { chargeOpenInvoices, createInvoices } from '../../src/billing/billing-run';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import { PaymentAttemptEntity } from '../../src/billing/payment-attempt.entity';
import { createStripeProvider } from '../../src/billing/payments/stripe-provider';
import { PaymentMethodType } from '../../src/companies/company.entity';
import type { StripeConfig } from '../../src/config/config';
import { silentLogger } from '../../src/observability/logger';
import { buildCompany, buildEntryUser, buildPerson, buildSite } from '../factories';
import { describeOnDialects } from '../support/dialects';

const SECRET_KEY = 'sk_test_charging_phase';
const LONG_AGO = new Date('2024-01-01T00:00:00Z');
/** enough companies to go past the stand-in's limit within one second when nothing paces them */
const COMPANIES = 12;
const STANDIN_LIMIT = 5;

describeOnDialects('the charging phase against a rate-limited Stripe on %s', (suite) => {
  const standin = suite.startStripeStandin(SECRET_KEY);
  const portal = suite.startPortal();
  let stripeConfig: StripeConfig;
  // each test bills its own month: the phases select invoices by period
  let month = 0;

  beforeAll(() => {
    stripeConfig = {
      secretKey: SECRET_KEY,
      webhookSecret: 'whsec_charging_phase',
      publishableKey: 'pk_test_charging_phase',
      apiBase: standin.url,
    };
  });
  afterEach(() => standin.setRateLimit(null));

  /** Companies paying automatically with a card on the stand-in, each with one billable user. */
  async function stripePayers(count: number): Promise<void> {
    const setup = createStripeProvider(stripeConfig, {
      logger: silentLogger,
      maxRequestsPerSecond: 1_000,
    });
    for (let i = 0; i < count; i++) {
      const company = await buildCompany(portal.dataSource, {
        billingSetupComplete: true,
        paymentMethod: PaymentMethodType.AUTOMATIC,
        createdAt: LONG_AGO,
      });
      const admin = await buildPerson(portal.dataSource, company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      const customerId = await setup.ensureCustomer({
        id: company.id,
        name: company.name,
        email: admin.email,
      });
      const card = await setup.saveCard(customerId, 'pm_card_visa');
      await portal.dataSource.getRepository(BillingAccountEntity).insert({
        companyId: company.id,
        providerCustomerId: customerId,
        cardMethodId: card.methodId,
        vatNumberValid: false,
        createdAt: LONG_AGO,
        updatedAt: LONG_AGO,
      });
      const site = await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
      await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
    }
  }

  /** Bills a month no test billed before; returns its period and invoices. */
  async function billedMonth() {
    month += 1;
    const period = parsePeriod(`2024-${String(month + 1).padStart(2, '0')}`)!;
    const runAt = new Date(`${period.lastDay}T23:00:00Z`);
    await createInvoices(portal.billing, period, { now: runAt });
    const invoices = await portal.dataSource
      .getRepository(InvoiceEntity)
      .findBy({ period: period.period });
    return { period, runAt, invoices };
  }

  /** Every invoice paid by exactly one charge made at the stand-in, under one payment attempt. */
  async function expectEachChargedOnce(invoices: InvoiceEntity[]) {
    for (const invoice of invoices) {
      const attempts = await portal.dataSource
        .getRepository(PaymentAttemptEntity)
        .findBy({ invoiceId: invoice.id });
      expect(attempts).toHaveLength(1);
      expect(standin.chargesFor(attempts[0]!.idempotencyKey)).toHaveLength(1);
      expect(
        (await portal.dataSource.getRepository(InvoiceEntity).findOneByOrFail({ id: invoice.id }))
          .status,
      ).toBe(InvoiceStatus.PAID);
    }
  }

  it('should back off on 429 and charge each invoice once when nothing paces the requests', async () => {
    await stripePayers(COMPANIES);
    const { period, runAt, invoices } = await billedMonth();
    expect(invoices).toHaveLength(COMPANIES);
    const unpaced = createStripeProvider(stripeConfig, {
      logger: silentLogger,
      maxRequestsPerSecond: 1_000,
      rateLimitBackoffMs: 200,
    });
    standin.setRateLimit(STANDIN_LIMIT);
    const refusedBefore = standin.rateLimited;

    const result = await chargeOpenInvoices({ ...portal.billing, payments: unpaced }, period, {
      now: runAt,
      concurrency: 4,
    });

    expect(result).toEqual({ charged: COMPANIES, failed: 0 });
    // the limit was hit, and every refused request came back later with its idempotency key
    expect(standin.rateLimited - refusedBefore).toBeGreaterThan(0);
    await expectEachChargedOnce(invoices);
  });

  it('should stay under the limit without a single 429 when the provider paces its requests', async () => {
    const { period, runAt, invoices } = await billedMonth();
    expect(invoices).toHaveLength(COMPANIES);
    const paced = createStripeProvider(stripeConfig, {
      logger: silentLogger,
      maxRequestsPerSecond: STANDIN_LIMIT - 1,
    });
    standin.setRateLimit(STANDIN_LIMIT);
    const refusedBefore = standin.rateLimited;

    const result = await chargeOpenInvoices({ ...portal.billing, payments: paced }, period, {
      now: runAt,
      concurrency: 4,
    });

    expect(result).toEqual({ charged: COMPANIES, failed: 0 });
    expect(standin.rateLimited - refusedBefore).toBe(0);
    await expectEachChargedOnce(invoices);
  });
});
