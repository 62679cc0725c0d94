import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the parts of Stripe's API that the portal calls, so the real `stripe` SDK
 * runs in tests with no network (STRIPE_API_BASE=standin.url). It speaks Stripe's wire format:
 * form-encoded request bodies with nested keys (`metadata[attemptId]=…`), Bearer secret keys,
 * Stripe-shaped JSON objects and errors, idempotency keys replayed like Stripe does (the same key
 * and parameters replay the first answer with `Idempotent-Replayed: true`; other parameters are a
 * 400 idempotency_error). Tests can inject faults (429/5xx, a hang past the client's timeout after
 * the charge went through), count the charges actually made per idempotency key, and send
 * webhooks signed like Stripe signs them. With `rateLimitPerSecond` it refuses requests above that
 * many in any second with Stripe's rate-limit 429, as the live API does above 100 per second.
 *
 * Endpoints: POST /v1/customers, GET /v1/customers/search (metadata['key']:'value' only),
 * GET|POST /v1/customers/:id, POST /v1/setup_intents,
 * GET /v1/setup_intents/:id (expand[]=payment_method), GET /v1/payment_methods/:id,
 * POST /v1/payment_methods/:id/attach, POST /v1/payment_intents (off-session, confirmed),
 * GET /v1/payment_intents/:id.
 */

type StripeObject = Record<string, unknown> & { id: string; object: string };
type Params = Record<string, unknown>;

interface CardFailure {
  readonly code: string;
  readonly decline_code?: string;
  readonly message: string;
}

interface TestCard {
  readonly brand: string;
  readonly last4: string;
  /** refused when attached (and when a SetupIntent is confirmed with it) */
  readonly refusedOnAttach?: CardFailure;
  /** attaches, but every off-session charge fails this way */
  readonly chargeFailure?: CardFailure;
}

const DECLINED: CardFailure = {
  code: 'card_declined',
  decline_code: 'generic_decline',
  message: 'Your card was declined.',
};

/** Stripe's test PaymentMethod tokens, behaving as in Stripe's test mode. */
export const STANDIN_TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', refusedOnAttach: DECLINED },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    refusedOnAttach: { code: 'expired_card', message: 'Your card has expired.' },
  },
  pm_card_visa_chargeDeclined: { brand: 'visa', last4: '0341', chargeFailure: DECLINED },
  pm_card_authenticationRequired: {
    brand: 'visa',
    last4: '3184',
    chargeFailure: {
      code: 'authentication_required',
      decline_code: 'authentication_required',
      message: 'Your card was declined. This transaction requires authentication.',
    },
  },
};

export interface StandinRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  /** the status answered; null while (or when) the request hangs */
  status: number | null;
  replayed: boolean;
}

export interface StandinCharge {
  readonly idempotencyKey: string | null;
  readonly paymentIntentId: string;
  readonly amount: number;
  readonly currency: string;
  readonly customer: string;
  readonly paymentMethod: string;
  readonly succeeded: boolean;
}

export interface FaultOptions {
  /** only requests whose path starts with this (e.g. '/v1/payment_intents') */
  readonly path?: string;
  /**
   * 'before': the request fails in front of the API (nothing done, nothing remembered for its
   * idempotency key); 'after': the API did the work and remembered it, but the answer is lost
   * in a 5xx on the way back. Default 'before'.
   */
  readonly when?: 'before' | 'after';
  /** adds `Stripe-Should-Retry: true|false`, as Stripe does on some 429 (lock timeouts) and 5xx */
  readonly shouldRetry?: boolean;
}

type Fault =
  | { kind: 'status'; status: number; options: FaultOptions }
  | { kind: 'hang'; options: { path?: string } };

export interface WebhookOptions {
  readonly secret: string;
  /** seconds since the epoch; default now */
  readonly timestamp?: number;
  /** the v1 signature to send instead of the correct one (forgeries) */
  readonly signature?: string;
  /** send no Stripe-Signature header at all */
  readonly unsigned?: boolean;
}

export interface StandinOptions {
  /** the only secret key accepted (any sk_/rk_ key when unset) */
  readonly secretKey?: string;
  /** requests per second answered; more in any one-second window get a rate-limit 429 */
  readonly rateLimitPerSecond?: number;
}

