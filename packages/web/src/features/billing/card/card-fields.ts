/** What a card form offers the form around it: the wizard's Finish, Pay now, Save card. */
export interface CardFieldsHandle {
  /**
   * Checks the card and turns it into the payment provider's token to send as
   * paymentMethodToken; null when something is wrong (the problem is shown and focused).
   */
  tokenize(): Promise<string | null>;
  focus(): void;
}

/** `company.paymentProvider`: the sandbox form, or Stripe Elements with this key. */
export interface PaymentProviderInfo {
  kind: string;
  publishableKey?: string | null;
}
