import Stripe from 'stripe';
import { PaymentDiscrepancyKind } from '../payment-discrepancy.entity';
import type { ChargeOutcome } from './charge-outcome';
import { CardRefusedError, type ChargeResult, type SavedCard } from './payment-provider';

/**
 * Pure conversions between Stripe's objects and errors and ours: no I/O, unit-tested on their
 * own (stripe-mappers.test.ts). The provider and the webhook router only orchestrate calls.
 */

/** The metadata key every PaymentIntent carries: the payment attempt it belongs to. */
export const ATTEMPT_ID_METADATA_KEY = 'attemptId';

/** Stripe's default tolerance for a webhook's timestamp: older signatures are refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The SDK's client settings; `apiBase` (STRIPE_API_BASE) points it at a stand-in of the API. */
export function stripeClientConfig(options: {
  readonly apiBase: string | null;
  readonly timeoutMs: number;
  readonly maxNetworkRetries: number;
}): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    // the SDK's own version: requests and events have the shapes its types describe
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries,
    timeout: options.timeoutMs,
    telemetry: false,
    appInfo: { name: 'Entry Portal' },
  };
  if (options.apiBase) {
    const url = new URL(options.apiBase);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    config.protocol = protocol;
    config.host = url.hostname;
    config.port = url.port || (protocol === 'http' ? 80 : 443);
  }
  return config;
}

/** Stripe's search query for the customers of a company (ids are UUIDs; quotes escaped anyway). */
export function customerSearchQuery(companyId: string): string {
  return `metadata['companyId']:'${companyId.replace(/['\\]/g, '\\$&')}'`;
}

/** The company's customer among search results: the first one created, if any. */
export function oldestCustomer(customers: readonly Stripe.Customer[]): Stripe.Customer | null {
  return customers.reduce<Stripe.Customer | null>(
    (oldest, customer) => (!oldest || customer.created < oldest.created ? customer : oldest),
    null,
  );
}

/** A customer's create parameters that never change, so the idempotency key replays them. */
export function customerCreateParams(company: { id: string }): Stripe.CustomerCreateParams {
  return { metadata: { companyId: company.id } };
}

/** What to update on a customer so it shows the company's current name and email; null: nothing. */
export function customerUpdateParams(
  customer: Pick<Stripe.Customer, 'name' | 'email'>,
  company: { name: string; email: string },
): Stripe.CustomerUpdateParams | null {
  // an empty string is "no email" on both sides (Stripe unsets a field sent empty)
  if ((customer.name ?? '') === company.name && (customer.email ?? '') === company.email)
    return null;
  return { name: company.name, email: company.email };
}

