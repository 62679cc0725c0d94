import type { EntityManager } from 'typeorm';
import { TRANSACTION_ATTEMPTS, inTransaction } from '../../src/database/transaction';
import { testDialects } from '../databases';
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database';

/** A promise and the function that settles it: lets two transactions meet at a chosen step. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// InnoDB's deadlocks only exist on MariaDB: SQLite runs one transaction at a time. (In CI a
// missing MariaDB fails testDialects() itself.)
const onMariaDb = testDialects().includes('mysql') ? describe : describe.skip;

onMariaDb('transactions that MariaDB picks as a deadlock victim', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase('mysql');
    await db.dataSource.query(
      'CREATE TABLE deadlock_probe (id INT PRIMARY KEY, hits INT NOT NULL) ENGINE=InnoDB',
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await db.dataSource.query('DELETE FROM deadlock_probe');
    await db.dataSource.query('INSERT INTO deadlock_probe (id, hits) VALUES (1, 0), (2, 0)');
  });

  const bump = (manager: EntityManager, id: number) =>
    manager.query('UPDATE deadlock_probe SET hits = hits + 1 WHERE id = ?', [id]);

  it('should run the victim again so that both changes commit when two transactions lock rows in opposite order', async () => {
    const bothHoldOne = [gate(), gate()];
    const runs = [0, 0];
    // Each locks its own row, waits until the other holds one too, then wants the other's:
    // the first time round that is a deadlock; the victim's second run finds the way free.
    const crossing = (me: 0 | 1) =>
      inTransaction(db.dataSource, async (manager) => {
        runs[me]! += 1;
        await bump(manager, me + 1);
        if (runs[me] === 1) {
          bothHoldOne[me]!.open();
          await bothHoldOne[1 - me]!.opened;
        }
        await bump(manager, 2 - me);
      });
    await Promise.all([crossing(0), crossing(1)]);

    const rows: Array<{ id: number; hits: number }> = await db.dataSource.query(
      'SELECT id, hits FROM deadlock_probe ORDER BY id',
    );
    // every change counted once: the victim's first run was rolled back whole
    expect(rows.map((row) => Number(row.hits))).toEqual([2, 2]);
    expect(runs[0]! + runs[1]!).toBe(3);
  });

  it(`should give up after ${TRANSACTION_ATTEMPTS} runs and pass the deadlock on when it keeps coming back`, async () => {
    let runs = 0;
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock'), {
      code: 'ER_LOCK_DEADLOCK',
    });
    await expect(
      inTransaction(db.dataSource, async (manager) => {
        runs += 1;
        await bump(manager, 1);
        throw deadlock;
      }),
    ).rejects.toBe(deadlock);
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    const [row] = await db.dataSource.query('SELECT hits FROM deadlock_probe WHERE id = 1');
    expect(Number(row.hits)).toBe(0);
  });

  it.each([
    ['a lock wait timeout', 1205],
    ['a Galera node that is not ready', 1047],
    ['a commit Galera could not replicate', 1180],
    ['a write conflict with another node', 1213],
  ])('should run the body again after %s (error %d)', async (_what, errno) => {
    let runs = 0;
    await inTransaction(db.dataSource, async (manager) => {
      runs += 1;
      await bump(manager, 1);
      if (runs === 1) throw Object.assign(new Error(`error ${errno}`), { errno });
    });
    expect(runs).toBe(2);
    const [row] = await db.dataSource.query('SELECT hits FROM deadlock_probe WHERE id = 1');
    expect(Number(row.hits)).toBe(1);
  });

  it('should run the body again when its connection was lost before COMMIT, not after a statement timed out', async () => {
    let runs = 0;
    await inTransaction(db.dataSource, async (manager) => {
      runs += 1;
      await bump(manager, 1);
      if (runs === 1)
        throw Object.assign(new Error('Connection lost: The server closed the connection.'), {
          code: 'PROTOCOL_CONNECTION_LOST',
          fatal: true,
        });
    });
    expect(runs).toBe(2);

    runs = 0;
    const timedOut = Object.assign(new Error('the database did not answer'), {
      code: 'PROTOCOL_SEQUENCE_TIMEOUT',
    });
    await expect(
      inTransaction(db.dataSource, async () => {
        runs += 1;
        throw timedOut;
      }),
    ).rejects.toBe(timedOut);
    expect(runs).toBe(1);
  });

  it('should not run a body again for any other error', async () => {
    let runs = 0;
    await expect(
      inTransaction(db.dataSource, async () => {
        runs += 1;
        throw new Error('not a deadlock');
      }),
    ).rejects.toThrow('not a deadlock');
    expect(runs).toBe(1);
  });
});