/** Stripe's answer above an account's rate limit (no Stripe-Should-Retry: the SDK does not retry it). */
export const RATE_LIMIT_ERROR = {
  type: 'invalid_request_error',
  code: 'rate_limit',
  doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
  message:
    'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
} as const;

export interface StripeStandin {
  readonly url: string;
  /** requests refused by the rate limit so far */
  readonly rateLimited: number;
  /** changes the rate limit (null: none), e.g. none while a test sets up customers */
  setRateLimit(perSecond: number | null): void;
  /** every request in order of arrival */
  readonly requests: readonly StandinRequest[];
  /** every charge actually made (a PaymentIntent confirmed), successful or not */
  readonly charges: readonly StandinCharge[];
  chargesFor(idempotencyKey: string): StandinCharge[];
  /** the next `count` matching requests answer `status` (429, 500, 503, …) */
  failNext(count: number, status: number, options?: FaultOptions): void;
  /** the next `count` matching requests are processed, then never answered (the client times out) */
  hangNext(count: number, options?: { path?: string }): void;
  /** what 24 hours do to Stripe's idempotency keys: they are forgotten */
  forgetIdempotencyKeys(): void;
  customer(id: string): StripeObject | undefined;
  customers(): StripeObject[];
  paymentIntent(id: string): StripeObject | undefined;
  paymentMethod(id: string): StripeObject | undefined;
  /** What Stripe.js does in the browser: confirms a SetupIntent with a test card token. */
  confirmSetupIntent(setupIntentId: string, testToken: string): StripeObject;
  /** A Stripe-shaped event around a copy of `object` (e.g. a PaymentIntent). */
  event(
    type: string,
    object: Record<string, unknown>,
    overrides?: Record<string, unknown>,
  ): StripeObject;
  /** POSTs `event` to `url` signed like Stripe: `Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`. */
  sendWebhook(
    url: string,
    event: Record<string, unknown>,
    options: WebhookOptions,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** `Stripe-Signature` header value for a payload, computed as Stripe documents it. */
export function stripeSignatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const clone = <T>(value: T): T => structuredClone(value);

/** Parses Stripe's form encoding: `a[b][c]=x`, `list[0]=x`, `list[]=x` into nested values. */
export function parseStripeForm(body: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const segments = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: Params = root;
    segments.forEach((segment, index) => {
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === segments.length - 1) {
        node[key] = value;
        return;
      }
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Params;
    });
  }
  return arraysOf(root) as Params;
}

/** Objects whose keys are 0..n-1 become arrays (qs's indexed array format). */
function arraysOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Params).map(([k, v]) => [k, arraysOf(v)] as const);
  const keys = entries.map(([k]) => k);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['message']));
  }
}

