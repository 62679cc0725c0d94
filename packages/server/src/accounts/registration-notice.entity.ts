import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/**
 * A registration the operators have not been told about yet. Written in the registration's
 * transaction; the operators' digest (registration-digest.ts) takes and deletes them.
 */
@Entity('registration_notice')
@Index('IDX_registration_notice_created', ['createdAt'])
export class RegistrationNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @DateTimeColumn()
  createdAt: Date;
}
