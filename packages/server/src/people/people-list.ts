import type { DataSource } from 'typeorm';
import type { AccessLevelCode, Locale } from '@entry/shared';
import {
  addListTotal,
  applyKeyset,
  pageSize,
  toConnection,
  TOTAL,
  totalOfRows,
  type Connection,
} from '../common/connection';
import { loadPageRows } from '../common/page-rows';
import { whereFoldedContains } from '../common/search-sql';
import { PersonEntity, type PersonStatus } from './person.entity';

export interface PeopleFilter {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly search?: string | null;
  readonly accessLevel?: AccessLevelCode | null;
  readonly status?: PersonStatus | null;
}

/**
 * A company's people, by name, filtered; always scoped to the one company in the query. One
 * statement: the page's ids (with the list's total on a first page), then the page's rows.
 * After a cursor the total is counted beside the page.
 */
export async function listPeople(
  dataSource: DataSource,
  companyId: string,
  filter: PeopleFilter,
  locale: Locale,
): Promise<Connection<PersonEntity>> {
  const size = pageSize(filter.first);
  const filtered = () => {
    const query = dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where('person.companyId = :companyId', { companyId });
    whereFoldedContains(query, 'person.searchText', filter.search);
    if (filter.accessLevel)
      query.andWhere('person.accessLevel = :level', { level: filter.accessLevel });
    if (filter.status) query.andWhere('person.status = :status', { status: filter.status });
    return query;
  };
  const ids = applyKeyset(
    filtered().select('person.id', 'id'),
    'person.sortKey',
    'person.id',
    filter.after,
    size,
    locale,
  );
  const counted = addListTotal(ids, filter.after, filtered());
  const [rows, separateCount] = await Promise.all([
    loadPageRows(dataSource.manager, PersonEntity, 'person', ids.getQuery(), ids.getParameters(), {
      columns: counted ? [TOTAL] : [],
      orderBy: ['person.sortKey', 'person.id'],
    }),
    counted ? null : filtered().getCount(),
  ]);
  return toConnection(
    rows.map((row) => row.entity),
    size,
    (person) => [person.sortKey, person.id],
    separateCount ?? totalOfRows(rows[0]?.values),
  );
}
