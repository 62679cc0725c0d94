import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/**
 * How often one subject (a client IP, a target address) did one limited thing within one fixed
 * window. A row per (bucket, window): hits are counted by an atomic upsert, so every server
 * process on the database shares the count. Old windows are purged by the housekeeping job.
 */
@Entity('rate_limit_counter')
// the purge deletes the windows that have ended
@Index('IDX_rate_limit_counter_end', ['windowEnd'])
export class RateLimitCounterEntity {
  /** hex SHA-256 of "rule:subject": fixed length, and no addresses or IPs stored in clear */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  bucketKey: string;

  @PrimaryColumn({ type: 'datetime', precision: 3 })
  windowStart: Date;

  @Column({ type: 'integer' })
  hits: number;

  /** when this window ends: the purge may delete the row from then on */
  @DateTimeColumn()
  windowEnd: Date;
}
