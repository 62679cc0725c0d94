import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { escapeLike, foldForSearch, LIKE_ESCAPE } from '@entry/shared';

/**
 * "Contains" search on a column holding text folded with foldForSearch: case- and
 * accent-insensitive on SQLite and MariaDB alike. LIKE wildcards in the term are escaped with
 * escapeLike's character, bound as a parameter so that the SQL and the escaping cannot disagree.
 * An empty or blank term adds nothing.
 */
export function whereFoldedContains<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  search: string | null | undefined,
  parameter = 'searchTerm',
): SelectQueryBuilder<T> {
  const term = search ? foldForSearch(search) : '';
  if (!term) return query;
  return query.andWhere(`${column} LIKE :${parameter} ESCAPE :${parameter}Escape`, {
    [parameter]: `%${escapeLike(term)}%`,
    [`${parameter}Escape`]: LIKE_ESCAPE,
  });
}