/** The card summary people may see, from a PaymentMethod. Anything but a card is refused. */
export function savedCardOf(paymentMethod: Stripe.PaymentMethod): SavedCard {
  const card = paymentMethod.card;
  if (paymentMethod.type !== 'card' || !card) {
    throw new CardRefusedError(
      'unsupported_payment_method',
      `Only cards can be saved (got a ${paymentMethod.type} payment method).`,
    );
  }
  return {
    methodId: paymentMethod.id,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
  };
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  !value ? null : typeof value === 'string' ? value : value.id;

export type SetupIntentCheck =
  | { readonly ok: true; readonly paymentMethod: string | Stripe.PaymentMethod }
  | { readonly ok: false; readonly error: CardRefusedError };

/**
 * Whether a SetupIntent the browser confirmed may be saved for this customer: it must belong to
 * the customer (a client secret of another company must not attach its card here) and have
 * succeeded; a refused card says why.
 */
export function checkSetupIntent(
  setupIntent: Stripe.SetupIntent,
  customerId: string,
): SetupIntentCheck {
  if (idOf(setupIntent.customer) !== customerId) {
    return {
      ok: false,
      error: new CardRefusedError('invalid_token', 'This card setup belongs to another customer.'),
    };
  }
  if (setupIntent.status !== 'succeeded' || !setupIntent.payment_method) {
    const refusal = setupIntent.last_setup_error;
    return {
      ok: false,
      error: refusal
        ? new CardRefusedError(
            refusal.code ?? 'card_declined',
            refusal.message ?? 'Your card was declined.',
          )
        : new CardRefusedError(
            'setup_incomplete',
            `The card setup has not succeeded (status ${setupIntent.status}).`,
          ),
    };
  }
  return { ok: true, paymentMethod: setupIntent.payment_method };
}

/** The PaymentIntent parameters of one charge (amount in minor units, currency lower-case). */
export function paymentIntentCreateParams(request: {
  customerId: string;
  methodId: string;
  amount: number;
  currency: string;
  description: string;
  metadata: Readonly<Record<string, string>>;
}): Stripe.PaymentIntentCreateParams {
  return {
    amount: request.amount,
    currency: request.currency.toLowerCase(),
    customer: request.customerId,
    payment_method: request.methodId,
    off_session: true,
    confirm: true,
    // `payment_method_types` before API version 2026-10-28 (the SDK's types refuse the old name)
    allowed_payment_method_types: ['card'],
    description: request.description,
    metadata: { ...request.metadata },
  };
}

/** A PaymentIntent's state as our result; `pending` when Stripe has not decided yet. */
export type PaymentIntentResult =
  | ChargeResult
  | { readonly status: 'pending'; readonly paymentId: string; readonly stripeStatus: string };

export function chargeResultOf(paymentIntent: Stripe.PaymentIntent): PaymentIntentResult {
  const failure = paymentIntent.last_payment_error;
  switch (paymentIntent.status) {
    case 'succeeded':
      return { status: 'succeeded', paymentId: paymentIntent.id };
    case 'requires_payment_method':
    case 'canceled':
      return {
        status: 'failed',
        paymentId: paymentIntent.id,
        code:
          failure?.code ?? (paymentIntent.status === 'canceled' ? 'canceled' : 'payment_failed'),
        message: failure?.message ?? 'The payment failed.',
      };
    case 'requires_action':
      // off-session: nobody is there to authenticate, so the bank's demand is a failure
      return {
        status: 'failed',
        paymentId: paymentIntent.id,
        code: 'authentication_required',
        message: 'The bank asks the cardholder to authenticate this payment.',
      };
    default:
      return { status: 'pending', paymentId: paymentIntent.id, stripeStatus: paymentIntent.status };
  }
}

/**
 * Stripe's words for a refused card, as its API sent them: since stripe-node 23.2 the error's
 * `message` starts with the request id ("[req_…] Your card was declined."), which is for our logs
 * (describeStripeError), not for the person paying.
 */
function cardErrorMessage(error: InstanceType<typeof Stripe.errors.StripeCardError>): string {
  const { message } = (error.raw ?? {}) as { message?: unknown };
  return (typeof message === 'string' && message) || error.message || 'Your card was declined.';
}

/** A refused card when charging (402 card_error, including authentication_required). */
export function chargeFailureOf(error: unknown): ChargeResult | null {
  if (!(error instanceof Stripe.errors.StripeCardError)) return null;
  return {
    status: 'failed',
    paymentId: error.payment_intent?.id ?? null,
    code: error.code ?? 'card_declined',
    message: cardErrorMessage(error),
  };
}

/** A refused card when saving it; a token Stripe does not know is refused too (user input). */
export function cardRefusalOf(error: unknown): CardRefusedError | null {
  if (error instanceof CardRefusedError) return error;
  if (error instanceof Stripe.errors.StripeCardError) {
    return new CardRefusedError(error.code ?? 'card_declined', cardErrorMessage(error));
  }
  return null;
}

/** Stripe knows no such object (a mistyped or foreign token). */
export function isMissingResource(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    (error.code === 'resource_missing' || error.statusCode === 404)
  );
}

/**
 * Trouble on the way to Stripe or inside it, after the SDK's own retries: the same request with
 * the same idempotency key may be sent again later. Bad requests, bad keys and idempotency
 * mismatches are bugs, not weather: they are not in this set.
 */
