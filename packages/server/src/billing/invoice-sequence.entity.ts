import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last invoice number used in a year. Incremented inside the transaction that writes the
 * invoice (row-locked on MariaDB), so numbers are sequential and gap-free: a rolled-back invoice
 * rolls its number back too.
 */
@Entity('invoice_sequence')
export class InvoiceSequenceEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastSequence: number;
}
