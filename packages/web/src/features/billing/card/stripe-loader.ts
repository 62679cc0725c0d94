import type { Stripe } from '@stripe/stripe-js';

const loading = new Map<string, Promise<Stripe | null>>();

/**
 * Stripe.js for a publishable key, loaded on first use only: `@stripe/stripe-js/pure` adds the
 * https://js.stripe.com/v3 script when loadStripe is called (the package's main entry would add
 * it as soon as it is imported). Only the billing screens call this, and only with Stripe.
 */
export function loadStripeJs(publishableKey: string): Promise<Stripe | null> {
  let promise = loading.get(publishableKey);
  if (!promise) {
    promise = import('@stripe/stripe-js/pure').then(({ loadStripe }) => loadStripe(publishableKey));
    // A failed load (offline, blocked) may be retried when the form is shown again.
    promise.catch(() => loading.delete(publishableKey));
    loading.set(publishableKey, promise);
  }
  return promise;
}
