import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedColumns } from '../accounts/account-owner-columns';
import { DateTimeColumn } from '../database/columns';

/**
 * The second step of a sign-in: the password was right, and verifyMfa exchanges the challenge
 * and a code for a session. Only the challenge's SHA-256 is kept; it lives 5 minutes, allows 5
 * tries and is used once (mfa-challenges.ts).
 */
@Entity('mfa_challenge')
@Index('UQ_mfa_challenge_token_hash', ['tokenHash'], { unique: true })
// purging old challenges
@Index('IDX_mfa_challenge_expiry', ['expiresAt'])
export class MfaChallengeEntity extends AccountOwnedColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** hex SHA-256 of the opaque challenge */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** codes tried so far, counted before each is checked */
  @Column({ type: 'integer', default: 0 })
  tries: number;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  /** when it was exchanged for a session */
  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;
}
