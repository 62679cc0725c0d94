import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SandboxCardEntity, SandboxChargeEntity } from '../sandbox-card.entity';
import {
  CardRefusedError,
  type ChargeRequest,
  type ChargeResult,
  type PaymentProvider,
  type SavedCard,
} from './payment-provider';

interface TestCard {
  readonly brand: string;
  readonly last4: string;
  /** refused when saved */
  readonly refusedOnSave?: string;
  /** saved, but every charge fails */
  readonly declinesCharges?: boolean;
}

/**
 * Stripe's test PaymentMethod tokens the sandbox understands (the web app's card form turns
 * Stripe's test card numbers into these, so no card number reaches the server).
 */
export const SANDBOX_TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', refusedOnSave: 'card_declined' },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    refusedOnSave: 'expired_card',
  },
  pm_card_visa_chargeDeclined: { brand: 'visa', last4: '0341', declinesCharges: true },
};

const shortId = (prefix: string, seed: string) =>
  `${prefix}_sbx_${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;

/**
 * The default payment provider: Stripe's test mode on our own database, so a newcomer can walk
 * the whole billing flow offline. Cards and charges are persisted; charges are idempotent by key.
 */
export function createSandboxProvider(
  dataSource: DataSource,
  now: () => Date = () => new Date(),
): PaymentProvider {
  return {
    kind: 'sandbox',
    publishableKey: null,

    async ensureCustomer(company) {
      return shortId('cus', company.id);
    },

    async createCardSetup() {
      return null;
    },

    async saveCard(customerId, token): Promise<SavedCard> {
      const card = SANDBOX_TEST_CARDS[token];
      if (!card) throw new CardRefusedError('invalid_token', `Unknown test card token ${token}`);
      if (card.refusedOnSave)
        throw new CardRefusedError(card.refusedOnSave, 'Your card was declined.');
      const moment = now();
      const saved = dataSource.getRepository(SandboxCardEntity).create({
        id: shortId('pm', `${customerId}:${token}:${moment.getTime()}:${Math.random()}`),
        customerId,
        brand: card.brand,
        last4: card.last4,
        // Stripe's test cards never expire in practice: a date a few years ahead
        expMonth: 12,
        expYear: moment.getUTCFullYear() + 4,
        declinesCharges: card.declinesCharges ?? false,
        createdAt: moment,
      });
      await dataSource.getRepository(SandboxCardEntity).insert(saved);
      return {
        methodId: saved.id,
        brand: saved.brand,
        last4: saved.last4,
        expMonth: saved.expMonth,
        expYear: saved.expYear,
      };
    },

    async charge(request: ChargeRequest): Promise<ChargeResult> {
      const charges = dataSource.getRepository(SandboxChargeEntity);
      const previous = await charges.findOneBy({ idempotencyKey: request.idempotencyKey });
      if (previous) return outcome(previous);
      const card = await dataSource
        .getRepository(SandboxCardEntity)
        .findOneBy({ id: request.methodId, customerId: request.customerId });
      const succeeded = !!card && !card.declinesCharges;
      const charge = charges.create({
        idempotencyKey: request.idempotencyKey,
        paymentId: shortId('pi', request.idempotencyKey),
        cardId: request.methodId,
        amount: request.amount,
        currency: request.currency,
        succeeded,
        createdAt: now(),
      });
      try {
        await charges.insert(charge);
      } catch (error) {
        // the same key from another server at the same moment: its outcome is the outcome
        const winner = await charges.findOneBy({ idempotencyKey: request.idempotencyKey });
        if (winner) return outcome(winner);
        throw error;
      }
      return outcome(charge);
    },
  };
}

function outcome(charge: SandboxChargeEntity): ChargeResult {
  return charge.succeeded
    ? { status: 'succeeded', paymentId: charge.paymentId }
    : {
        status: 'failed',
        paymentId: charge.paymentId,
        code: 'card_declined',
        message: 'Your card was declined.',
      };
}
