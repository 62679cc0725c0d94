import type { DataSource } from 'typeorm';
import { escapeLike, foldForSearch, type AccessLevelCode, type Locale } from '@entry/shared';
import {
  addListTotal,
  applyKeyset,
  pageSize,
  toConnection,
  totalOfRows,
  type Connection,
} from '../common/connection';
import { PersonEntity, type PersonStatus } from './person.entity';

export interface PeopleFilter {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly search?: string | null;
  readonly accessLevel?: AccessLevelCode | null;
  readonly status?: PersonStatus | null;
}

/**
 * A company's people, by name, filtered; always scoped to the one company in the query. A first
 * page counts the list in its own statement; after a cursor the count runs beside the page.
 */
export async function listPeople(
  dataSource: DataSource,
  companyId: string,
  filter: PeopleFilter,
  locale: Locale,
): Promise<Connection<PersonEntity>> {
  const size = pageSize(filter.first, locale);
  const filtered = () => {
    const query = dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where('person.companyId = :companyId', { companyId });
    const term = filter.search ? foldForSearch(filter.search) : '';
    if (term)
      query.andWhere("person.searchText LIKE :term ESCAPE '!'", { term: `%${escapeLike(term)}%` });
    if (filter.accessLevel)
      query.andWhere('person.accessLevel = :level', { level: filter.accessLevel });
    if (filter.status) query.andWhere('person.status = :status', { status: filter.status });
    return query;
  };
  const page = applyKeyset(filtered(), 'person.sortKey', 'person.id', filter.after, size, locale);
  const counted = addListTotal(page, filter.after, filtered());
  const [{ entities, raw }, separateCount] = await Promise.all([
    page.getRawAndEntities<Record<string, unknown>>(),
    counted ? null : filtered().getCount(),
  ]);
  return toConnection(
    entities,
    size,
    (person) => [person.sortKey, person.id],
    separateCount ?? totalOfRows(raw[0]),
  );
}
