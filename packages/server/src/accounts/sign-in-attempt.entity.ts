import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/**
 * One sign-in try, recorded before the password is checked so that attempts batched in one
 * request (aliases) are all counted. Throttling counts the recent failures per (account, IP), per
 * IP and per account, and keeps successes to know the account's usual IPs (sign-in.service.ts).
 */
@Entity('sign_in_attempt')
@Index('IDX_sign_in_attempt_email', ['emailKey', 'createdAt'])
@Index('IDX_sign_in_attempt_ip', ['ip', 'createdAt'])
export class SignInAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the email as typed, canonical form (also for unknown addresses: same cost either way) */
  @Column({ type: 'varchar', length: 254 })
  emailKey: string;

  /** the client as per-IP limits count it: an IPv4 address, or an IPv6 /64 (rate-limits/ip-subject.ts) */
  @Column({ type: 'varchar', length: 45 })
  ip: string;

  /** null while being checked, then true or false */
  @Column({ type: 'boolean', nullable: true })
  succeeded: boolean | null;

  @DateTimeColumn()
  createdAt: Date;
}
