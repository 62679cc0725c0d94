import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { DateTimeColumn } from '../database/columns';

export enum CompanyType {
  INSTALLER = 'INSTALLER',
  SYSTEM_MANAGER = 'SYSTEM_MANAGER',
}

export enum CompanyStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

/**
 * Whether the company's people (and keys) may use the portal: approved, or suspended for an
 * unpaid invoice, which only stops growth (auth/billing-gate.ts assertMayGrow).
 */
export function isOperating(status: CompanyStatus): boolean {
  return status === CompanyStatus.APPROVED || status === CompanyStatus.SUSPENDED;
}

export enum PaymentMethodType {
  MANUAL = 'MANUAL',
  AUTOMATIC = 'AUTOMATIC',
}

/** An installer or a system manager: the account everything else belongs to. */
@Entity('company')
// operators' queue of pending registrations, oldest first
@Index('IDX_company_status_created', ['status', 'createdAt'])
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: LIMITS.companyName })
  name: string;

  @Column({ type: 'simple-enum', enum: CompanyType })
  type: CompanyType;

  /** ISO 3166-1 alpha-2, upper case */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: LIMITS.address })
  address: string;

  @Column({ type: 'varchar', length: LIMITS.phone, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: LIMITS.vatNumber, nullable: true })
  vatNumber: string | null;

  @Column({ type: 'simple-enum', enum: CompanyStatus, default: CompanyStatus.PENDING_APPROVAL })
  status: CompanyStatus;

  /** ISO 4217, chosen from the country at registration and fixed: invoices never switch currency. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'boolean', default: false })
  billingSetupComplete: boolean;

  /** a payment admin requires two-factor sign-in of everyone in the company */
  @Column({ type: 'boolean', default: false })
  requireMfa: boolean;

  @Column({ type: 'simple-enum', enum: PaymentMethodType, nullable: true })
  paymentMethod: PaymentMethodType | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @DateTimeColumn({ nullable: true })
  approvedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  rejectedAt: Date | null;

  @Column({ type: 'varchar', length: LIMITS.rejectionReason, nullable: true })
  rejectionReason: string | null;
}