export function isProviderUnavailable(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (error instanceof Stripe.errors.StripeAPIError) return true;
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode ?? 0;
    // 409: another request with the same idempotency key is still in flight
    return status >= 500 || status === 409 || status === 429;
  }
  return false;
}

/**
 * Stripe's rate limiter refused the request (429): nothing was done, so the same request may be
 * sent again after a pause. (A 429 that Stripe marks `Stripe-Should-Retry: true`, a lock
 * timeout, is retried by the SDK itself first.)
 */
export function isRateLimited(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeError && error.statusCode === 429)
  );
}

/** The pause before retry `retry` (0, 1, …) of a rate-limited request: doubling, with jitter. */
export function rateLimitBackoffMs(retry: number, baseMs: number, random = Math.random()): number {
  const ceiling = baseMs * 2 ** retry;
  // between half and all of the ceiling: clients refused together do not come back together
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** What to log about a Stripe error (never the request body). */
export function describeStripeError(error: unknown): Record<string, unknown> {
  if (error instanceof Stripe.errors.StripeError) {
    return {
      type: error.type,
      code: error.code,
      statusCode: error.statusCode,
      requestId: error.requestId,
      message: error.message,
    };
  }
  return { error };
}

/** What a verified webhook event asks of us. */
export type WebhookAction =
  | {
      readonly kind: 'charge-outcome';
      /** from the PaymentIntent's metadata; null when it carries none (not one of ours) */
      readonly attemptId: string | null;
      readonly paymentIntentId: string;
      readonly amount: number;
      readonly currency: string;
      readonly outcome: ChargeOutcome;
    }
  | {
      readonly kind: 'card-setup';
      readonly setupIntentId: string;
      readonly customerId: string | null;
    }
  | { readonly kind: 'ignore' };

export function webhookActionOf(event: Stripe.Event): WebhookAction {
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed': {
      const paymentIntent = event.data.object;
      const failure = paymentIntent.last_payment_error;
      const outcome: ChargeOutcome =
        event.type === 'payment_intent.succeeded'
          ? { status: 'succeeded', paymentId: paymentIntent.id }
          : {
              status: 'failed',
              paymentId: paymentIntent.id,
              code: failure?.code ?? 'payment_failed',
              message: failure?.message ?? 'The payment failed.',
            };
      return {
        kind: 'charge-outcome',
        attemptId: paymentIntent.metadata?.[ATTEMPT_ID_METADATA_KEY] || null,
        paymentIntentId: paymentIntent.id,
        amount: paymentIntent.amount,
        currency: paymentIntent.currency,
        outcome,
      };
    }
    case 'setup_intent.succeeded':
      return {
        kind: 'card-setup',
        setupIntentId: event.data.object.id,
        customerId: idOf(event.data.object.customer),
      };
    default:
      return { kind: 'ignore' };
  }
}

/** A payment as our attempt asked for it, or as the provider's event says it was made. */
export interface PaymentTerms {
  readonly amount: number;
  readonly currency: string;
  /** the PaymentIntent id; null while our attempt does not know it yet (its call timed out) */
  readonly paymentId: string | null;
}

/**
 * What of the payment an event reports differs from what our attempt asked for; empty when they
 * match. Currencies compare without case (Stripe writes them lower-case, we upper-case); an
 * attempt that does not know its PaymentIntent yet accepts the event's.
 */
export function paymentDiscrepanciesOf(
  expected: PaymentTerms,
  received: PaymentTerms,
): PaymentDiscrepancyKind[] {
  const kinds: PaymentDiscrepancyKind[] = [];
  if (expected.amount !== received.amount) kinds.push(PaymentDiscrepancyKind.AMOUNT);
  if (expected.currency.toUpperCase() !== received.currency.toUpperCase())
    kinds.push(PaymentDiscrepancyKind.CURRENCY);
  if (expected.paymentId !== null && expected.paymentId !== received.paymentId)
    kinds.push(PaymentDiscrepancyKind.PAYMENT_INTENT);
  return kinds;
}
