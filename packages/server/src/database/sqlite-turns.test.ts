import { openMigratedDatabase, type MigratedDatabase } from '../../test/support/migrated-database';
import { takeTurnsOnSqlite } from './sqlite-turns';

describe('statements on SQLite taking turns with the rest of the event loop', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.close();
  });

  /** How many of ten statements had run each time other work, queued for the loop, got a turn. */
  async function turnsOfOtherWorkDuringTenStatements(): Promise<number[]> {
    const seenAfter: number[] = [];
    let done = 0;
    const otherWork = () =>
      setImmediate(() => {
        seenAfter.push(done);
        if (done < 10) otherWork();
      });
    otherWork();
    for (let i = 0; i < 10; i++) {
      await db.dataSource.query('SELECT 1');
      done += 1;
    }
    return [...seenAfter];
  }

  it('should run ten statements in one turn, with no other work between them, when nothing makes them wait', async () => {
    expect(await turnsOfOtherWorkDuringTenStatements()).toEqual([]);
  });

  it('should let other work run before each statement when statements take turns', async () => {
    takeTurnsOnSqlite(db.dataSource);
    expect(await turnsOfOtherWorkDuringTenStatements()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
