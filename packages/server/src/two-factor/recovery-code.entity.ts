import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedColumns } from '../accounts/account-owner-columns';
import { DateTimeColumn } from '../database/columns';

/**
 * One of an account's ten single-use recovery codes, for signing in without the authenticator
 * app. Only a keyed hash of the code is kept (SecretBox.keyedHash); regenerating replaces all ten.
 */
@Entity('recovery_code')
@Index('IDX_recovery_code_person', ['personId'])
@Index('IDX_recovery_code_operator', ['operatorId'])
export class RecoveryCodeEntity extends AccountOwnedColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** hex HMAC-SHA-256 of the code's canonical form */
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;
}
