import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';
import { AccountOwnedColumns } from './account-owner-columns';

/**
 * A signed-in browser or app. The token itself is never stored: only its SHA-256, so a leaked
 * table cannot be replayed. Belongs to a person or an operator (AccountOwnedColumns).
 */
@Entity('session')
@Index('UQ_session_token_hash', ['tokenHash'], { unique: true })
// "revoke every session of this person" on password change, disabling, removal
@Index('IDX_session_person', ['personId', 'revokedAt'])
@Index('IDX_session_operator', ['operatorId', 'revokedAt'])
// periodic clean-up of expired sessions
@Index('IDX_session_absolute_expiry', ['absoluteExpiresAt'])
export class SessionEntity extends AccountOwnedColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** hex SHA-256 of the opaque token */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  lastSeenAt: Date;

  /** moves forward with use; a session left alone expires */
  @DateTimeColumn()
  idleExpiresAt: Date;

  /** never moves: even a busy session has to sign in again eventually */
  @DateTimeColumn()
  absoluteExpiresAt: Date;

  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}
