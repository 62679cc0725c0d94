import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { DateTimeColumn } from '../database/columns';
import { PersonEntity } from '../people/person.entity';
import { SiteEntity } from '../sites/site.entity';

/**
 * A company's API key: a machine credential that belongs to the company, not to the person who
 * made it (removing them leaves `createdByPersonId` null and the key working). Only SHA-256
 * hashes of its secrets are kept. A rotation moves the current hash to `previousSecretHash`,
 * which keeps working until `previousSecretExpiresAt` (the overlap window).
 */
@Entity('api_key')
@Index('UQ_api_key_secret_hash', ['secretHash'], { unique: true })
@Index('UQ_api_key_previous_secret_hash', ['previousSecretHash'], { unique: true })
// the company's list, newest first (keyset pagination on createdAt, id)
@Index('IDX_api_key_company', ['companyId', 'createdAt', 'id'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'companyId' })
  company?: CompanyEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** the secret's first characters, to recognize it in a list; never enough to use it */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** hex SHA-256 of the current secret */
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  /** hex SHA-256 of the secret before the last rotation, while its overlap lasts */
  @Column({ type: 'varchar', length: 64, nullable: true })
  previousSecretHash: string | null;

  @DateTimeColumn({ nullable: true })
  previousSecretExpiresAt: Date | null;

  /** ApiScope names, comma-separated (simple-array) */
  @Column({ type: 'simple-array' })
  scopes: string[];

  /** true: only the sites in api_key_site; false: every site of the company */
  @Column({ type: 'boolean', default: false })
  limitedToSites: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdByPersonId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'createdByPersonId' })
  createdBy?: PersonEntity;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  expiresAt: Date | null;

  /** written at most once a minute per key (not on every request) */
  @DateTimeColumn({ nullable: true })
  lastUsedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;
}

/** A site a key is limited to. The primary key serves "sites of a key"; the index the reverse. */
@Entity('api_key_site')
@Index('IDX_api_key_site_site', ['siteId', 'apiKeyId'])
export class ApiKeySiteEntity {
  @PrimaryColumn({ type: 'uuid' })
  apiKeyId: string;

  @PrimaryColumn({ type: 'uuid' })
  siteId: string;

  @ManyToOne(() => ApiKeyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKeyEntity;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siteId' })
  site?: SiteEntity;
}
