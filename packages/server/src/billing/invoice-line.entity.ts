import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { MoneyColumn } from '../database/columns';
import { SiteEntity } from '../sites/site.entity';
import { InvoiceEntity } from './invoice.entity';

/** One site's part of an invoice: quantity users, prorated into amount. */
@Entity('invoice_line')
@Index('IDX_invoice_line_invoice', ['invoiceId', 'position'])
@Index('IDX_invoice_line_site', ['siteId'])
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: InvoiceEntity;

  /** order on the invoice (by site name at billing time) */
  @Column({ type: 'integer' })
  position: number;

  /** kept when the site is later renamed: the invoice shows what was billed */
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  /** the site's cost centre when issued (kept like the description) */
  @Column({ type: 'varchar', length: LIMITS.costCenter, nullable: true })
  costCenter: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'siteId' })
  site?: SiteEntity;

  @Column({ type: 'integer' })
  quantity: number;

  @MoneyColumn()
  unitAmount: number;

  @MoneyColumn()
  amount: number;
}
