import Stripe from 'stripe';
import { PaymentDiscrepancyKind } from '../../src/billing/payment-discrepancy.entity';
import { CardRefusedError } from '../../src/billing/payments/payment-provider';
import {
  cardRefusalOf,
  chargeFailureOf,
  chargeResultOf,
  checkSetupIntent,
  customerSearchQuery,
  customerUpdateParams,
  isMissingResource,
  isProviderUnavailable,
  isRateLimited,
  oldestCustomer,
  paymentDiscrepanciesOf,
  paymentIntentCreateParams,
  rateLimitBackoffMs,
  savedCardOf,
  stripeClientConfig,
  webhookActionOf,
} from '../../src/billing/payments/stripe-mappers';

// Stripe objects are large; the mappers read a few fields. Casts keep the fixtures readable.
const paymentMethod = (overrides: Record<string, unknown> = {}) =>
  ({
    id: 'pm_123',
    object: 'payment_method',
    type: 'card',
    card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
    ...overrides,
  }) as unknown as Stripe.PaymentMethod;

const paymentIntent = (overrides: Record<string, unknown> = {}) =>
  ({
    id: 'pi_123',
    object: 'payment_intent',
    amount: 12_500,
    currency: 'sek',
    status: 'succeeded',
    last_payment_error: null,
    metadata: { attemptId: 'attempt-1' },
    ...overrides,
  }) as unknown as Stripe.PaymentIntent;

const setupIntent = (overrides: Record<string, unknown> = {}) =>
  ({
    id: 'seti_123',
    object: 'setup_intent',
    customer: 'cus_1',
    status: 'succeeded',
    payment_method: 'pm_123',
    last_setup_error: null,
    ...overrides,
  }) as unknown as Stripe.SetupIntent;

const event = (type: string, object: unknown) =>
  ({ id: 'evt_1', object: 'event', type, data: { object } }) as unknown as Stripe.Event;

const cardError = (raw: Record<string, unknown>) =>
  new Stripe.errors.StripeCardError({ type: 'card_error', statusCode: 402, ...raw } as never);

