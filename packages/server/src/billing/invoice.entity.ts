import { Column, Entity, Index } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { BelongsTo, DateTimeColumn, IdColumn, MoneyColumn, RefColumn } from '../database/columns';
import { CompanyEntity, PaymentMethodType } from '../companies/company.entity';

export enum InvoiceStatus {
  OPEN = 'OPEN',
  PAID = 'PAID',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  VOID = 'VOID',
}

/** One company's bill for one month. Amounts in minor units of `currency`. */
@Entity('invoice')
// numbers are sequential and gap-free per year: the database refuses a duplicate
@Index('UQ_invoice_year_sequence', ['year', 'sequence'], { unique: true })
@Index('UQ_invoice_number', ['number'], { unique: true })
// a company is billed once per period: a constraint, not just a check in code
@Index('UQ_invoice_company_period', ['companyId', 'period'], { unique: true })
// the invoices list of a company, newest first, with a status filter
@Index('IDX_invoice_company_issued', ['companyId', 'issuedAt', 'id'])
@Index('IDX_invoice_company_status', ['companyId', 'status'])
// payment retries and overdue reminders
@Index('IDX_invoice_status_due', ['status', 'dueAt'])
@Index('IDX_invoice_status_retry', ['status', 'nextRetryAt'])
export class InvoiceEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  companyId: string;

  @BelongsTo(() => CompanyEntity, 'companyId')
  company?: CompanyEntity;

  /** e.g. 2026-000123 */
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  sequence: number;

  /** the month billed, YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  periodStart: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd: string;

  @DateTimeColumn()
  issuedAt: Date;

  @DateTimeColumn()
  dueAt: Date;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @MoneyColumn()
  subtotal: number;

  @MoneyColumn()
  tax: number;

  @MoneyColumn()
  total: number;

  /** VAT rate applied, in basis points (2500 = 25 %) */
  @Column({ type: 'integer' })
  taxRateBasisPoints: number;

  /** EU B2B reverse charge: no VAT charged, the legal note printed */
  @Column({ type: 'boolean', default: false })
  reverseCharge: boolean;

  @Column({ type: 'simple-enum', enum: InvoiceStatus })
  status: InvoiceStatus;

  /** how the company paid when the invoice was issued: AUTOMATIC invoices are charged */
  @Column({ type: 'simple-enum', enum: PaymentMethodType })
  paymentMethod: PaymentMethodType;

  /** the customer as invoiced (a later change of name or address leaves the invoice as it was) */
  @Column({ type: 'varchar', length: 200 })
  customerName: string;

  @Column({ type: 'varchar', length: 300 })
  customerAddress: string;

  @Column({ type: 'varchar', length: 2 })
  customerCountry: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  customerVatNumber: string | null;

  /** the company's purchase order number when issued (a later change leaves it) */
  @Column({ type: 'varchar', length: LIMITS.purchaseOrderNumber, nullable: true })
  purchaseOrderNumber: string | null;

  /** the billing emails when issued; null on invoices issued before they existed */
  @Column({ type: 'simple-json', nullable: true })
  billingEmails: string[] | null;

  /** automatic payments that failed so far; retries stop after the last one */
  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;

  /** overdue reminders sent: 1 on the due date, 2 seven days later (billing/overdue.ts) */
  @Column({ type: 'integer', default: 0 })
  remindersSent: number;

  /** when the next automatic retry is due (null: none planned) */
  @DateTimeColumn({ nullable: true })
  nextRetryAt: Date | null;

  @DateTimeColumn({ nullable: true })
  paidAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
