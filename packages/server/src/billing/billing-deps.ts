import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../observability/logger';
import type { PaymentProvider } from './payments/payment-provider';

/** What billing runs with, wherever it starts from: a request, the scheduler or the CLI. */
export interface BillingDeps {
  readonly dataSource: DataSource;
  readonly config: Config;
  readonly payments: PaymentProvider;
  readonly logger: Logger;
}