describe('Stripe mappers', () => {
  describe('stripeClientConfig', () => {
    it('should pin the SDK API version and leave the host alone when no API base is set', () => {
      const config = stripeClientConfig({ apiBase: null, timeoutMs: 10_000, maxNetworkRetries: 3 });
      expect(config).toMatchObject({
        apiVersion: Stripe.API_VERSION,
        timeout: 10_000,
        maxNetworkRetries: 3,
      });
      expect(config.host).toBeUndefined();
    });

    it('should point the SDK at STRIPE_API_BASE when it is set', () => {
      expect(
        stripeClientConfig({
          apiBase: 'http://127.0.0.1:12111',
          timeoutMs: 1,
          maxNetworkRetries: 0,
        }),
      ).toMatchObject({
        protocol: 'http',
        host: '127.0.0.1',
        port: '12111',
      });
      expect(
        stripeClientConfig({
          apiBase: 'https://stripe.internal',
          timeoutMs: 1,
          maxNetworkRetries: 0,
        }),
      ).toMatchObject({
        protocol: 'https',
        host: 'stripe.internal',
        port: 443,
      });
    });
  });

  describe('customer search', () => {
    it('should search customers by the company id in the metadata', () => {
      expect(customerSearchQuery('0b5f…')).toBe("metadata['companyId']:'0b5f…'");
      expect(customerSearchQuery("x'y")).toBe("metadata['companyId']:'x\\'y'");
    });

    it('should take the first customer created when a search finds several', () => {
      const found = [
        { id: 'cus_b', created: 200 },
        { id: 'cus_a', created: 100 },
      ] as Stripe.Customer[];
      expect(oldestCustomer(found)?.id).toBe('cus_a');
      expect(oldestCustomer([])).toBeNull();
    });
  });

  describe('customerUpdateParams', () => {
    it('should update nothing when the customer shows the company as it is', () => {
      expect(
        customerUpdateParams(
          { name: 'Acme', email: 'pay@acme.test' },
          { name: 'Acme', email: 'pay@acme.test' },
        ),
      ).toBeNull();
      expect(
        customerUpdateParams({ name: 'Acme', email: null }, { name: 'Acme', email: '' }),
      ).toBeNull();
    });

    it('should update the name and email when the company changed', () => {
      expect(
        customerUpdateParams({ name: null, email: null }, { name: 'Acme', email: 'pay@acme.test' }),
      ).toEqual({
        name: 'Acme',
        email: 'pay@acme.test',
      });
    });
  });

  describe('savedCardOf', () => {
    it('should map a card PaymentMethod to the card summary', () => {
      expect(savedCardOf(paymentMethod())).toEqual({
        methodId: 'pm_123',
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2030,
      });
    });

    it('should refuse a PaymentMethod that is not a card', () => {
      expect(() => savedCardOf(paymentMethod({ type: 'sepa_debit', card: null }))).toThrow(
        CardRefusedError,
      );
    });
  });

  describe('checkSetupIntent', () => {
    it('should accept a succeeded SetupIntent of the customer', () => {
      expect(checkSetupIntent(setupIntent(), 'cus_1')).toEqual({
        ok: true,
        paymentMethod: 'pm_123',
      });
      expect(checkSetupIntent(setupIntent({ customer: { id: 'cus_1' } }), 'cus_1').ok).toBe(true);
    });

    it('should refuse a SetupIntent of another customer', () => {
      const check = checkSetupIntent(setupIntent({ customer: 'cus_2' }), 'cus_1');
      expect(check.ok).toBe(false);
      expect(!check.ok && check.error.code).toBe('invalid_token');
    });

    it('should refuse a SetupIntent that did not succeed, with the card error when there is one', () => {
      const declined = checkSetupIntent(
        setupIntent({
          status: 'requires_payment_method',
          payment_method: null,
          last_setup_error: { code: 'card_declined', message: 'Your card was declined.' },
        }),
        'cus_1',
      );
      expect(!declined.ok && [declined.error.code, declined.error.message]).toEqual([
        'card_declined',
        'Your card was declined.',
      ]);
      const unfinished = checkSetupIntent(
        setupIntent({ status: 'requires_confirmation', payment_method: null }),
        'cus_1',
      );
      expect(!unfinished.ok && unfinished.error.code).toBe('setup_incomplete');
    });
  });

  describe('paymentIntentCreateParams', () => {
    it('should confirm off-session in lower-case currency with the metadata', () => {
      expect(
        paymentIntentCreateParams({
          customerId: 'cus_1',
          methodId: 'pm_1',
          amount: 12_500,
          currency: 'SEK',
          description: 'Invoice 2026-000001',
          metadata: { attemptId: 'a1' },
        }),
      ).toEqual({
        amount: 12_500,
        currency: 'sek',
        customer: 'cus_1',
        payment_method: 'pm_1',
        off_session: true,
        confirm: true,
        allowed_payment_method_types: ['card'],
        description: 'Invoice 2026-000001',
        metadata: { attemptId: 'a1' },
      });
    });
  });

  describe('chargeResultOf', () => {
    it('should map a succeeded PaymentIntent to a success', () => {
      expect(chargeResultOf(paymentIntent())).toEqual({ status: 'succeeded', paymentId: 'pi_123' });
    });

    it('should map a PaymentIntent that needs another card to a failure with its error', () => {
      expect(
        chargeResultOf(
          paymentIntent({
            status: 'requires_payment_method',
            last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
          }),
        ),
      ).toEqual({
        status: 'failed',
        paymentId: 'pi_123',
        code: 'card_declined',
        message: 'Your card was declined.',
      });
    });

    it('should map requires_action off-session to authentication_required', () => {
      expect(chargeResultOf(paymentIntent({ status: 'requires_action' }))).toMatchObject({
        status: 'failed',
        code: 'authentication_required',
      });
    });

    it('should report a processing PaymentIntent as pending', () => {
      expect(chargeResultOf(paymentIntent({ status: 'processing' }))).toEqual({
        status: 'pending',
        paymentId: 'pi_123',
        stripeStatus: 'processing',
      });
    });
  });

  describe('errors', () => {
    it('should turn a card error on a charge into a failure with the PaymentIntent id', () => {
      const error = cardError({
        code: 'card_declined',
        message: 'Your card was declined.',
        payment_intent: paymentIntent({ status: 'requires_payment_method' }),
      });
      expect(chargeFailureOf(error)).toEqual({
        status: 'failed',
        paymentId: 'pi_123',
        code: 'card_declined',
        message: 'Your card was declined.',
      });
      expect(
        chargeFailureOf(cardError({ code: 'authentication_required', message: 'Authenticate.' })),
      ).toEqual({
        status: 'failed',
        paymentId: null,
        code: 'authentication_required',
        message: 'Authenticate.',
      });
    });

    it('should not take other errors for a declined charge', () => {
      expect(
        chargeFailureOf(new Stripe.errors.StripeAPIError({ message: 'boom' } as never)),
      ).toBeNull();
      expect(chargeFailureOf(new Error('boom'))).toBeNull();
    });

    it('should turn a card error on saving into a CardRefusedError with Stripe code', () => {
      const refusal = cardRefusalOf(
        cardError({ code: 'expired_card', message: 'Your card has expired.' }),
      );
      expect(refusal).toBeInstanceOf(CardRefusedError);
      expect([refusal?.code, refusal?.message]).toEqual(['expired_card', 'Your card has expired.']);
      expect(cardRefusalOf(new Error('boom'))).toBeNull();
    });

    it('should recognise a token Stripe does not know', () => {
      const missing = new Stripe.errors.StripeInvalidRequestError({
        statusCode: 404,
        code: 'resource_missing',
        message: "No such PaymentMethod: 'pm_x'",
      } as never);
      expect(isMissingResource(missing)).toBe(true);
      expect(
        isMissingResource(
          new Stripe.errors.StripeInvalidRequestError({ statusCode: 400, message: 'x' } as never),
        ),
      ).toBe(false);
    });

    it.each([
      [
        'a connection error or timeout',
        new Stripe.errors.StripeConnectionError({ message: 'timeout' } as never),
        true,
      ],
      [
        'a 429 rate limit',
        new Stripe.errors.StripeRateLimitError({ statusCode: 429, message: 'slow down' } as never),
        true,
      ],
      [
        'a 500',
        new Stripe.errors.StripeAPIError({ statusCode: 500, message: 'oops' } as never),
        true,
      ],
      [
        'a 409 key in use',
        new Stripe.errors.StripeError({ statusCode: 409, message: 'in use' } as never),
        true,
      ],
      ['a card error', cardError({ code: 'card_declined', message: 'no' }), false],
      [
        'a bad request',
        new Stripe.errors.StripeInvalidRequestError({ statusCode: 400, message: 'bad' } as never),
        false,
      ],
      [
        'an idempotency mismatch',
        new Stripe.errors.StripeIdempotencyError({ statusCode: 400, message: 'key' } as never),
        false,
      ],
      [
        'a wrong API key',
        new Stripe.errors.StripeAuthenticationError({ statusCode: 401, message: 'key' } as never),
        false,
      ],
      ['a plain error', new Error('bug'), false],
    ])('should say whether %s is worth retrying later', (_name, error, expected) => {
      expect(isProviderUnavailable(error)).toBe(expected);
    });

    it.each([
      [
        'a 429 rate limit',
        new Stripe.errors.StripeRateLimitError({ statusCode: 429, message: 'slow down' } as never),
        true,
      ],
      [
        'a 429 of another class',
        new Stripe.errors.StripeError({ statusCode: 429, message: 'slow down' } as never),
        true,
      ],
      [
        'a 500',
        new Stripe.errors.StripeAPIError({ statusCode: 500, message: 'oops' } as never),
        false,
      ],
      ['a card error', cardError({ code: 'card_declined', message: 'no' }), false],
      ['a plain error', new Error('429'), false],
    ])('should tell whether %s is Stripe saying slow down', (_name, error, expected) => {
      expect(isRateLimited(error)).toBe(expected);
    });

    it('should double the pause after each 429, between half and all of it', () => {
      expect([0, 1, 2, 3].map((retry) => rateLimitBackoffMs(retry, 500, 1))).toEqual([
        500, 1000, 2000, 4000,
      ]);
      expect(rateLimitBackoffMs(2, 500, 0)).toBe(1000);
      expect(rateLimitBackoffMs(2, 500, 0.5)).toBe(1500);
    });
  });

  describe('webhookActionOf', () => {
    it('should map payment_intent.succeeded to a success for the attempt in the metadata', () => {
      expect(webhookActionOf(event('payment_intent.succeeded', paymentIntent()))).toEqual({
        kind: 'charge-outcome',
        attemptId: 'attempt-1',
        paymentIntentId: 'pi_123',
        amount: 12_500,
        currency: 'sek',
        outcome: { status: 'succeeded', paymentId: 'pi_123' },
      });
    });

    it('should map payment_intent.payment_failed to a failure with the last payment error', () => {
      const failed = paymentIntent({
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
      });
      expect(webhookActionOf(event('payment_intent.payment_failed', failed))).toMatchObject({
        kind: 'charge-outcome',
        outcome: {
          status: 'failed',
          paymentId: 'pi_123',
          code: 'card_declined',
          message: 'Your card was declined.',
        },
      });
      expect(
        webhookActionOf(
          event('payment_intent.payment_failed', paymentIntent({ last_payment_error: null })),
        ),
      ).toMatchObject({
        outcome: { status: 'failed', code: 'payment_failed' },
      });
    });

    it('should carry no attempt for a PaymentIntent without our metadata', () => {
      expect(
        webhookActionOf(event('payment_intent.succeeded', paymentIntent({ metadata: {} }))),
      ).toMatchObject({
        kind: 'charge-outcome',
        attemptId: null,
      });
    });

    it('should note a card set up and ignore other types', () => {
      expect(webhookActionOf(event('setup_intent.succeeded', setupIntent()))).toEqual({
        kind: 'card-setup',
        setupIntentId: 'seti_123',
        customerId: 'cus_1',
      });
      expect(webhookActionOf(event('customer.created', { id: 'cus_1' }))).toEqual({
        kind: 'ignore',
      });
      expect(webhookActionOf(event('payment_intent.created', paymentIntent()))).toEqual({
        kind: 'ignore',
      });
    });
  });

  describe('paymentDiscrepanciesOf', () => {
    const expected = { amount: 12_500, currency: 'SEK', paymentId: 'pi_1' };

    it('should find nothing when the payment matches, whatever the case of its currency', () => {
      expect(paymentDiscrepanciesOf(expected, { ...expected, currency: 'sek' })).toEqual([]);
    });

    it('should accept any PaymentIntent when the attempt does not know its own yet', () => {
      expect(
        paymentDiscrepanciesOf(
          { ...expected, paymentId: null },
          { ...expected, paymentId: 'pi_2' },
        ),
      ).toEqual([]);
    });

    it('should name each part that differs when amount, currency or PaymentIntent differ', () => {
      expect(paymentDiscrepanciesOf(expected, { ...expected, amount: 1 })).toEqual([
        PaymentDiscrepancyKind.AMOUNT,
      ]);
      expect(paymentDiscrepanciesOf(expected, { ...expected, currency: 'eur' })).toEqual([
        PaymentDiscrepancyKind.CURRENCY,
      ]);
      expect(paymentDiscrepanciesOf(expected, { ...expected, paymentId: 'pi_2' })).toEqual([
        PaymentDiscrepancyKind.PAYMENT_INTENT,
      ]);
      expect(
        paymentDiscrepanciesOf(expected, { amount: 0, currency: 'usd', paymentId: 'pi_2' }),
      ).toEqual([
        PaymentDiscrepancyKind.AMOUNT,
        PaymentDiscrepancyKind.CURRENCY,
        PaymentDiscrepancyKind.PAYMENT_INTENT,
      ]);
    });
  });
});
