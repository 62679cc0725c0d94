import express from 'express';
import Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import type { StripeConfig } from '../../config/config';
import { isUniqueViolation } from '../../database/errors';
import type { Logger } from '../../observability/logger';
import { PaymentAttemptEntity } from '../payment-attempt.entity';
import { WebhookEventEntity } from '../webhook-event.entity';
import type { ApplyChargeOutcome } from './charge-outcome';
import { applyChargeOutcome } from './invoice-payments';
import { recordPaymentDiscrepancy } from './payment-discrepancies';
import {
  paymentDiscrepanciesOf,
  WEBHOOK_TOLERANCE_SECONDS,
  webhookActionOf,
} from './stripe-mappers';

/** Stripe's events are small; anything larger is not from Stripe. */
export const STRIPE_WEBHOOK_BODY_LIMIT = '1mb';

export interface StripeWebhookDeps {
  readonly stripe: Pick<StripeConfig, 'webhookSecret'>;
  readonly dataSource: DataSource;
  readonly logger: Logger;
  /** the billing rule that records a charge's outcome (tests may pass another) */
  readonly applyChargeOutcome?: ApplyChargeOutcome;
  readonly now?: () => Date;
}

/**
 * POST /stripe/webhook (mounted under /api): Stripe's events about our charges.
 *
 * - The signature is checked on the raw bytes (this router parses its own body, so it must be
 *   mounted before any JSON parser): a missing, forged or older than 5 minutes signature is 400.
 * - Stripe delivers at least once and in any order. An event id already handled is answered 200
 *   and nothing is done. applyChargeOutcome is idempotent and never downgrades a success, so an
 *   event that arrives late or twice at the same moment changes nothing either.
 * - Events we cannot use (an attempt we do not know, types we do not handle) are 200 with a log
 *   line: anything else makes Stripe retry for days. A failure of ours (database down) is 500,
 *   so Stripe retries until it goes through.
 * - An event whose PaymentIntent differs from its attempt (amount, currency, PaymentIntent id)
 *   is never applied: it is recorded as a payment discrepancy for the operators, logged as an
 *   error, and answered 200; the invoice and the attempt stay as they were.
 */
export function stripeWebhookRouter(deps: StripeWebhookDeps): express.Router {
  const { dataSource, logger } = deps;
  const apply = deps.applyChargeOutcome ?? applyChargeOutcome;
  const now = deps.now ?? (() => new Date());
  const router = express.Router();

  const alreadyHandled = async (eventId: string) =>
    (await dataSource.getRepository(WebhookEventEntity).countBy({ id: eventId })) > 0;

  // Recorded after its effect: the effect is idempotent, so a crash in between only means the
  // next delivery applies it once more (a no-op) before recording it.
  const markHandled = async (event: Stripe.Event) => {
    try {
      await dataSource
        .getRepository(WebhookEventEntity)
        .insert({ id: event.id, type: event.type, receivedAt: now() });
    } catch (error) {
      // the same event delivered twice at the same moment: the other delivery recorded it
      if (!isUniqueViolation(error)) throw error;
    }
  };

  router.post(
    '/stripe/webhook',
    express.raw({ type: 'application/json', limit: STRIPE_WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const signature = req.header('stripe-signature');
      if (!signature || !Buffer.isBuffer(req.body)) {
        logger.warn('stripe webhook refused: no signature or no JSON body', {
          contentType: req.header('content-type'),
        });
        res.status(400).json({ error: 'A signed JSON body is required.' });
        return;
      }

      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(
          req.body,
          signature,
          deps.stripe.webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (error) {
        logger.warn('stripe webhook refused: signature check failed', {
          reason: error instanceof Error ? error.message : String(error),
        });
        res.status(400).json({ error: 'Invalid signature.' });
        return;
      }

      const context = { eventId: event.id, type: event.type };
      try {
        if (await alreadyHandled(event.id)) {
          logger.info('stripe webhook: already handled', context);
          res.status(200).json({ received: true, duplicate: true });
          return;
        }

        const action = webhookActionOf(event);
        switch (action.kind) {
          case 'charge-outcome': {
            const attempt = action.attemptId
              ? await dataSource
                  .getRepository(PaymentAttemptEntity)
                  .findOneBy({ id: action.attemptId })
              : null;
            if (!attempt) {
              logger.warn('stripe webhook: no payment attempt for this PaymentIntent, ignored', {
                ...context,
                paymentIntentId: action.paymentIntentId,
                attemptId: action.attemptId,
              });
              break;
            }
            const received = {
              amount: action.amount,
              currency: action.currency,
              paymentId: action.paymentIntentId,
            };
            const expected = {
              amount: attempt.amount,
              currency: attempt.currency,
              paymentId: attempt.providerPaymentId,
            };
            const discrepancies = paymentDiscrepanciesOf(expected, received);
            if (discrepancies.length > 0) {
              // Never applied: a PaymentIntent for another amount, currency or intent must not
              // settle this invoice. Answered 200 all the same: Stripe's retries cannot fix it,
              // an operator can (paymentDiscrepancies).
              const discrepancy = await recordPaymentDiscrepancy(
                dataSource,
                event,
                attempt,
                received,
                now(),
              );
              const details = {
                ...context,
                discrepancies,
                attemptId: attempt.id,
                invoiceId: attempt.invoiceId,
                expected,
                received,
              };
              if (discrepancy) {
                logger.error(
                  'stripe webhook: the payment differs from its attempt; not applied, recorded for an operator to review',
                  { ...details, discrepancyId: discrepancy.id },
                );
              } else {
                logger.info('stripe webhook: payment discrepancy already recorded', details);
              }
              res.status(200).json({ received: true, discrepancy: true });
              return;
            }
            await apply(dataSource, attempt.id, action.outcome, now());
            logger.info('stripe webhook: charge outcome applied', {
              ...context,
              attemptId: attempt.id,
              paymentIntentId: action.paymentIntentId,
              status: action.outcome.status,
            });
            break;
          }
          case 'card-setup':
            // the browser then calls saveCard with the SetupIntent: nothing to do here
            logger.info('stripe webhook: card set up', {
              ...context,
              setupIntentId: action.setupIntentId,
              customerId: action.customerId,
            });
            break;
          case 'ignore':
            logger.info('stripe webhook: event type not used, ignored', context);
            res.status(200).json({ received: true, ignored: true });
            return;
        }
        await markHandled(event);
        res.status(200).json({ received: true });
      } catch (error) {
        logger.error('stripe webhook failed: Stripe will retry it', { ...context, error });
        res.status(500).json({ error: 'The event could not be processed; retry later.' });
      }
    },
  );

  // body-parser's refusals (too large, unreadable) before the handler runs
  router.use(
    '/stripe/webhook',
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent || !error.status || error.status >= 500) return next(error);
      logger.warn('stripe webhook refused: unreadable body', { type: error.type });
      res.status(error.status).json({ error: 'The request body could not be read.' });
    },
  );

  return router;
}
