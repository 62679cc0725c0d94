import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/**
 * Who does a job that one server process at a time must do (the billing pass, housekeeping):
 * the holder keeps the row's lease alive while it works; another process takes the job over
 * once the lease has run out (its holder stopped or was killed), see job-lease.ts.
 */
@Entity('job_lease')
export class JobLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  /** host, process id and a random part of the process that holds it */
  @Column({ type: 'varchar', length: 120 })
  holder: string;

  @DateTimeColumn()
  expiresAt: Date;
}
