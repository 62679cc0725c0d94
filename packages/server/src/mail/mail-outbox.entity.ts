import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

export enum MailStatus {
  /** waiting for the worker (first try or a retry at nextAttemptAt) */
  PENDING = 'PENDING',
  /** claimed by a worker until lockedUntil; another worker takes it over after that */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** gave up after the last retry; kept for the operators to see */
  FAILED = 'FAILED',
}

/**
 * An email, rendered and written in the same transaction as the change that causes it, then
 * delivered by the mail worker. Nothing is lost when SMTP is down (the row waits) and nothing
 * goes out twice (one worker holds a row at a time; Message-ID is derived from the row id).
 */
@Entity('mail_outbox')
// the worker's queue: due messages in order
@Index('IDX_mail_outbox_due', ['status', 'nextAttemptAt'])
// the dev outbox page and tests: newest first, per recipient
@Index('IDX_mail_outbox_created', ['createdAt', 'id'])
@Index('IDX_mail_outbox_to', ['toAddress', 'createdAt'])
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the X-Portal-Template header, e.g. registration-approved */
  @Column({ type: 'varchar', length: 50 })
  template: string;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 5 })
  locale: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'simple-enum', enum: MailStatus, default: MailStatus.PENDING })
  status: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @DateTimeColumn()
  nextAttemptAt: Date;

  @DateTimeColumn({ nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  sentAt: Date | null;
}