const invalidRequest = (message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(400, { type: 'invalid_request_error', message, ...extra });
const missing = (what: string, id: string, param: string) =>
  new ApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${what}: '${id}'`,
  });

const stringOf = (params: Params, key: string): string | undefined =>
  typeof params[key] === 'string' ? (params[key] as string) : undefined;
/** `allowed_payment_method_types` since API version 2026-10-28, `payment_method_types` before. */
const allowedTypesOf = (params: Params): string[] | null =>
  (params['allowed_payment_method_types'] as string[] | undefined) ??
  (params['payment_method_types'] as string[] | undefined) ??
  null;
const metadataOf = (params: Params): Record<string, string> =>
  typeof params['metadata'] === 'object' && params['metadata'] !== null
    ? (params['metadata'] as Record<string, string>)
    : {};

export async function startStripeStandin(options: StandinOptions = {}): Promise<StripeStandin> {
  const customers = new Map<string, StripeObject>();
  const setupIntents = new Map<string, StripeObject>();
  const paymentMethods = new Map<string, StripeObject & { __chargeFailure?: CardFailure }>();
  const paymentIntents = new Map<string, StripeObject>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const requests: StandinRequest[] = [];
  const charges: StandinCharge[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<http.ServerResponse>();
  let rateLimit = options.rateLimitPerSecond ?? null;
  let rateLimited = 0;
  /** when the requests of the last second were let through (a sliding one-second window) */
  const admitted: number[] = [];

  /** Whether the rate limit lets a request through now; counts it when it does. */
  function admit(): boolean {
    if (rateLimit === null) return true;
    const now = performance.now();
    while (admitted.length > 0 && admitted[0]! <= now - 1000) admitted.shift();
    if (admitted.length >= rateLimit) return false;
    admitted.push(now);
    return true;
  }

  const publicPaymentMethod = (pm: StripeObject): StripeObject => {
    const { __chargeFailure: _ignored, ...rest } = pm as StripeObject & {
      __chargeFailure?: unknown;
    };
    return clone(rest) as StripeObject;
  };

  function createPaymentMethodFromTestToken(token: string, customer: string | null) {
    const card = STANDIN_TEST_CARDS[token];
    if (!card) throw missing('PaymentMethod', token, 'payment_method');
    if (card.refusedOnAttach) {
      throw new ApiError(402, { type: 'card_error', param: '', ...card.refusedOnAttach });
    }
    const pm = {
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      billing_details: { address: null, email: null, name: null, phone: null },
      card: {
        brand: card.brand,
        display_brand: card.brand,
        last4: card.last4,
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 3,
        funding: 'credit',
        country: 'US',
      },
      customer,
      created: nowSeconds(),
      livemode: false,
      metadata: {},
      __chargeFailure: card.chargeFailure,
    };
    paymentMethods.set(pm.id, pm);
    return pm;
  }

  function customerOr404(id: string, param = 'customer'): StripeObject {
    const customer = customers.get(id);
    if (!customer) throw missing('customer', id, param);
    return customer;
  }

  function handle(
    method: string,
    path: string,
    params: Params,
    query: Params,
  ): { status: number; body: unknown } {
    const segments = path.split('/').filter(Boolean);
    const route = `${method} /${segments.map((s, i) => (i >= 2 && i % 2 === 0 ? ':id' : s)).join('/')}`;
    const id = segments[2] ?? '';
    if (method === 'GET' && path === '/v1/customers/search') return searchCustomers(query);
    switch (route) {
      case 'POST /v1/customers': {
        const customer: StripeObject = {
          id: newId('cus'),
          object: 'customer',
          name: stringOf(params, 'name') ?? null,
          email: stringOf(params, 'email') ?? null,
          description: stringOf(params, 'description') ?? null,
          metadata: metadataOf(params),
          invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
          created: nowSeconds(),
          livemode: false,
        };
        customers.set(customer.id, customer);
        return { status: 200, body: clone(customer) };
      }
      case 'GET /v1/customers/:id':
        return { status: 200, body: clone(customerOr404(id, 'id')) };
      case 'POST /v1/customers/:id': {
        const customer = customerOr404(id, 'id');
        for (const key of ['name', 'email', 'description'] as const) {
          if (key in params) customer[key] = stringOf(params, key) || null;
        }
        if (params['metadata'])
          customer['metadata'] = { ...(customer['metadata'] as object), ...metadataOf(params) };
        const settings = params['invoice_settings'] as Params | undefined;
        if (settings && 'default_payment_method' in settings) {
          const pmId = stringOf(settings, 'default_payment_method') || null;
          if (pmId && paymentMethods.get(pmId)?.['customer'] !== customer.id) {
            throw invalidRequest(
              `The customer does not have a payment method with the ID ${pmId}.`,
              {
                param: 'invoice_settings[default_payment_method]',
                code: 'resource_missing',
              },
            );
          }
          customer['invoice_settings'] = {
            ...(customer['invoice_settings'] as object),
            default_payment_method: pmId,
          };
        }
        return { status: 200, body: clone(customer) };
      }
      case 'POST /v1/setup_intents': {
        const customer = stringOf(params, 'customer') ?? null;
        if (customer) customerOr404(customer);
        const setupId = newId('seti');
        const setupIntent: StripeObject = {
          id: setupId,
          object: 'setup_intent',
          client_secret: `${setupId}_secret_${randomBytes(12).toString('hex')}`,
          customer,
          usage: stringOf(params, 'usage') ?? 'off_session',
          allowed_payment_method_types: allowedTypesOf(params),
          payment_method_types: allowedTypesOf(params) ?? ['card'],
          payment_method: null,
          status: 'requires_payment_method',
          last_setup_error: null,
          metadata: metadataOf(params),
          created: nowSeconds(),
          livemode: false,
        };
        setupIntents.set(setupId, setupIntent);
        return { status: 200, body: clone(setupIntent) };
      }
      case 'GET /v1/setup_intents/:id': {
        const setupIntent = setupIntents.get(id);
        if (!setupIntent) throw missing('setup_intent', id, 'intent');
        const answer = clone(setupIntent);
        const expand = Array.isArray(query['expand']) ? (query['expand'] as string[]) : [];
        if (expand.includes('payment_method') && typeof answer['payment_method'] === 'string') {
          answer['payment_method'] = publicPaymentMethod(
            paymentMethods.get(answer['payment_method'])!,
          );
        }
        return { status: 200, body: answer };
      }
      case 'GET /v1/payment_methods/:id': {
        const pm = paymentMethods.get(id);
        if (!pm) throw missing('PaymentMethod', id, 'payment_method');
        return { status: 200, body: publicPaymentMethod(pm) };
      }
      case 'POST /v1/payment_methods/:id/attach': {
        const customer = stringOf(params, 'customer');
        if (!customer)
          throw invalidRequest('Missing required param: customer.', { param: 'customer' });
        customerOr404(customer);
        const existing = paymentMethods.get(id);
        if (!existing)
          return {
            status: 200,
            body: publicPaymentMethod(createPaymentMethodFromTestToken(id, customer)),
          };
        if (existing['customer'] && existing['customer'] !== customer) {
          throw invalidRequest(
            'The payment method you provided has already been attached to a customer.',
            { code: 'payment_method_unexpected_state' },
          );
        }
        existing['customer'] = customer;
        return { status: 200, body: publicPaymentMethod(existing) };
      }
      case 'POST /v1/payment_intents':
        return createPaymentIntent(params);
      case 'GET /v1/payment_intents/:id': {
        const pi = paymentIntents.get(id);
        if (!pi) throw missing('payment_intent', id, 'intent');
        return { status: 200, body: clone(pi) };
      }
      default:
        throw new ApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). The Stripe stand-in implements only the endpoints the portal calls.`,
        });
    }
  }

  /** Stripe's search language, the one form the portal uses: metadata['key']:'value'. */
  function searchCustomers(query: Params): { status: number; body: unknown } {
    const text = stringOf(query, 'query') ?? '';
    const match = /^metadata\['([^']+)'\]:'((?:[^'\\]|\\.)*)'$/.exec(text);
    if (!match) throw invalidRequest(`The stand-in cannot search for: ${text}`, { param: 'query' });
    const [, key, rawValue] = match;
    const value = rawValue!.replace(/\\(.)/g, '$1');
    const data = [...customers.values()]
      .filter((c) => (c['metadata'] as Record<string, string>)[key!] === value)
      .slice(0, Number(stringOf(query, 'limit') ?? 10))
      .map(clone);
    return {
      status: 200,
      body: {
        object: 'search_result',
        url: '/v1/customers/search',
        has_more: false,
        next_page: null,
        data,
      },
    };
  }

  let currentIdempotencyKey: string | null = null;

  function createPaymentIntent(params: Params): { status: number; body: unknown } {
    const amount = Number(params['amount']);
    if (!Number.isInteger(amount) || amount < 1) {
      throw invalidRequest('Invalid integer: amount', { param: 'amount' });
    }
    const currency = stringOf(params, 'currency');
    if (!currency || !/^[a-z]{3}$/i.test(currency)) {
      throw invalidRequest('Invalid currency', { param: 'currency' });
    }
    const customer = stringOf(params, 'customer');
    if (!customer)
      throw invalidRequest('The stand-in charges saved cards only: customer is required.');
    customerOr404(customer);
    const pmId = stringOf(params, 'payment_method');
    const pm = pmId ? paymentMethods.get(pmId) : undefined;
    if (!pmId || !pm) throw missing('PaymentMethod', pmId ?? '', 'payment_method');
    if (pm['customer'] !== customer) {
      throw invalidRequest(
        `The provided PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.`,
        {
          param: 'payment_method',
        },
      );
    }
    if (params['confirm'] !== 'true' || params['off_session'] !== 'true') {
      throw invalidRequest('The stand-in implements only off_session=true with confirm=true.');
    }
    const failure = pm.__chargeFailure;
    const piId = newId('pi');
    const chargeId = newId('ch');
    const pi: StripeObject = {
      id: piId,
      object: 'payment_intent',
      amount,
      amount_received: failure ? 0 : amount,
      currency: currency.toLowerCase(),
      customer,
      payment_method: pmId,
      allowed_payment_method_types: allowedTypesOf(params),
      payment_method_types: allowedTypesOf(params) ?? ['card'],
      description: stringOf(params, 'description') ?? null,
      metadata: metadataOf(params),
      capture_method: 'automatic',
      confirmation_method: 'automatic',
      client_secret: `${piId}_secret_${randomBytes(12).toString('hex')}`,
      latest_charge: chargeId,
      status: failure ? 'requires_payment_method' : 'succeeded',
      last_payment_error: failure
        ? {
            type: 'card_error',
            charge: chargeId,
            ...failure,
            payment_method: publicPaymentMethod(pm),
          }
        : null,
      created: nowSeconds(),
      livemode: false,
    };
    paymentIntents.set(piId, pi);
    charges.push({
      idempotencyKey: currentIdempotencyKey,
      paymentIntentId: piId,
      amount,
      currency: currency.toLowerCase(),
      customer,
      paymentMethod: pmId,
      succeeded: !failure,
    });
    if (failure) {
      throw new ApiError(402, {
        type: 'card_error',
        charge: chargeId,
        ...failure,
        payment_intent: clone(pi),
        payment_method: publicPaymentMethod(pm),
      });
    }
    return { status: 200, body: clone(pi) };
  }

  function takeFault(path: string): Fault | undefined {
    const index = faults.findIndex((f) => !f.options.path || path.startsWith(f.options.path));
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  }

  function send(
    res: http.ServerResponse,
    entry: StandinRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    entry.status = status;
    const text = JSON.stringify(body, null, 2);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'request-id': newId('req'),
      ...headers,
    });
    res.end(text);
  }

  const faultBody = (status: number) =>
    status === 429
      ? {
          error: {
            type: 'invalid_request_error',
            code: 'rate_limit',
            message: 'Too many requests hit the API too quickly.',
          },
        }
      : { error: { type: 'api_error', message: 'An unknown error occurred (stand-in fault).' } };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const method = req.method ?? 'GET';
      const path = url.pathname;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const entry: StandinRequest = { method, path, idempotencyKey, status: null, replayed: false };
      requests.push(entry);
      const echo: Record<string, string> = {};
      if (idempotencyKey) echo['idempotency-key'] = idempotencyKey;
      if (req.headers['stripe-version'])
        echo['stripe-version'] = String(req.headers['stripe-version']);

      const auth = /^Bearer (\S+)$/.exec(req.headers['authorization'] ?? '')?.[1];
      if (!auth || !/^(sk|rk)_/.test(auth) || (options.secretKey && auth !== options.secretKey)) {
        send(res, entry, 401, {
          error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' },
        });
        return;
      }

      if (!admit()) {
        rateLimited += 1;
        send(res, entry, 429, { error: RATE_LIMIT_ERROR }, echo);
        return;
      }

      const fault = takeFault(path);
      const faultHeaders = (f: Fault): Record<string, string> =>
        f.kind === 'status' && f.options.shouldRetry !== undefined
          ? { ...echo, 'stripe-should-retry': String(f.options.shouldRetry) }
          : echo;
      if (fault?.kind === 'status' && (fault.options.when ?? 'before') === 'before') {
        send(res, entry, fault.status, faultBody(fault.status), faultHeaders(fault));
        return;
      }

      let outcome: { status: number; body: unknown; replayed: boolean };
      const fingerprint = `${method} ${path} ${rawBody}`;
      const remembered =
        method === 'POST' && idempotencyKey ? idempotency.get(idempotencyKey) : undefined;
      if (remembered && remembered.fingerprint !== fingerprint) {
        outcome = {
          status: 400,
          replayed: false,
          body: {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          },
        };
      } else if (remembered) {
        outcome = { status: remembered.status, body: remembered.body, replayed: true };
      } else {
        currentIdempotencyKey = idempotencyKey;
        try {
          const params = method === 'POST' ? parseStripeForm(rawBody) : {};
          const result = handle(method, path, params, parseStripeForm(url.search.slice(1)));
          outcome = { ...result, replayed: false };
        } catch (error) {
          outcome =
            error instanceof ApiError
              ? { status: error.status, body: { error: error.body }, replayed: false }
              : {
                  status: 500,
                  body: { error: { type: 'api_error', message: `stand-in bug: ${String(error)}` } },
                  replayed: false,
                };
        } finally {
          currentIdempotencyKey = null;
        }
        // Stripe remembers what the API answered (2xx and 4xx alike) for 24 hours
        if (method === 'POST' && idempotencyKey) {
          idempotency.set(idempotencyKey, {
            fingerprint,
            status: outcome.status,
            body: outcome.body,
          });
        }
      }

      if (fault?.kind === 'hang') {
        // the work is done, the answer never comes: the client times out and must retry
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (fault?.kind === 'status') {
        send(res, entry, fault.status, faultBody(fault.status), faultHeaders(fault));
        return;
      }
      entry.replayed = outcome.replayed;
      send(
        res,
        entry,
        outcome.status,
        outcome.body,
        outcome.replayed ? { ...echo, 'idempotent-replayed': 'true' } : echo,
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get rateLimited() {
      return rateLimited;
    },
    setRateLimit(perSecond) {
      rateLimit = perSecond;
      admitted.length = 0;
    },
    requests,
    charges,
    chargesFor: (key) => charges.filter((c) => c.idempotencyKey === key),
    failNext(count, status, faultOptions = {}) {
      for (let i = 0; i < count; i++)
        faults.push({ kind: 'status', status, options: faultOptions });
    },
    hangNext(count, faultOptions = {}) {
      for (let i = 0; i < count; i++) faults.push({ kind: 'hang', options: faultOptions });
    },
    forgetIdempotencyKeys: () => idempotency.clear(),
    customer: (id) => (customers.has(id) ? clone(customers.get(id)!) : undefined),
    customers: () => [...customers.values()].map(clone),
    paymentIntent: (id) => (paymentIntents.has(id) ? clone(paymentIntents.get(id)!) : undefined),
    paymentMethod: (id) =>
      paymentMethods.has(id) ? publicPaymentMethod(paymentMethods.get(id)!) : undefined,
    confirmSetupIntent(setupIntentId, testToken) {
      const setupIntent = setupIntents.get(setupIntentId);
      if (!setupIntent) throw new Error(`stand-in: no SetupIntent ${setupIntentId}`);
      try {
        const pm = createPaymentMethodFromTestToken(
          testToken,
          (setupIntent['customer'] as string | null) ?? null,
        );
        setupIntent['payment_method'] = pm.id;
        setupIntent['status'] = 'succeeded';
        setupIntent['last_setup_error'] = null;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setupIntent['status'] = 'requires_payment_method';
        setupIntent['last_setup_error'] = { ...error.body };
      }
      return clone(setupIntent);
    },
    event(type, object, overrides = {}) {
      return {
        id: newId('evt'),
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: nowSeconds(),
        data: { object: clone(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        ...overrides,
      };
    },
    async sendWebhook(url, event, webhook) {
      const payload = JSON.stringify(event, null, 2);
      const timestamp = webhook.timestamp ?? nowSeconds();
      const header = webhook.signature
        ? `t=${timestamp},v1=${webhook.signature}`
        : stripeSignatureHeader(payload, webhook.secret, timestamp);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      };
      if (!webhook.unsigned) headers['stripe-signature'] = header;
      const response = await fetch(url, { method: 'POST', headers, body: payload });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body };
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
