import { createDataSource } from '../../src/database/data-source';
import { pendingSchemaDiff } from '../../src/database/migration-diff';
import { withScratchDatabase } from '../../src/database/scratch-database';
import { describeOnDialects } from '../support/dialects';

describeOnDialects('migrations on %s', ({ dialect }) => {
  it('should leave nothing for migration:generate when run on an empty database (no drift from the entities)', async () => {
    await withScratchDatabase(dialect, async (database) => {
      const dataSource = createDataSource(database);
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        const diff = await pendingSchemaDiff(dataSource);
        // A failure lists the SQL that `pnpm --filter @entry/server migration:generate <Name>` would write.
        expect(diff.up).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  it('should undo every migration when reverted one by one', async () => {
    await withScratchDatabase(dialect, async (database) => {
      const dataSource = createDataSource(database);
      await dataSource.initialize();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        for (let i = 0; i < applied.length; i++)
          await dataSource.undoLastMigration({ transaction: 'each' });
        const queryRunner = dataSource.createQueryRunner();
        const left: string[] = [];
        for (const { tableName } of dataSource.entityMetadatas) {
          if (await queryRunner.hasTable(tableName)) left.push(tableName);
        }
        await queryRunner.release();
        expect(left).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
