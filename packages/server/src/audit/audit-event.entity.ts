import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/** The changed fields' values: plain JSON scalars, so any database stores and compares them. */
export type AuditValues = Record<string, string | number | boolean | null>;

/**
 * Who changed what, when, from where: written in the same transaction as the change. `before`
 * and `after` hold only the fields that changed (never password hashes or tokens).
 */
@Entity('audit_event')
// the audit log page of a company: newest first, filtered by kind, actor or site
@Index('IDX_audit_company_created', ['companyId', 'createdAt', 'id'])
@Index('IDX_audit_company_kind', ['companyId', 'kind', 'createdAt'])
@Index('IDX_audit_company_actor', ['companyId', 'actorPersonId', 'createdAt'])
@Index('IDX_audit_company_site', ['companyId', 'siteId', 'createdAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the company the event concerns (null for events of no company) */
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOperatorId: string | null;

  /** the company's API key that made the change (partner API); no foreign key: the log outlives it */
  @Column({ type: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  /** e.g. registration.approved, person.invited, site.deactivated */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  before: AuditValues | null;

  @Column({ type: 'simple-json', nullable: true })
  after: AuditValues | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
