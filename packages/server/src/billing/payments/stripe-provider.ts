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
  oldestCustomer,
  paymentIntentCreateParams,
  savedCardOf,
  stripeClientConfig,
} from './stripe-mappers';

export interface StripeProviderDeps {
  readonly logger: Logger;
  /** per request, before the SDK gives up and retries (default 10 s; tests use less) */
  readonly timeoutMs?: number;
  /** the SDK's own retries, with the same idempotency key, on timeouts, 409, 5xx (default 3) */
  readonly maxNetworkRetries?: number;
}

export const STRIPE_DEFAULT_TIMEOUT_MS = 10_000;
export const STRIPE_DEFAULT_MAX_NETWORK_RETRIES = 3;

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
      const setupIntent = await stripe.setupIntents.retrieve(token, { expand: ['payment_method'] });
      const check = checkSetupIntent(setupIntent, customerId);
      if (!check.ok) throw check.error;
      return typeof check.paymentMethod === 'string'
        ? stripe.paymentMethods.retrieve(check.paymentMethod)
        : check.paymentMethod;
    }
    if (token.startsWith('pm_')) {
      // Stripe's test tokens (pm_card_visa, …) become a new PaymentMethod of this customer;
      // a PaymentMethod created in the browser is attached as it is.
      return stripe.paymentMethods.attach(token, { customer: customerId });
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
        const found = await stripe.customers.search({
          query: customerSearchQuery(company.id),
          limit: 10,
        });
        const customer =
          oldestCustomer(found.data) ??
          (await stripe.customers.create(customerCreateParams(company), {
            idempotencyKey: `customer-${company.id}`,
          }));
        const update = customerUpdateParams(customer, company);
        if (update) await stripe.customers.update(customer.id, update);
        return customer.id;
      } catch (error) {
        throw unavailableOr('ensureCustomer', error);
      }
    },

    async createCardSetup(customerId) {
      try {
        const setupIntent = await stripe.setupIntents.create({
          customer: customerId,
          usage: 'off_session',
          allowed_payment_method_types: ['card'],
        });
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
        await stripe.customers.update(customerId, {
          invoice_settings: { default_payment_method: paymentMethod.id },
        });
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
        paymentIntent = await stripe.paymentIntents.create(paymentIntentCreateParams(request), {
          idempotencyKey: request.idempotencyKey,
        });
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
