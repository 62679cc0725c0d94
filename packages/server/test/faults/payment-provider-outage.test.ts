import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import type { BillingDeps } from '../../src/billing/billing-deps';
import { parsePeriod } from '../../src/billing/billing-period';
import { billCompany } from '../../src/billing/billing-run';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import {
  PaymentAttemptEntity,
  PaymentAttemptStatus,
} from '../../src/billing/payment-attempt.entity';
import { chargeInvoice, dueRetries } from '../../src/billing/payments/invoice-payments';
import { createStripeProvider } from '../../src/billing/payments/stripe-provider';
import { PaymentMethodType } from '../../src/companies/company.entity';
import { silentLogger } from '../../src/observability/logger';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';

const SECRET_KEY = 'sk_test_portal';
const NOVEMBER = parsePeriod('2026-11')!;
const RUN_AT = new Date('2026-12-01T02:00:00.000Z');
const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');
const PAYMENT_INTENTS = '/v1/payment_intents';

const PAY = `mutation ($id: ID!) {
  payInvoice(id: $id) { invoice { status } userErrors { code } }
}`;

/**
 * Stripe failing while an invoice is charged, through the whole path: chargeInvoice (from the
 * API's payInvoice or the scheduler's retry) keeps the attempt PENDING, and the later charge of
 * the same attempt sends the same idempotency key, so Stripe charges the card once.
 * (test/billing/stripe-provider.test.ts proves the SDK's own retries of one call.)
 */
describeOnDialects('Stripe failing while an invoice is charged, on %s', (suite) => {
  const standin = suite.startStripeStandin(SECRET_KEY);
  const portal = suite.startPortal(() => ({
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: 'whsec_portal_test_secret',
    STRIPE_API_BASE: standin.url,
  }));

  /** An automatic payer with a saved card at the stand-in and November's invoice, not charged. */
  async function invoicedAutomaticPayer() {
    const { dataSource, billing } = portal;
    const company = await buildCompany(dataSource, {
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.AUTOMATIC,
      createdAt: LONG_AGO,
    });
    const admin = await buildPerson(dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    const customerId = await billing.payments.ensureCustomer({
      id: company.id,
      name: company.name,
      email: admin.email,
    });
    const card = await billing.payments.saveCard(customerId, 'pm_card_visa');
    await dataSource.getRepository(BillingAccountEntity).insert({
      companyId: company.id,
      providerCustomerId: customerId,
      cardMethodId: card.methodId,
      cardBrand: card.brand,
      cardLast4: card.last4,
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      vatNumberValid: false,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    const site = await buildSite(dataSource, company, { createdAt: LONG_AGO });
    await buildEntryUser(dataSource, site, { activeFrom: LONG_AGO });
    const invoice = (await billCompany(billing, company, NOVEMBER, RUN_AT))!;
    return { admin, invoice };
  }

  const attemptsOf = (invoiceId: string) =>
    portal.dataSource.getRepository(PaymentAttemptEntity).findBy({ invoiceId });
  const invoiceOf = (id: string) =>
    portal.dataSource.getRepository(InvoiceEntity).findOneByOrFail({ id });
  /** the idempotency key of every charge request the stand-in received for the invoice */
  const keysSentFor = (invoiceId: string) =>
    standin.requests
      .filter((r) => r.path === PAYMENT_INTENTS && r.idempotencyKey?.includes(invoiceId))
      .map((r) => [r.idempotencyKey, r.status]);

  it('should send a rate-limited charge (429) of payInvoice again with the same key and charge once', async () => {
    const { admin, invoice } = await invoicedAutomaticPayer();
    const token = await tokenFor(portal.dataSource, admin);
    const key = `invoice-${invoice.id}-attempt-1`;

    standin.failNext(1, 429, { path: PAYMENT_INTENTS });
    const paid = await portal.gql<{
      payInvoice: { invoice: { status: string }; userErrors: unknown[] };
    }>(PAY, { id: invoice.id }, { token });

    expect(paid.data?.payInvoice).toEqual({ invoice: { status: 'PAID' }, userErrors: [] });
    expect(keysSentFor(invoice.id)).toEqual([
      [key, 429],
      [key, 200],
    ]);
    expect(standin.chargesFor(key)).toHaveLength(1);
    expect(await attemptsOf(invoice.id)).toEqual([
      expect.objectContaining({ idempotencyKey: key, status: PaymentAttemptStatus.SUCCEEDED }),
    ]);
  });

  // Short timeouts and pauses, one retry each, so that "Stripe stays down for this call" takes
  // a second instead of a minute.
  const impatient = (): BillingDeps => ({
    ...portal.billing,
    payments: createStripeProvider(portal.config.stripe!, {
      logger: silentLogger,
      timeoutMs: 400,
      maxNetworkRetries: 1,
      rateLimitRetries: 1,
      rateLimitBackoffMs: 20,
    }),
  });

  it.each([
    ['a 429 on every try', () => standin.failNext(2, 429, { path: PAYMENT_INTENTS }), [429, 429]],
    ['a 500 on every try', () => standin.failNext(2, 500, { path: PAYMENT_INTENTS }), [500, 500]],
    [
      'a timeout on every try, after the charge went through',
      () => standin.hangNext(2, { path: PAYMENT_INTENTS }),
      [null, null],
    ],
  ] as const)(
    'should leave the attempt pending after %s, and let the scheduled retry charge once with the same key',
    async (_fault, injectFault, failedStatuses) => {
      const { invoice } = await invoicedAutomaticPayer();
      const key = `invoice-${invoice.id}-attempt-1`;
      const deps = impatient();

      injectFault();
      await expect(
        chargeInvoice(deps, invoice.id, 'AUTOMATIC', null, null, RUN_AT),
      ).rejects.toThrow(/PAYMENT_UNAVAILABLE/);
      expect(standin.chargesFor(key).length).toBeLessThanOrEqual(1);
      expect((await invoiceOf(invoice.id)).status).toBe(InvoiceStatus.OPEN);
      expect(await attemptsOf(invoice.id)).toEqual([
        expect.objectContaining({ idempotencyKey: key, status: PaymentAttemptStatus.PENDING }),
      ]);

      // the scheduler finds the pending attempt a few minutes later and charges it again
      const later = new Date(RUN_AT.getTime() + 10 * 60_000);
      expect(await dueRetries(portal.dataSource, later)).toContain(invoice.id);
      const paid = await chargeInvoice(deps, invoice.id, 'RETRY', null, null, later);

      expect(paid.status).toBe(InvoiceStatus.PAID);
      expect(keysSentFor(invoice.id)).toEqual([
        ...failedStatuses.map((status) => [key, status]),
        [key, 200],
      ]);
      const charges = standin.chargesFor(key);
      expect(charges).toHaveLength(1);
      expect(await attemptsOf(invoice.id)).toEqual([
        expect.objectContaining({
          status: PaymentAttemptStatus.SUCCEEDED,
          providerPaymentId: charges[0]!.paymentIntentId,
        }),
      ]);
    },
  );
});
