import { randomUUID } from 'node:crypto';
import express from 'express';
import type { DataSource } from 'typeorm';
import { PaymentMethodType } from '../../src/companies/company.entity';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import {
  PaymentAttemptEntity,
  PaymentAttemptStatus,
} from '../../src/billing/payment-attempt.entity';
import { WebhookEventEntity } from '../../src/billing/webhook-event.entity';
import { applyChargeOutcome } from '../../src/billing/payments/invoice-payments';
import { createStripeProvider } from '../../src/billing/payments/stripe-provider';
import { stripeWebhookRouter } from '../../src/billing/payments/stripe-webhook.router';
import { silentLogger, type Logger } from '../../src/observability/logger';
import { PaymentDiscrepancyEntity } from '../../src/billing/payment-discrepancy.entity';
import { buildCompany, buildInvoice, buildOperator, buildPerson, tokenFor } from '../factories';
import { startStripeStandin, stripeSignatureHeader } from '../support/stripe-standin';
import { describeOnDialects } from '../support/dialects';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback-server';

const SECRET_KEY = 'sk_test_portal';
const WEBHOOK_SECRET = 'whsec_portal_test_secret';

/** An issued invoice of its own company, and its first payment attempt, sent to the provider. */
async function pendingAttempt(dataSource: DataSource) {
  const company = await buildCompany(dataSource, { paymentMethod: PaymentMethodType.AUTOMATIC });
  const invoice = await buildInvoice(dataSource, company);
  const now = new Date();
  const attempt = dataSource.getRepository(PaymentAttemptEntity).create({
    invoiceId: invoice.id,
    attempt: 1,
    idempotencyKey: `invoice-${invoice.id}-attempt-1`,
    amount: invoice.total,
    currency: invoice.currency,
    status: PaymentAttemptStatus.PENDING,
    trigger: 'AUTOMATIC',
    providerPaymentId: null,
    failureCode: null,
    failureMessage: null,
    createdAt: now,
    completedAt: null,
  });
  await dataSource.getRepository(PaymentAttemptEntity).insert(attempt);
  return { company, invoice, attempt };
}

