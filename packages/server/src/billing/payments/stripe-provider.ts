import { setTimeout as sleep } from 'node:timers/promises';
import Stripe from 'stripe';
import type { StripeConfig } from '../../config/config';
import type { Logger } from '../../observability/logger';
import {
  CardRefusedError,
  PaymentProviderUnavailableError,
  type ChargeRequest,
  type ChargeResult,
  type PaymentProvider,
  type SavedCard,
} from './payment-provider';
import {
  cardRefusalOf,
  chargeFailureOf,
  chargeResultOf,
  checkSetupIntent,
  customerCreateParams,
  customerSearchQuery,
  customerUpdateParams,
  describeStripeError,
  isMissingResource,
  isProviderUnavailable,
  isRateLimited,
  oldestCustomer,
  paymentIntentCreateParams,
  rateLimitBackoffMs,
  savedCardOf,
  stripeClientConfig,
} from './stripe-mappers';
import { createRateLimiter } from './rate-limiter';

export interface StripeProviderDeps {
  readonly logger: Logger;
  /** per request, before the SDK gives up and retries (default 10 s; tests use less) */
  readonly timeoutMs?: number;
  /** the SDK's own retries, with the same idempotency key, on timeouts, 409, 5xx (default 3) */
  readonly maxNetworkRetries?: number;
  /**
   * requests per second this process sends to Stripe at most (default: 80 with a live key, 20
   * with a test key, under Stripe's limits of 100 and 25)
   */
  readonly maxRequestsPerSecond?: number;
  /** how often a request Stripe refused with 429 (rate limited) is sent again (default 5) */
  readonly rateLimitRetries?: number;
  /** the first pause after a 429; each next one doubles (default 500 ms) */
  readonly rateLimitBackoffMs?: number;
}

export const STRIPE_DEFAULT_TIMEOUT_MS = 10_000;
export const STRIPE_DEFAULT_MAX_NETWORK_RETRIES = 3;
/** Stripe allows 100 requests per second in live mode and 25 in test mode: stay below both. */
export const STRIPE_LIVE_REQUESTS_PER_SECOND = 80;
export const STRIPE_TEST_REQUESTS_PER_SECOND = 20;
export const STRIPE_DEFAULT_RATE_LIMIT_RETRIES = 5;
export const STRIPE_DEFAULT_RATE_LIMIT_BACKOFF_MS = 500;

/** The pace for a key: live keys get the live allowance, test keys the test one. */
export function defaultStripeRequestsPerSecond(secretKey: string): number {
  return secretKey.includes('_live_')
    ? STRIPE_LIVE_REQUESTS_PER_SECOND
    : STRIPE_TEST_REQUESTS_PER_SECOND;
}

/** The SDK client for the configured account (and STRIPE_API_BASE's stand-in when set). */
export function createStripeClient(
  config: StripeConfig,
  options: { timeoutMs?: number; maxNetworkRetries?: number } = {},
): Stripe {
  return new Stripe(
    config.secretKey,
    stripeClientConfig({
      apiBase: config.apiBase,
      timeoutMs: options.timeoutMs ?? STRIPE_DEFAULT_TIMEOUT_MS,
      maxNetworkRetries: options.maxNetworkRetries ?? STRIPE_DEFAULT_MAX_NETWORK_RETRIES,
    }),
  );
}

/**
 * Payments with Stripe: a customer per company, cards saved in the browser with a SetupIntent
 * (card numbers never reach this server) and charged off-session with PaymentIntents. Every
 * charge carries the caller's idempotency key, so a repeat after a timeout, from the SDK's retries
 * or from ours later, returns the first PaymentIntent instead of charging twice.
 */
