import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { entityRows, queryRows } from '../database/entity-rows';

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
  const rows = entityRows(manager.connection, entity, alias);
  const names = [...(options.columns ?? []), ...Object.keys(options.computed ?? {})];
  const selects = [
    rows.columns,
    'page.id AS page_id',
    ...(options.columns ?? []).map((column) => `page.${column} AS page_${column}`),
    ...Object.entries(options.computed ?? {}).map(([name, sql]) => `(${sql}) AS page_${name}`),
  ];
  const raw = await queryRows(
    manager,
    `SELECT ${selects.join(', ')} FROM ${rows.from} INNER JOIN (${pageSql}) page ON page.id = ${alias}.id ORDER BY ${options.orderBy.map((column) => `${column} ASC`).join(', ')}`,
    parameters,
  );
  // a row per page row, in order; an entity named by several page rows is read once
  const byId = new Map<string, T>();
  return raw.flatMap((row) => {
    const id = String(row['page_id']);
    let found = byId.get(id);
    if (!found) {
      const read = rows.read(row);
      if (!read) return [];
      found = read;
      byId.set(id, found);
    }
    const values = Object.fromEntries(names.map((name) => [name, row[`page_${name}`]]));
    return [{ entity: found, values }];
  });
}
