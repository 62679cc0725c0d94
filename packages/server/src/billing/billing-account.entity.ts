import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { DateTimeColumn } from '../database/columns';

/**
 * A company's billing settings beside the company row: the payment provider's ids (secrets the
 * API never shows), the card summary people may see, and the accepted billing terms.
 */
@Entity('billing_account')
export class BillingAccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  /** Stripe customer id (cus_…) or the sandbox's */
  @Column({ type: 'varchar', length: 100, nullable: true })
  providerCustomerId: string | null;

  /** the saved card: Stripe PaymentMethod id (pm_…) or the sandbox's */
  @Column({ type: 'varchar', length: 100, nullable: true })
  cardMethodId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  cardBrand: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  cardLast4: string | null;

  @Column({ type: 'integer', nullable: true })
  cardExpMonth: number | null;

  @Column({ type: 'integer', nullable: true })
  cardExpYear: number | null;

  /** version of the billing terms accepted, by whom and when */
  @Column({ type: 'varchar', length: 20, nullable: true })
  termsVersion: string | null;

  @DateTimeColumn({ nullable: true })
  termsAcceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  termsAcceptedByPersonId: string | null;

  /** the VAT number passed the format and check-digit test of its country (reverse charge) */
  @Column({ type: 'boolean', default: false })
  vatNumberValid: boolean;

  /**
   * accounts-payable addresses that receive the billing emails besides the payment admins
   * (normalized, at most LIMITS.billingEmails); null: none given
   */
  @Column({ type: 'simple-json', nullable: true })
  billingEmails: string[] | null;

  /** the language of the emails to billingEmails (null: English) */
  @Column({ type: 'varchar', length: 2, nullable: true })
  billingEmailsLocale: string | null;

  /** the purchase order number printed on the next invoices */
  @Column({ type: 'varchar', length: LIMITS.purchaseOrderNumber, nullable: true })
  purchaseOrderNumber: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
