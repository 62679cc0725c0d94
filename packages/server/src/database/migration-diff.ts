import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  readonly up: string[];
  readonly down: string[];
}

/**
 * What the database still lacks to match the entities: the statements TypeORM's
 * `migration:generate` would write. Empty after the committed migrations ran means no drift.
 */
export async function pendingSchemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((query) => query.query),
    down: sql.downQueries.map((query) => query.query).reverse(),
  };
}
