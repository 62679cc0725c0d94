import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';
import { PersonEntity } from '../people/person.entity';

export enum OneTimeTokenKind {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A single-use token sent by email (invitation, password reset). Stored as a SHA-256 hash; used
 * once (usedAt) and voided when a newer one of the same kind is issued for the person.
 */
@Entity('one_time_token')
@Index('UQ_one_time_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_one_time_token_person_kind', ['personId', 'kind'])
export class OneTimeTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'simple-enum', enum: OneTimeTokenKind })
  kind: OneTimeTokenKind;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: PersonEntity;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  /** set when used, or when voided by a newer token */
  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;
}