export function createStripeProvider(
  config: StripeConfig,
  deps: StripeProviderDeps,
): PaymentProvider {
  const { logger } = deps;
  const stripe = createStripeClient(config, deps);
  // one pace for every request of this provider: a billing run's charges, the wizard's card
  // setups and customer lookups all count against the same Stripe account's limit
  const limiter = createRateLimiter(
    deps.maxRequestsPerSecond ?? defaultStripeRequestsPerSecond(config.secretKey),
  );
  const rateLimitRetries = deps.rateLimitRetries ?? STRIPE_DEFAULT_RATE_LIMIT_RETRIES;
  const backoffMs = deps.rateLimitBackoffMs ?? STRIPE_DEFAULT_RATE_LIMIT_BACKOFF_MS;

  /**
   * Sends one API request at the client-side pace; a 429 from Stripe's rate limiter is sent
   * again after a growing pause, unchanged (the same idempotency key when it has one: the
   * refused request did nothing, so the repeat cannot do anything twice).
   */
  async function paced<T>(request: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await limiter.take();
      try {
        return await request();
      } catch (error) {
        if (!isRateLimited(error) || retry >= rateLimitRetries) throw error;
        const pause = rateLimitBackoffMs(retry, backoffMs);
        logger.warn(`stripe: rate limited, sending again in ${pause} ms`, {
          retry: retry + 1,
          ...describeStripeError(error),
        });
        await sleep(pause);
      }
    }
  }

  /** Network trouble and Stripe outages become "try again later"; anything else stays itself. */
  const unavailableOr = (operation: string, error: unknown): unknown => {
    if (!isProviderUnavailable(error)) return error;
    logger.warn(`stripe: ${operation} failed, will be retried`, describeStripeError(error));
    return new PaymentProviderUnavailableError(`Stripe is unavailable (${operation})`, {
      cause: error,
    });
  };

  async function paymentMethodFromToken(
    customerId: string,
    token: string,
  ): Promise<Stripe.PaymentMethod> {
    if (token.startsWith('seti_')) {
      const setupIntent = await paced(() =>
        stripe.setupIntents.retrieve(token, { expand: ['payment_method'] }),
      );
      const check = checkSetupIntent(setupIntent, customerId);
      if (!check.ok) throw check.error;
      const { paymentMethod } = check;
      return typeof paymentMethod === 'string'
        ? paced(() => stripe.paymentMethods.retrieve(paymentMethod))
        : paymentMethod;
    }
    if (token.startsWith('pm_')) {
      // Stripe's test tokens (pm_card_visa, …) become a new PaymentMethod of this customer;
      // a PaymentMethod created in the browser is attached as it is.
      return paced(() => stripe.paymentMethods.attach(token, { customer: customerId }));
    }
    throw new CardRefusedError(
      'invalid_token',
      'Expected a SetupIntent (seti_…) or a PaymentMethod (pm_…).',
    );
  }

  return {
    kind: 'stripe',
    publishableKey: config.publishableKey,

    async ensureCustomer(company) {
      try {
        // Search finds the company's customer created earlier (its index lags by up to a minute);
        // the key makes concurrent first uses create one customer (Stripe replays the first
        // answer for 24 hours); the parameters never change, so a replay never mismatches.
        const found = await paced(() =>
          stripe.customers.search({ query: customerSearchQuery(company.id), limit: 10 }),
        );
        const customer =
          oldestCustomer(found.data) ??
          (await paced(() =>
            stripe.customers.create(customerCreateParams(company), {
              idempotencyKey: `customer-${company.id}`,
            }),
          ));
        const update = customerUpdateParams(customer, company);
        if (update) await paced(() => stripe.customers.update(customer.id, update));
        return customer.id;
      } catch (error) {
        throw unavailableOr('ensureCustomer', error);
      }
    },

    async createCardSetup(customerId) {
      try {
        const setupIntent = await paced(() =>
          stripe.setupIntents.create({
            customer: customerId,
            usage: 'off_session',
            allowed_payment_method_types: ['card'],
          }),
        );
        if (!setupIntent.client_secret)
          throw new Error(`SetupIntent ${setupIntent.id} came without a client secret`);
        return { clientSecret: setupIntent.client_secret };
      } catch (error) {
        throw unavailableOr('createCardSetup', error);
      }
    },

    async saveCard(customerId, token): Promise<SavedCard> {
      try {
        let paymentMethod: Stripe.PaymentMethod;
        try {
          paymentMethod = await paymentMethodFromToken(customerId, token);
        } catch (error) {
          if (isMissingResource(error))
            throw new CardRefusedError('invalid_token', `Stripe does not know ${token}.`);
          throw error;
        }
        const card = savedCardOf(paymentMethod);
        await paced(() =>
          stripe.customers.update(customerId, {
            invoice_settings: { default_payment_method: paymentMethod.id },
          }),
        );
        return card;
      } catch (error) {
        const refusal = cardRefusalOf(error);
        if (refusal) throw refusal;
        throw unavailableOr('saveCard', error);
      }
    },

    async charge(request: ChargeRequest): Promise<ChargeResult> {
      let paymentIntent: Stripe.PaymentIntent;
      try {
        paymentIntent = await paced(() =>
          stripe.paymentIntents.create(paymentIntentCreateParams(request), {
            idempotencyKey: request.idempotencyKey,
          }),
        );
      } catch (error) {
        const failure = chargeFailureOf(error);
        if (failure) return failure;
        throw unavailableOr('charge', error);
      }
      const result = chargeResultOf(paymentIntent);
      if (result.status !== 'pending') return result;
      // Cards practically never stay processing; if one does, its webhook settles the attempt.
      logger.warn('stripe: payment not settled yet, waiting for its webhook', {
        paymentIntentId: result.paymentId,
        status: result.stripeStatus,
        idempotencyKey: request.idempotencyKey,
      });
      throw new PaymentProviderUnavailableError(
        `PaymentIntent ${result.paymentId} is ${result.stripeStatus}: its webhook will settle it`,
      );
    },
  };
}
