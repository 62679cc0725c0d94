import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config';
import type { Logger } from '../../observability/logger';
import type { PaymentProvider } from './payment-provider';
import { createSandboxProvider } from './sandbox-provider';
import { createStripeProvider, type StripeProviderDeps } from './stripe-provider';

/**
 * The payment provider the configuration asks for: Stripe when STRIPE_SECRET_KEY is set (the
 * config refuses a secret key without its webhook secret), else the built-in sandbox.
 */
export function createPaymentProvider(
  config: Pick<Config, 'stripe'>,
  dataSource: DataSource,
  logger: Logger,
  /** Stripe's client-side pace (the billing CLI's --stripe-rate) */
  stripeOptions: Pick<StripeProviderDeps, 'maxRequestsPerSecond'> = {},
): PaymentProvider {
  if (config.stripe) {
    logger.info('payments: Stripe', {
      mode: config.stripe.secretKey.includes('_live_') ? 'live' : 'test',
      ...(config.stripe.apiBase ? { apiBase: config.stripe.apiBase } : {}),
    });
    return createStripeProvider(config.stripe, { logger, ...stripeOptions });
  }
  logger.info('payments: built-in sandbox (set STRIPE_SECRET_KEY to use Stripe)');
  return createSandboxProvider(dataSource);
}
