import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** An entity of a page and what the page's statement knew about its row. */
export interface PageRow<T> {
  readonly entity: T;
  /** the page columns and computed values asked for, by name */
  readonly values: Readonly<Record<string, unknown>>;
}

export interface PageRowsOptions {
  /** columns of the page table to bring back beside each entity: its owner, its rank, a total */
  readonly columns?: readonly string[];
  /** more values per row, as SQL over the entity's alias (correlated subqueries) */
  readonly computed?: Readonly<Record<string, string>>;
  /** the order of the rows: qualified columns of the entity's alias or of `page`, ascending */
  readonly orderBy: readonly string[];
}

/**
 * Whole entities for a page of ids, in one statement. `pageSql` is a derived table, joined as
 * `page`, with an `id` column and whatever the page knows per row (owner, rank, a window count
 * of the list's total); it may name an entity more than once (one row per owner). Window
 * functions and sorts run over its narrow rows, the wide rows are read for the page only, and
 * `computed` subqueries run once per row of the page rather than once per row of the list.
 */
export async function loadPageRows<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  pageSql: string,
  parameters: ObjectLiteral,
  options: PageRowsOptions,
): Promise<PageRow<T>[]> {
  const query = manager
    .getRepository(entity)
    .createQueryBuilder(alias)
    .innerJoin(`(${pageSql})`, 'page', `page.id = ${alias}.id`)
    .addSelect('page.id', 'page_id')
    .setParameters(parameters);
  const names = [...(options.columns ?? []), ...Object.keys(options.computed ?? {})];
  for (const column of options.columns ?? []) query.addSelect(`page.${column}`, `page_${column}`);
  for (const [name, sql] of Object.entries(options.computed ?? {}))
    query.addSelect(`(${sql})`, `page_${name}`);
  options.orderBy.forEach((column, index) => {
    if (index) query.addOrderBy(column, 'ASC');
    else query.orderBy(column, 'ASC');
  });
  // entities come back once per id; the raw rows keep every page row, in order
  const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
  const byId = new Map(entities.map((row) => [row.id, row]));
  return raw.flatMap((row) => {
    const found = byId.get(String(row['page_id']));
    if (!found) return [];
    const values = Object.fromEntries(names.map((name) => [name, row[`page_${name}`]]));
    return [{ entity: found, values }];
  });
}
