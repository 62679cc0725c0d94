import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Whole entities read from raw rows, for the statements every request runs (the session lookup,
 * the pages of the lists): TypeORM's query builder rebuilds its SQL and its result transformer
 * walks every joined alias on each call, which was a fifth of the portal's CPU per request
 * (bench/api.ts --profile). Here the column list of an entity is built once per data source and
 * a row becomes an entity by one pass over its columns, through the same driver conversions
 * (dates, booleans, column transformers) TypeORM applies.
 */
export interface EntityRows<T> {
  /** the entity's table, quoted, followed by its alias: for a FROM or JOIN clause */
  readonly from: string;
  /** every column of the entity, as `alias.column AS alias_column`, for a SELECT clause */
  readonly columns: string;
  /** the entity a row holds, or null when its primary key is null (an unmatched LEFT JOIN) */
  read(row: Readonly<Record<string, unknown>>): T | null;
}

const cache = new WeakMap<DataSource, Map<string, EntityRows<unknown>>>();

interface ColumnReader {
  readonly key: string;
  readonly column: ColumnMetadata;
}

export function entityRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
): EntityRows<T> {
  const metadata = dataSource.getMetadata(target);
  let byEntity = cache.get(dataSource);
  if (!byEntity) {
    byEntity = new Map();
    cache.set(dataSource, byEntity);
  }
  const cacheKey = `${metadata.name} ${alias}`;
  const cached = byEntity.get(cacheKey);
  if (cached) return cached as EntityRows<T>;

  const { driver } = dataSource;
  const quotedAlias = driver.escape(alias);
  const readers: ColumnReader[] = metadata.columns
    .filter((column) => !column.embeddedMetadata && !column.isVirtual)
    .map((column) => ({ key: `${alias}_${column.databaseName}`, column }));
  const primaryKeys = metadata.primaryColumns.map((column) => `${alias}_${column.databaseName}`);
  const rows: EntityRows<T> = {
    from: `${driver.escape(metadata.tablePath)} ${quotedAlias}`,
    columns: readers
      .map(
        ({ key, column }) =>
          `${quotedAlias}.${driver.escape(column.databaseName)} AS ${driver.escape(key)}`,
      )
      .join(', '),
    read(row) {
      if (primaryKeys.some((key) => row[key] === null || row[key] === undefined)) return null;
      const entity = metadata.create(undefined, { fromDeserializer: true }) as Record<
        string,
        unknown
      >;
      for (const { key, column } of readers)
        entity[column.propertyName] = driver.prepareHydratedValue(row[key], column);
      return entity as T;
    },
  };
  byEntity.set(cacheKey, rows as EntityRows<unknown>);
  return rows;
}

/**
 * Runs SQL with TypeORM's named parameters (`:name`, `:...list`) on a manager (inside its
 * transaction, if any) and returns the raw rows.
 */
export async function queryRows(
  manager: EntityManager,
  sql: string,
  parameters: ObjectLiteral,
): Promise<Record<string, unknown>[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return (await manager.query(query, values)) as Record<string, unknown>[];
}
