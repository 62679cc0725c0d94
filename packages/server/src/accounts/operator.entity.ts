import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { DateTimeColumn, EmailColumn } from '../database/columns';

/** Staff of the vendor who run the portal: approve registrations, run billing. No company. */
@Entity('operator')
@Index('UQ_operator_email', ['email'], { unique: true })
export class OperatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @EmailColumn()
  email: string;

  @Column({ type: 'varchar', length: LIMITS.personName })
  name: string;

  /** Argon2id */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  /** when two-factor sign-in was turned on; null: off (as PersonEntity.mfaEnabledAt) */
  @DateTimeColumn({ nullable: true })
  mfaEnabledAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
