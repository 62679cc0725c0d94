import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';
import { PersonEntity } from '../people/person.entity';
import { SiteEntity } from './site.entity';

/** A site given to a site admin. The primary key serves "sites of a person"; the index the reverse. */
@Entity('site_assignment')
@Index('IDX_site_assignment_site', ['siteId', 'personId'])
export class SiteAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'uuid' })
  siteId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: PersonEntity;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siteId' })
  site?: SiteEntity;

  @DateTimeColumn()
  createdAt: Date;
}
