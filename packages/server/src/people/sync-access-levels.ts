import type { DataSource } from 'typeorm';
import { ACCESS_LEVEL_CODES, ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { AccessLevelEntity } from './access-level.entity';

/**
 * Rewrites the access_level rows from the shared rights table at start-up: the table in
 * packages/shared is the one source, the rows exist for foreign keys and SQL reports.
 */
export async function syncAccessLevels(dataSource: DataSource): Promise<void> {
  const rows = ACCESS_LEVEL_CODES.map((code, rank) => ({
    code,
    rank,
    ...ACCESS_LEVEL_RIGHTS[code],
  }));
  await dataSource.getRepository(AccessLevelEntity).upsert(rows, ['code']);
}
