import type { DataSource } from 'typeorm';

/** A charge's final word, from the provider's answer or from a webhook. */
export type ChargeOutcome =
  | { readonly status: 'succeeded'; readonly paymentId: string }
  | {
      readonly status: 'failed';
      readonly paymentId: string | null;
      readonly code: string;
      readonly message: string;
    };

/**
 * Records the outcome of one payment attempt (found by its id, which every charge carries in
 * the provider's metadata as `attemptId`). Safe to call twice and in any order: a final attempt
 * stays as it is, and a success is never overwritten by a later failure.
 * Implemented in invoice-payments.ts; re-exported here for the webhook handlers.
 */
export type ApplyChargeOutcome = (
  dataSource: DataSource,
  attemptId: string,
  outcome: ChargeOutcome,
  now?: Date,
) => Promise<void>;
