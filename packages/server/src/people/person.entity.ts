import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LIMITS, type AccessLevelCode, type Locale } from '@entry/shared';
import {
  BelongsTo,
  DateTimeColumn,
  IdColumn,
  NameAndEmailColumns,
  RefColumn,
} from '../database/columns';
import { CompanyEntity } from '../companies/company.entity';
import { AccessLevelEntity } from './access-level.entity';

export enum PersonStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

/**
 * Someone of a company who signs in to the portal. Holds secrets (password hash), so the GraphQL
 * type is a separate class that exposes only what the schema promises.
 */
@Entity('person')
// An address is held by one account at most (accounts/email-ownership.ts): activeEmail is the
// email while the person holds it and NULL while they do not (an invitation not yet accepted, a
// rejected registration); NULLs never collide, on SQLite and MariaDB alike.
@Index('UQ_person_active_email', ['activeEmail'], { unique: true })
// a company invites an address once; sign-in and invitations look people up by email
@Index('UQ_person_company_email', ['companyId', 'email'], { unique: true })
@Index('IDX_person_email', ['email'])
// the people list, ordered by name (folded), and its filters
@Index('IDX_person_company_sort', ['companyId', 'sortKey', 'id'])
@Index('IDX_person_company_level', ['companyId', 'accessLevel'])
@Index('IDX_person_company_status', ['companyId', 'status'])
export class PersonEntity extends NameAndEmailColumns {
  @IdColumn()
  id: string;

  @RefColumn()
  companyId: string;

  @BelongsTo(() => CompanyEntity, 'companyId')
  company?: CompanyEntity;

  // firstName, lastName, email, activeEmail: NameAndEmailColumns

  /** "last first" folded (foldForSearch): the people list's order */
  @Column({ type: 'varchar', length: LIMITS.personName * 2 + 1, default: '' })
  sortKey: string;

  /** names and email folded: search by any of them, accent- and case-insensitively */
  @Column({ type: 'varchar', length: LIMITS.personName * 2 + LIMITS.email + 2, default: '' })
  searchText: string;

  @Column({ type: 'varchar', length: LIMITS.phone, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'varchar', length: 20 })
  accessLevel: AccessLevelCode;

  @ManyToOne(() => AccessLevelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accessLevel' })
  accessLevelRow?: AccessLevelEntity;

  @Column({ type: 'simple-enum', enum: PersonStatus })
  status: PersonStatus;

  /** Argon2id; null until the person has a password (pending approval, invited) */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** true while the password is a temporary one from the approval email */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @DateTimeColumn({ nullable: true })
  temporaryPasswordExpiresAt: Date | null;

  /** a temporary password works for one sign-in only */
  @DateTimeColumn({ nullable: true })
  temporaryPasswordUsedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  passwordChangedAt: Date | null;

  /**
   * when two-factor sign-in was turned on; null: off. The switch itself, read with every
   * session; the secret is a TotpCredentialEntity (two-factor/).
   */
  @DateTimeColumn({ nullable: true })
  mfaEnabledAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @DateTimeColumn({ nullable: true })
  disabledAt: Date | null;
}