describeOnDialects('Stripe webhooks on %s', (suite) => {
  const standin = suite.startStripeStandin(SECRET_KEY);
  const portal = suite.startPortal(() => ({
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_portal',
    STRIPE_API_BASE: standin.url,
  }));
  let webhookUrl: string;

  beforeAll(() => {
    webhookUrl = `${portal.url}/api/stripe/webhook`;
  });

  /** A real charge through the stand-in for the attempt: the PaymentIntent its events carry. */
  async function chargeAtStripe(
    world: Awaited<ReturnType<typeof pendingAttempt>>,
    token = 'pm_card_visa',
  ) {
    const stripe = createStripeProvider(portal.config.stripe!, { logger: silentLogger });
    const customerId = await stripe.ensureCustomer({
      id: world.company.id,
      name: world.company.name,
      email: 'billing@example.com',
    });
    const { methodId } = await stripe.saveCard(customerId, token);
    const result = await stripe.charge({
      customerId,
      methodId,
      amount: world.attempt.amount,
      currency: world.attempt.currency,
      idempotencyKey: world.attempt.idempotencyKey,
      description: `Invoice ${world.invoice.number}`,
      metadata: { attemptId: world.attempt.id, invoiceId: world.invoice.id },
    });
    return standin.paymentIntent(result.paymentId!)!;
  }

  const attemptOf = (id: string) =>
    portal.dataSource.getRepository(PaymentAttemptEntity).findOneByOrFail({ id });
  const invoiceOf = (id: string) =>
    portal.dataSource.getRepository(InvoiceEntity).findOneByOrFail({ id });
  const recorded = (eventId: string) =>
    portal.dataSource.getRepository(WebhookEventEntity).countBy({ id: eventId });
  /** A pending attempt charged at Stripe with `card`, and the event of `type` Stripe sends for it. */
  async function chargedAttempt(type: string, card?: string) {
    const world = await pendingAttempt(portal.dataSource);
    const paymentIntent = await chargeAtStripe(world, card);
    return { world, paymentIntent, event: standin.event(type, paymentIntent) };
  }

  /** The webhook refused the event: the attempt is still pending and the event not recorded. */
  async function expectNothingApplied(
    world: Awaited<ReturnType<typeof pendingAttempt>>,
    event: { id: string },
  ): Promise<void> {
    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.PENDING,
    });
    expect(await recorded(event.id)).toBe(0);
  }

  const send = (
    event: Record<string, unknown>,
    options: { timestamp?: number; signature?: string; secret?: string } = {},
  ) => standin.sendWebhook(webhookUrl, event, { secret: WEBHOOK_SECRET, ...options });

  it('should mark the attempt succeeded and the invoice paid on payment_intent.succeeded', async () => {
    const { world, paymentIntent, event } = await chargedAttempt('payment_intent.succeeded');

    expect(await send(event)).toEqual({ status: 200, body: { received: true } });

    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.SUCCEEDED,
      providerPaymentId: paymentIntent.id,
    });
    expect(await invoiceOf(world.invoice.id)).toMatchObject({ status: InvoiceStatus.PAID });
    expect(await recorded(event.id)).toBe(1);
  });

  it('should record a declined charge on payment_intent.payment_failed', async () => {
    const { world, paymentIntent, event } = await chargedAttempt(
      'payment_intent.payment_failed',
      'pm_card_visa_chargeDeclined',
    );

    expect((await send(event)).status).toBe(200);

    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.FAILED,
      providerPaymentId: paymentIntent.id,
      failureCode: 'card_declined',
      failureMessage: 'Your card was declined.',
    });
    expect(await invoiceOf(world.invoice.id)).toMatchObject({
      status: InvoiceStatus.PAYMENT_FAILED,
      failedAttempts: 1,
    });
  });

  it('should do nothing the second time Stripe delivers the same event', async () => {
    const { world, event } = await chargedAttempt(
      'payment_intent.payment_failed',
      'pm_card_visa_chargeDeclined',
    );
    expect((await send(event)).status).toBe(200);
    // were the event applied again, this pending attempt would fail a second time
    await portal.dataSource
      .getRepository(PaymentAttemptEntity)
      .update({ id: world.attempt.id }, { status: PaymentAttemptStatus.PENDING });

    expect(await send(event)).toEqual({ status: 200, body: { received: true, duplicate: true } });

    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.PENDING,
    });
    expect(await invoiceOf(world.invoice.id)).toMatchObject({ failedAttempts: 1 });
    expect(await recorded(event.id)).toBe(1);
  });

  it('should apply an event delivered twice at the same moment once', async () => {
    const { world, event } = await chargedAttempt(
      'payment_intent.payment_failed',
      'pm_card_visa_chargeDeclined',
    );

    const answers = await Promise.all([send(event), send(event), send(event)]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await invoiceOf(world.invoice.id)).toMatchObject({ failedAttempts: 1 });
    expect(await recorded(event.id)).toBe(1);
  });

  it('should keep a success when payment_failed arrives after payment_intent.succeeded', async () => {
    const world = await pendingAttempt(portal.dataSource);
    const paymentIntent = await chargeAtStripe(world);
    const succeeded = standin.event('payment_intent.succeeded', paymentIntent);
    const lateFailure = standin.event('payment_intent.payment_failed', {
      ...paymentIntent,
      status: 'requires_payment_method',
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        message: 'Your card was declined.',
      },
    });

    expect((await send(succeeded)).status).toBe(200);
    expect((await send(lateFailure)).status).toBe(200);

    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.SUCCEEDED,
      failureCode: null,
    });
    expect(await invoiceOf(world.invoice.id)).toMatchObject({
      status: InvoiceStatus.PAID,
      failedAttempts: 0,
    });
  });

  it('should refuse a forged signature with 400 and do nothing', async () => {
    const { world, event } = await chargedAttempt('payment_intent.succeeded');

    expect((await send(event, { secret: 'whsec_someone_else' })).status).toBe(400);
    expect((await send(event, { signature: 'f'.repeat(64) })).status).toBe(400);
    expect(
      (await standin.sendWebhook(webhookUrl, event, { secret: WEBHOOK_SECRET, unsigned: true }))
        .status,
    ).toBe(400);

    await expectNothingApplied(world, event);
  });

  it('should refuse a body changed after signing with 400', async () => {
    const { world, event } = await chargedAttempt('payment_intent.succeeded');
    const signed = JSON.stringify(event, null, 2);
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripeSignatureHeader(
          signed,
          WEBHOOK_SECRET,
          Math.floor(Date.now() / 1000),
        ),
      },
      body: signed.replace('"succeeded"', '"succeeded" '),
    });
    expect(response.status).toBe(400);
    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.PENDING,
    });
  });

  it('should refuse a signature older than 5 minutes (a replayed capture) with 400', async () => {
    const { world, event } = await chargedAttempt('payment_intent.succeeded');
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    expect((await send(event, { timestamp: sixMinutesAgo })).status).toBe(400);

    await expectNothingApplied(world, event);
  });

  it('should answer 200 for a PaymentIntent whose attempt it does not know', async () => {
    const world = await pendingAttempt(portal.dataSource);
    const paymentIntent = await chargeAtStripe(world);
    const unknownAttempt = standin.event('payment_intent.succeeded', {
      ...paymentIntent,
      metadata: { attemptId: randomUUID() },
    });
    const notOurs = standin.event('payment_intent.succeeded', { ...paymentIntent, metadata: {} });

    expect((await send(unknownAttempt)).status).toBe(200);
    expect((await send(notOurs)).status).toBe(200);

    expect(await attemptOf(world.attempt.id)).toMatchObject({
      status: PaymentAttemptStatus.PENDING,
    });
  });

  describe('a payment that does not match its attempt', () => {
    const DISCREPANCIES = `query { paymentDiscrepancies { id eventId eventType kinds invoiceId
      invoiceNumber company { id name } expectedAmount expectedCurrency expectedPaymentIntentId
      receivedAmount receivedCurrency receivedPaymentIntentId receivedAt reviewedAt } }`;
    const REVIEWED = `mutation ($id: ID!) { markPaymentDiscrepancyReviewed(id: $id) {
      paymentDiscrepancy { id reviewedAt } userErrors { field code message } } }`;

    type Discrepancy = Record<string, unknown> & { id: string; eventId: string };
    const discrepanciesSeenBy = async (token: string) =>
      portal.gql<{ paymentDiscrepancies: Discrepancy[] }>(DISCREPANCIES, {}, { token });
    const discrepancyRows = (eventId: string) =>
      portal.dataSource.getRepository(PaymentDiscrepancyEntity).countBy({ eventId });

    it.each([
      ['the amount differs', 'AMOUNT', { amount: 1 }, {}],
      ['the currency differs', 'CURRENCY', { currency: 'eur' }, { receivedCurrency: 'EUR' }],
      [
        'the PaymentIntent id differs',
        'PAYMENT_INTENT',
        { id: 'pi_someone_elses' },
        { receivedPaymentIntentId: 'pi_someone_elses' },
      ],
    ])(
      'should leave the invoice unpaid, answer 200 and record one discrepancy for operators when %s',
      async (_case, kind, change, shown) => {
        const world = await pendingAttempt(portal.dataSource);
        const paymentIntent = await chargeAtStripe(world);
        // the charge call's answer told the attempt its PaymentIntent; the outcome is still due
        await portal.dataSource
          .getRepository(PaymentAttemptEntity)
          .update({ id: world.attempt.id }, { providerPaymentId: String(paymentIntent.id) });
        const attemptBefore = await attemptOf(world.attempt.id);
        const invoiceBefore = await invoiceOf(world.invoice.id);
        const mismatched = standin.event('payment_intent.succeeded', {
          ...paymentIntent,
          ...change,
        });

        // delivered twice at the same moment, then once more later
        const answers = [...(await Promise.all([send(mismatched), send(mismatched)]))];
        answers.push(await send(mismatched));

        expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
        expect(answers).toContainEqual({
          status: 200,
          body: { received: true, discrepancy: true },
        });
        expect(await attemptOf(world.attempt.id)).toEqual(attemptBefore);
        expect(await invoiceOf(world.invoice.id)).toEqual(invoiceBefore);
        expect(await discrepancyRows(mismatched.id)).toBe(1);
        expect(await recorded(mismatched.id)).toBe(1);

        const operator = await buildOperator(portal.dataSource);
        const seen = await discrepanciesSeenBy(await tokenFor(portal.dataSource, operator));
        expect(seen.errors).toBeUndefined();
        expect(
          seen.data!.paymentDiscrepancies.filter((row) => row.eventId === mismatched.id),
        ).toEqual([
          {
            id: expect.any(String),
            eventId: mismatched.id,
            eventType: 'payment_intent.succeeded',
            kinds: [kind],
            invoiceId: world.invoice.id,
            invoiceNumber: world.invoice.number,
            company: { id: world.company.id, name: world.company.name },
            expectedAmount: 12_500,
            expectedCurrency: 'SEK',
            expectedPaymentIntentId: paymentIntent.id,
            receivedAmount: 12_500,
            receivedCurrency: 'SEK',
            receivedPaymentIntentId: paymentIntent.id,
            ...('amount' in change ? { receivedAmount: change.amount } : {}),
            ...shown,
            receivedAt: expect.any(String),
            reviewedAt: null,
          },
        ]);

        // the right event, when it comes, still settles the invoice
        const matching = standin.event('payment_intent.succeeded', paymentIntent);
        expect((await send(matching)).status).toBe(200);
        expect(await invoiceOf(world.invoice.id)).toMatchObject({ status: InvoiceStatus.PAID });
      },
    );

    it('should never show payment discrepancies to a company when its payment admin asks', async () => {
      const world = await pendingAttempt(portal.dataSource);
      const paymentIntent = await chargeAtStripe(world);
      await send(standin.event('payment_intent.succeeded', { ...paymentIntent, amount: 1 }));
      const admin = await buildPerson(portal.dataSource, world.company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      const token = await tokenFor(portal.dataSource, admin);

      const list = await discrepanciesSeenBy(token);
      expect(list.data).toBeNull();
      expect(list.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
      const review = await portal.gql(REVIEWED, { id: world.attempt.id }, { token });
      expect(review.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    });

    it('should take a discrepancy off the operators’ queue when an operator marks it reviewed', async () => {
      const world = await pendingAttempt(portal.dataSource);
      const paymentIntent = await chargeAtStripe(world);
      const mismatched = standin.event('payment_intent.succeeded', {
        ...paymentIntent,
        currency: 'usd',
      });
      await send(mismatched);
      const token = await tokenFor(portal.dataSource, await buildOperator(portal.dataSource));
      const queued = (await discrepanciesSeenBy(token)).data!.paymentDiscrepancies.find(
        (row) => row.eventId === mismatched.id,
      )!;

      const review = await portal.gql<{
        markPaymentDiscrepancyReviewed: { paymentDiscrepancy: { id: string; reviewedAt: string } };
      }>(REVIEWED, { id: queued.id }, { token });

      expect(review.data!.markPaymentDiscrepancyReviewed).toEqual({
        paymentDiscrepancy: { id: queued.id, reviewedAt: expect.any(String) },
        userErrors: [],
      });
      const after = (await discrepanciesSeenBy(token)).data!.paymentDiscrepancies;
      expect(after.map((row) => row.id)).not.toContain(queued.id);
    });

    it.each([
      ['en', 'Not found.'],
      ['sv', 'Hittades inte.'],
    ])(
      'should answer NOT_FOUND in the operator’s language (%s) when the discrepancy does not exist',
      async (language, message) => {
        const token = await tokenFor(portal.dataSource, await buildOperator(portal.dataSource));
        const review = await portal.gql(
          REVIEWED,
          { id: randomUUID() },
          { token, acceptLanguage: language },
        );
        expect(review.data).toEqual({
          markPaymentDiscrepancyReviewed: {
            paymentDiscrepancy: null,
            userErrors: [{ field: ['id'], code: 'NOT_FOUND', message }],
          },
        });
      },
    );
  });

  it('should answer 200 to setup_intent.succeeded and to event types it does not use', async () => {
    const world = await pendingAttempt(portal.dataSource);
    const paymentIntent = await chargeAtStripe(world);
    const setup = standin.event('setup_intent.succeeded', {
      id: 'seti_123',
      object: 'setup_intent',
      customer: paymentIntent['customer'],
      status: 'succeeded',
    });
    const other = standin.event('customer.created', {
      id: paymentIntent['customer'],
      object: 'customer',
    });

    expect(await send(setup)).toEqual({ status: 200, body: { received: true } });
    expect(await send(other)).toEqual({ status: 200, body: { received: true, ignored: true } });
  });
});

describeOnDialects('Stripe webhook router failures on %s', (suite) => {
  const portal = suite.startPortal();
  let server: LoopbackServer;
  let url: string;
  let failing = true;
  const errors: unknown[] = [];
  const logger: Logger = { ...silentLogger, error: (_message, fields) => errors.push(fields) };

  beforeAll(async () => {
    // the real router with an applyChargeOutcome whose database write fails until told otherwise
    const app = express();
    app.use(
      '/api',
      stripeWebhookRouter({
        stripe: { webhookSecret: WEBHOOK_SECRET },
        dataSource: portal.dataSource,
        logger,
        applyChargeOutcome: async (...args) => {
          if (failing) throw new Error('Connection lost: The server closed the connection.');
          return applyChargeOutcome(...args);
        },
      }),
    );
    server = await serveOnLoopback(app);
    url = `${server.url}/api/stripe/webhook`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should answer 500 and record nothing when applying fails, so that Stripe retries it', async () => {
    const standin = await startStripeStandin();
    try {
      const world = await pendingAttempt(portal.dataSource);
      const event = standin.event('payment_intent.succeeded', {
        id: 'pi_retried',
        object: 'payment_intent',
        amount: world.attempt.amount,
        currency: 'sek',
        status: 'succeeded',
        metadata: { attemptId: world.attempt.id },
      });

      const first = await standin.sendWebhook(url, event, { secret: WEBHOOK_SECRET });
      expect(first.status).toBe(500);
      expect(errors).toHaveLength(1);
      expect(
        await portal.dataSource.getRepository(WebhookEventEntity).countBy({ id: event.id }),
      ).toBe(0);

      failing = false;
      const retry = await standin.sendWebhook(url, event, { secret: WEBHOOK_SECRET });
      expect(retry.status).toBe(200);
      expect(
        await portal.dataSource
          .getRepository(PaymentAttemptEntity)
          .findOneByOrFail({ id: world.attempt.id }),
      ).toMatchObject({ status: PaymentAttemptStatus.SUCCEEDED, providerPaymentId: 'pi_retried' });
    } finally {
      await standin.close();
    }
  });

  it('should log an error naming what differs when a payment does not match its attempt', async () => {
    const standin = await startStripeStandin();
    try {
      const world = await pendingAttempt(portal.dataSource);
      const event = standin.event('payment_intent.succeeded', {
        id: 'pi_short',
        object: 'payment_intent',
        amount: world.attempt.amount - 1,
        currency: 'sek',
        status: 'succeeded',
        metadata: { attemptId: world.attempt.id },
      });
      errors.length = 0;

      const answer = await standin.sendWebhook(url, event, { secret: WEBHOOK_SECRET });

      expect(answer).toEqual({ status: 200, body: { received: true, discrepancy: true } });
      expect(errors).toEqual([
        expect.objectContaining({
          eventId: event.id,
          discrepancies: ['AMOUNT'],
          invoiceId: world.invoice.id,
          expected: { amount: 12_500, currency: 'SEK', paymentId: null },
          received: { amount: 12_499, currency: 'sek', paymentId: 'pi_short' },
        }),
      ]);
    } finally {
      await standin.close();
    }
  });

  it('should not serve the webhook when Stripe is not configured', async () => {
    const response = await fetch(`${portal.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
  });
});
