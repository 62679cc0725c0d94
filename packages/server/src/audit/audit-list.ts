import type { DataSource } from 'typeorm';
import type { Locale } from '@entry/shared';
import { applyKeyset, pageSize, toConnection, type Connection } from '../common/connection';
import { sqlDateTime } from '../database/sql-values';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditFilter {
  readonly personId?: string | null;
  readonly siteId?: string | null;
  readonly kind?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/** The company's audit events matching the filter, for the list and the CSV export alike. */
export function auditQuery(dataSource: DataSource, companyId: string, filter: AuditFilter) {
  const query = dataSource
    .getRepository(AuditEventEntity)
    .createQueryBuilder('event')
    .where('event.companyId = :companyId', { companyId });
  // "by person": what they did, and what was done to them
  if (filter.personId) {
    query.andWhere(
      '(event.actorPersonId = :personId OR (event.subjectType = :person AND event.subjectId = :personId))',
      { personId: filter.personId, person: 'person' },
    );
  }
  if (filter.siteId)
    query.andWhere(
      '(event.siteId = :siteId OR (event.subjectType = :site AND event.subjectId = :siteId))',
      { siteId: filter.siteId, site: 'site' },
    );
  if (filter.kind) query.andWhere('event.kind = :kind', { kind: filter.kind });
  if (filter.from)
    query.andWhere('event.createdAt >= :from', { from: sqlDateTime(dataSource, filter.from) });
  if (filter.to)
    query.andWhere('event.createdAt < :to', { to: sqlDateTime(dataSource, filter.to) });
  return query;
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEvents(
  dataSource: DataSource,
  companyId: string,
  filter: AuditFilter & { first?: number | null; after?: string | null },
  locale: Locale,
): Promise<Connection<AuditEventEntity>> {
  const size = pageSize(filter.first);
  const [totalCount, rows] = await Promise.all([
    auditQuery(dataSource, companyId, filter).getCount(),
    applyKeyset(
      auditQuery(dataSource, companyId, filter),
      'event.createdAt',
      'event.id',
      filter.after,
      size,
      locale,
      {
        direction: 'DESC',
        sortKey: 'datetime',
      },
    ).getMany(),
  ]);
  return toConnection(rows, size, (event) => [event.createdAt.toISOString(), event.id], totalCount);
}
