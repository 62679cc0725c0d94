import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LIMITS } from '@entry/shared';

/**
 * Who was billed on an invoice line and for how many days: what an installer needs to re-bill
 * their own customers, kept as it was when billed (names may change later).
 */
@Entity('invoice_line_user')
@Index('IDX_invoice_line_user_line', ['invoiceLineId'])
export class InvoiceLineUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceLineId: string;

  @Column({ type: 'uuid' })
  entryUserId: string;

  @Column({ type: 'varchar', length: LIMITS.personName })
  firstName: string;

  @Column({ type: 'varchar', length: LIMITS.personName })
  lastName: string;

  @Column({ type: 'varchar', length: LIMITS.email })
  email: string;

  @Column({ type: 'varchar', length: LIMITS.apartment, nullable: true })
  apartment: string | null;

  /** days billed in the period */
  @Column({ type: 'integer' })
  days: number;
}
