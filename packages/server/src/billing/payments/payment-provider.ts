/**
 * What billing needs from a payment provider. Two implementations: Stripe (STRIPE_SECRET_KEY set)
 * and the built-in sandbox (the default), which behaves like Stripe's test mode. Billing code
 * never knows which one it talks to.
 */
export interface PaymentProvider {
  readonly kind: 'stripe' | 'sandbox';
  /** for the browser's card form: Stripe's publishable key, null for the sandbox */
  readonly publishableKey: string | null;

  /** The provider's customer for a company, created on first use (idempotent per company). */
  ensureCustomer(company: { id: string; name: string; email: string }): Promise<string>;

  /**
   * Starts saving a card in the browser: Stripe returns a SetupIntent's client secret for
   * Stripe Elements (card data never reaches our server); the sandbox returns null.
   */
  createCardSetup(customerId: string): Promise<{ clientSecret: string } | null>;

  /**
   * Attaches the card behind a token (a PaymentMethod id pm_… or a SetupIntent id seti_…) to the
   * customer as the default for off-session charges. Throws CardRefusedError when the card is
   * refused at saving.
   */
  saveCard(customerId: string, token: string): Promise<SavedCard>;

  /**
   * Charges the saved card off-session. The idempotency key makes a repeat of the same attempt
   * (after a timeout, or from another server) return the first outcome instead of charging again.
   * A decline is a result, not an exception; network trouble throws PaymentProviderUnavailableError.
   */
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export interface SavedCard {
  readonly methodId: string;
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
}

export interface ChargeRequest {
  readonly customerId: string;
  readonly methodId: string;
  /** minor units */
  readonly amount: number;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly description: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export type ChargeResult =
  | { readonly status: 'succeeded'; readonly paymentId: string }
  | {
      readonly status: 'failed';
      readonly paymentId: string | null;
      readonly code: string;
      readonly message: string;
    };

/** The card was refused when saving it (pm_card_chargeDeclined, an expired card, …). */
export class CardRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CardRefusedError';
  }
}

/** The provider could not be reached or answered 5xx/429 after its retries: try again later. */
export class PaymentProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaymentProviderUnavailableError';
  }
}
