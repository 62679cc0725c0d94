import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import type { StripeConfig } from '../../src/config/config';
import { createPaymentProvider } from '../../src/billing/payments/create-payment-provider';
import {
  CardRefusedError,
  PaymentProviderUnavailableError,
  type ChargeRequest,
  type PaymentProvider,
} from '../../src/billing/payments/payment-provider';
import { createStripeProvider } from '../../src/billing/payments/stripe-provider';
import { silentLogger } from '../../src/observability/logger';
import { startStripeStandin, type StripeStandin } from '../support/stripe-standin';

const SECRET_KEY = 'sk_test_portal';
// short enough for tests; the SDK then waits 0.5-2 s between its own retries
const TIMEOUT_MS = 400;
/** no client-side pace in these tests, and short pauses after a 429 */
const PACE = { maxRequestsPerSecond: 1_000, rateLimitBackoffMs: 20 } as const;

describe('Stripe payment provider (the real SDK against the Stripe stand-in)', () => {
  let standin: StripeStandin;
  let config: StripeConfig;
  let stripe: PaymentProvider;

  beforeAll(async () => {
    standin = await startStripeStandin({ secretKey: SECRET_KEY });
    config = {
      secretKey: SECRET_KEY,
      webhookSecret: 'whsec_test',
      publishableKey: 'pk_test_portal',
      apiBase: standin.url,
    };
    stripe = createStripeProvider(config, {
      logger: silentLogger,
      timeoutMs: TIMEOUT_MS,
      ...PACE,
    });
  });
  afterAll(async () => {
    await standin?.close();
  });

  const company = () => ({
    id: randomUUID(),
    name: 'Nordic Doors AB',
    email: 'billing@nordicdoors.test',
  });

  async function customerWithCard(token = 'pm_card_visa') {
    const customerId = await stripe.ensureCustomer(company());
    const card = await stripe.saveCard(customerId, token);
    return { customerId, methodId: card.methodId };
  }

  function chargeRequest(
    card: { customerId: string; methodId: string },
    overrides: Partial<ChargeRequest> = {},
  ): ChargeRequest {
    const attemptId = randomUUID();
    return {
      customerId: card.customerId,
      methodId: card.methodId,
      amount: 12_500,
      currency: 'SEK',
      idempotencyKey: `invoice-${randomUUID()}-attempt-1`,
      description: 'Invoice 2026-000042',
      metadata: { attemptId, invoiceId: randomUUID() },
      ...overrides,
    };
  }

  const paymentIntentRequests = (key: string) =>
    standin.requests.filter((r) => r.path === '/v1/payment_intents' && r.idempotencyKey === key);

  /** One charge for the key, made by the last of the requests, which Stripe answered so. */
  function expectChargedOnceAfter(key: string, statuses: number[]): void {
    expect(standin.chargesFor(key)).toHaveLength(1);
    expect(paymentIntentRequests(key).map((r) => r.status)).toEqual(statuses);
  }

  describe('customers', () => {
    it('should create one customer when two first calls for a company run at the same time', async () => {
      const acme = company();
      const [first, second] = await Promise.all([
        stripe.ensureCustomer(acme),
        stripe.ensureCustomer(acme),
      ]);
      expect(first).toMatch(/^cus_/);
      expect(second).toBe(first);
      const created = standin
        .customers()
        .filter((c) => (c['metadata'] as Record<string, string>)['companyId'] === acme.id);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ name: acme.name, email: acme.email });
    });

    it("should find the company's customer again after Stripe forgot the idempotency key (24 h)", async () => {
      const acme = company();
      const id = await stripe.ensureCustomer(acme);
      standin.forgetIdempotencyKeys();
      expect(await stripe.ensureCustomer(acme)).toBe(id);
      expect(
        standin
          .customers()
          .filter((c) => (c['metadata'] as Record<string, string>)['companyId'] === acme.id),
      ).toHaveLength(1);
    });

    it('should keep the same customer and show the new name when the company was renamed', async () => {
      const acme = company();
      const id = await stripe.ensureCustomer(acme);
      expect(await stripe.ensureCustomer({ ...acme, name: 'Nordic Doors Group AB' })).toBe(id);
      expect(standin.customer(id)).toMatchObject({ name: 'Nordic Doors Group AB' });
    });
  });

  describe('saving a card', () => {
    it('should hand out a SetupIntent client secret for Stripe Elements', async () => {
      const customerId = await stripe.ensureCustomer(company());
      const setup = await stripe.createCardSetup(customerId);
      expect(setup?.clientSecret).toMatch(/^seti_\w+_secret_\w+$/);
    });

    it("should save pm_card_visa as the customer's default card", async () => {
      const customerId = await stripe.ensureCustomer(company());
      const card = await stripe.saveCard(customerId, 'pm_card_visa');
      expect(card).toMatchObject({ brand: 'visa', last4: '4242', expMonth: 12 });
      expect(card.expYear).toBeGreaterThan(new Date().getUTCFullYear());
      // Stripe turns a test token into a PaymentMethod of the customer
      expect(card.methodId).toMatch(/^pm_/);
      expect(card.methodId).not.toBe('pm_card_visa');
      expect(standin.customer(customerId)).toMatchObject({
        invoice_settings: { default_payment_method: card.methodId },
      });
      expect(standin.paymentMethod(card.methodId)).toMatchObject({ customer: customerId });
    });

    it('should save the card of a SetupIntent the browser confirmed', async () => {
      const customerId = await stripe.ensureCustomer(company());
      const setup = await stripe.createCardSetup(customerId);
      const setupIntentId = setup!.clientSecret.split('_secret_')[0]!;
      standin.confirmSetupIntent(setupIntentId, 'pm_card_mastercard');
      const card = await stripe.saveCard(customerId, setupIntentId);
      expect(card).toMatchObject({ brand: 'mastercard', last4: '4444' });
      expect(standin.customer(customerId)).toMatchObject({
        invoice_settings: { default_payment_method: card.methodId },
      });
    });

    it('should refuse a SetupIntent of another customer', async () => {
      const owner = await stripe.ensureCustomer(company());
      const setup = await stripe.createCardSetup(owner);
      const setupIntentId = setup!.clientSecret.split('_secret_')[0]!;
      standin.confirmSetupIntent(setupIntentId, 'pm_card_visa');
      const intruder = await stripe.ensureCustomer(company());
      await expect(stripe.saveCard(intruder, setupIntentId)).rejects.toMatchObject({
        name: 'CardRefusedError',
        code: 'invalid_token',
      });
      expect(standin.customer(intruder)).toMatchObject({
        invoice_settings: { default_payment_method: null },
      });
    });

    it('should refuse a SetupIntent that has not succeeded, saying why when the card was declined', async () => {
      const customerId = await stripe.ensureCustomer(company());
      const unconfirmed = (await stripe.createCardSetup(customerId))!.clientSecret.split(
        '_secret_',
      )[0]!;
      await expect(stripe.saveCard(customerId, unconfirmed)).rejects.toMatchObject({
        code: 'setup_incomplete',
      });
      const declined = (await stripe.createCardSetup(customerId))!.clientSecret.split(
        '_secret_',
      )[0]!;
      standin.confirmSetupIntent(declined, 'pm_card_chargeDeclined');
      await expect(stripe.saveCard(customerId, declined)).rejects.toMatchObject({
        code: 'card_declined',
      });
    });

    it.each([
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
      ['pm_does_not_exist', 'invalid_token'],
      ['seti_does_not_exist', 'invalid_token'],
      ['4242424242424242', 'invalid_token'],
    ])('should refuse %s with CardRefusedError %s', async (token, code) => {
      const customerId = await stripe.ensureCustomer(company());
      const refusal = await stripe.saveCard(customerId, token).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(CardRefusedError);
      expect(refusal).toMatchObject({ code });
      expect(standin.customer(customerId)).toMatchObject({
        invoice_settings: { default_payment_method: null },
      });
    });
  });

  describe('charging', () => {
    it('should charge the saved card off-session with the idempotency key and metadata', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      const result = await stripe.charge(request);
      expect(result).toEqual({ status: 'succeeded', paymentId: expect.stringMatching(/^pi_/) });
      expect(standin.chargesFor(request.idempotencyKey)).toEqual([
        expect.objectContaining({
          paymentIntentId: result.paymentId,
          amount: 12_500,
          currency: 'sek',
          succeeded: true,
        }),
      ]);
      expect(standin.paymentIntent(result.paymentId!)).toMatchObject({
        customer: card.customerId,
        payment_method: card.methodId,
        description: 'Invoice 2026-000042',
        metadata: request.metadata,
        status: 'succeeded',
      });
    });

    it('should return a declined charge as a failure with its PaymentIntent', async () => {
      const card = await customerWithCard('pm_card_visa_chargeDeclined');
      const request = chargeRequest(card);
      const result = await stripe.charge(request);
      expect(result).toEqual({
        status: 'failed',
        paymentId: expect.stringMatching(/^pi_/),
        code: 'card_declined',
        message: 'Your card was declined.',
      });
      expect(standin.chargesFor(request.idempotencyKey)).toHaveLength(1);
    });

    it('should return a card that needs its holder to authenticate as a failure', async () => {
      const card = await customerWithCard('pm_card_authenticationRequired');
      expect(await stripe.charge(chargeRequest(card))).toMatchObject({
        status: 'failed',
        code: 'authentication_required',
      });
    });

    it('should return the first outcome, not charge again, when the same attempt is charged twice', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      const first = await stripe.charge(request);
      const second = await stripe.charge(request);
      expect(second).toEqual(first);
      expect(standin.chargesFor(request.idempotencyKey)).toHaveLength(1);
    });
  });

  describe('when Stripe has trouble', () => {
    it('should retry a 500 with the same idempotency key and charge once', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(1, 500, { path: '/v1/payment_intents' });
      const result = await stripe.charge(request);
      expect(result.status).toBe('succeeded');
      expectChargedOnceAfter(request.idempotencyKey, [500, 200]);
    });

    it('should get the first PaymentIntent back when a 500 was answered after the charge was made', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(1, 500, { path: '/v1/payment_intents', when: 'after' });
      const result = await stripe.charge(request);
      const [charge, ...others] = standin.chargesFor(request.idempotencyKey);
      expect(others).toHaveLength(0);
      expect(result).toEqual({ status: 'succeeded', paymentId: charge!.paymentIntentId });
      expect(
        paymentIntentRequests(request.idempotencyKey).map((r) => [r.status, r.replayed]),
      ).toEqual([
        [500, false],
        [200, true],
      ]);
    });

    it('should send a rate-limited charge (429) again after a pause with the same key, and charge once', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(2, 429, { path: '/v1/payment_intents' });
      expect(await stripe.charge(request)).toMatchObject({ status: 'succeeded' });
      expectChargedOnceAfter(request.idempotencyKey, [429, 429, 200]);
    });

    it('should throw PaymentProviderUnavailableError when the 429s outlast its retries, and charge once when the caller retries with the key', async () => {
      const impatient = createStripeProvider(config, {
        logger: silentLogger,
        timeoutMs: TIMEOUT_MS,
        ...PACE,
        rateLimitRetries: 1,
      });
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(2, 429, { path: '/v1/payment_intents' });
      await expect(impatient.charge(request)).rejects.toBeInstanceOf(
        PaymentProviderUnavailableError,
      );
      expect(standin.chargesFor(request.idempotencyKey)).toHaveLength(0);
      expect(await impatient.charge(request)).toMatchObject({ status: 'succeeded' });
      expectChargedOnceAfter(request.idempotencyKey, [429, 429, 200]);
    });

    it('should let the SDK retry a 429 that Stripe marks retryable (lock timeout) and charge once', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(1, 429, { path: '/v1/payment_intents', shouldRetry: true });
      expect(await stripe.charge(request)).toMatchObject({ status: 'succeeded' });
      expectChargedOnceAfter(request.idempotencyKey, [429, 200]);
    });

    it('should charge once when the answer to a charge that went through times out (SDK retry, same key)', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.hangNext(1, { path: '/v1/payment_intents' });
      const result = await stripe.charge(request);
      const charges = standin.chargesFor(request.idempotencyKey);
      expect(charges).toHaveLength(1);
      expect(result).toEqual({ status: 'succeeded', paymentId: charges[0]!.paymentIntentId });
      expect(
        paymentIntentRequests(request.idempotencyKey).map((r) => [r.status, r.replayed]),
      ).toEqual([
        [null, false],
        [200, true],
      ]);
    });

    it('should charge once when every SDK retry times out and the caller retries later with the same key', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      // the first request charges; it and the SDK's 3 retries never get an answer
      standin.hangNext(4, { path: '/v1/payment_intents' });
      const failure = await stripe.charge(request).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PaymentProviderUnavailableError);
      expect((failure as Error).cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
      expect(paymentIntentRequests(request.idempotencyKey)).toHaveLength(4);

      const retried = await stripe.charge(request);
      const charges = standin.chargesFor(request.idempotencyKey);
      expect(charges).toHaveLength(1);
      expect(retried).toEqual({ status: 'succeeded', paymentId: charges[0]!.paymentIntentId });
    }, 20_000);

    it('should throw PaymentProviderUnavailableError when Stripe stays down, having charged nothing', async () => {
      const card = await customerWithCard();
      const request = chargeRequest(card);
      standin.failNext(4, 503, { path: '/v1/payment_intents' });
      await expect(stripe.charge(request)).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
      expect(standin.chargesFor(request.idempotencyKey)).toHaveLength(0);
      expect(paymentIntentRequests(request.idempotencyKey)).toHaveLength(4);
    }, 20_000);

    it('should throw PaymentProviderUnavailableError when Stripe cannot be reached', async () => {
      const unreachable = createStripeProvider(
        { ...config, apiBase: 'http://127.0.0.1:9' },
        { logger: silentLogger, timeoutMs: TIMEOUT_MS, maxNetworkRetries: 0 },
      );
      await expect(unreachable.ensureCustomer(company())).rejects.toBeInstanceOf(
        PaymentProviderUnavailableError,
      );
      await expect(
        unreachable.charge(chargeRequest({ customerId: 'cus_x', methodId: 'pm_x' })),
      ).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    });

    it('should not disguise a wrong secret key as an outage', async () => {
      const misconfigured = createStripeProvider(
        { ...config, secretKey: 'sk_test_wrong' },
        { logger: silentLogger },
      );
      await expect(misconfigured.ensureCustomer(company())).rejects.toBeInstanceOf(
        Stripe.errors.StripeAuthenticationError,
      );
    });
  });

  describe('createPaymentProvider', () => {
    const noDatabase = {} as DataSource;

    it('should use Stripe when it is configured, with the publishable key for the browser', () => {
      const provider = createPaymentProvider({ stripe: config }, noDatabase, silentLogger);
      expect([provider.kind, provider.publishableKey]).toEqual(['stripe', 'pk_test_portal']);
    });

    it('should use the sandbox otherwise', () => {
      const provider = createPaymentProvider({ stripe: null }, noDatabase, silentLogger);
      expect([provider.kind, provider.publishableKey]).toEqual(['sandbox', null]);
    });
  });
});

describe('Stripe stand-in', () => {
  let standin: StripeStandin;
  let client: Stripe;

  beforeAll(async () => {
    standin = await startStripeStandin();
    const { port } = new URL(standin.url);
    client = new Stripe('sk_test_any', {
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(async () => {
    await standin?.close();
  });

  it('should refuse an idempotency key reused with other parameters, like Stripe', async () => {
    await client.customers.create({ metadata: { companyId: 'a' } }, { idempotencyKey: 'key-1' });
    await expect(
      client.customers.create({ metadata: { companyId: 'b' } }, { idempotencyKey: 'key-1' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('should answer an unknown endpoint with a Stripe-shaped 404', async () => {
    await expect(client.products.create({ name: 'x' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
    });
  });
});
