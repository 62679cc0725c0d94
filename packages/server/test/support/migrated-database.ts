import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { createScratchDatabase } from '../../src/database/scratch-database';
import type { Dialect } from '../portal';

export interface MigratedDatabase {
  readonly dialect: Dialect;
  readonly dataSource: DataSource;
  /**
   * Another connection (pool) to the same database, as a second server would have: for tests
   * of what several processes do at once. Closed by close().
   */
  connectAgain(): Promise<DataSource>;
  /** closes every connection and drops the database */
  close(): Promise<void>;
}

/** A brand-new database of the dialect with every committed migration applied (no server). */
export async function openMigratedDatabase(dialect: Dialect): Promise<MigratedDatabase> {
  const scratch = await createScratchDatabase(dialect);
  const opened: DataSource[] = [];
  const close = async () => {
    for (const source of opened) if (source.isInitialized) await source.destroy();
    await scratch.drop();
  };
  const connect = async () => {
    const source = createDataSource(scratch.database);
    opened.push(source);
    await source.initialize();
    return source;
  };
  try {
    const dataSource = await connect();
    await dataSource.runMigrations({ transaction: 'each' });
    return { dialect, dataSource, connectAgain: connect, close };
  } catch (error) {
    // a failed beforeAll must not leave a pool open: Jest would never exit
    await close();
    throw error;
  }
}
