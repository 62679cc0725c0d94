import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AccessLevelCode } from '@entry/shared';

/**
 * The three access levels as rows, so `person.access_level` is a foreign key and reports can join
 * on rights in SQL. The rows mirror ACCESS_LEVEL_RIGHTS in packages/shared, which stays the one
 * source: start-up rewrites them from it (see sync-access-levels.ts).
 */
@Entity('access_level')
export class AccessLevelEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: AccessLevelCode;

  /** 0 = highest; the order of every list and dropdown */
  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'boolean' })
  allSites: boolean;

  @Column({ type: 'boolean' })
  payments: boolean;

  @Column({ type: 'boolean' })
  managePeople: boolean;
}
