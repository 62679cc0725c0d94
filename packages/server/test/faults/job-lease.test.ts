import { JobLeaseEntity } from '../../src/jobs/job-lease.entity';
import { acquireLease, withLease } from '../../src/jobs/job-lease';
import { MYSQL_MIGRATIONS } from '../../src/migrations/mysql';
import { createScratchDatabase } from '../../src/database/scratch-database';
import { testDialects } from '../databases';
import { describeOnDialects } from '../support/dialects';
import { startTestPortal } from '../portal';
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database';

describeOnDialects('job leases on %s', (suite) => {
  const database = suite.openMigratedDatabase();
  const leases = () => database.dataSource.getRepository(JobLeaseEntity);

  it('should let one holder at a time have a lease, and the next one after its release', async () => {
    const first = await acquireLease(database.dataSource, 'one-at-a-time');
    expect(first).not.toBeNull();
    expect(await acquireLease(database.dataSource, 'one-at-a-time')).toBeNull();
    await first!.release();
    expect(first!.signal.aborted).toBe(true);
    const second = await acquireLease(database.dataSource, 'one-at-a-time');
    expect(second).not.toBeNull();
    await second!.release();
    expect(await leases().countBy({ name: 'one-at-a-time' })).toBe(0);
  });

  it('should take a lease over once its holder stopped renewing it and it ran out', async () => {
    // a holder that was killed: its row stays until its lease ends
    await leases().insert({
      name: 'left-behind',
      holder: 'a killed process',
      expiresAt: new Date(Date.now() + 300),
    });
    expect(await acquireLease(database.dataSource, 'left-behind')).toBeNull();
    const started = Date.now();
    const taken = await acquireLease(database.dataSource, 'left-behind', {
      wait: { pollMs: 50 },
    });
    expect(taken).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await taken!.release();
  });

  it('should renew a lease while its work goes on, and abort the work when another holder took it', async () => {
    const lease = await acquireLease(database.dataSource, 'renewed', { ttlMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // still held: renewed every 100 ms
    expect(lease!.signal.aborted).toBe(false);
    expect(await acquireLease(database.dataSource, 'renewed')).toBeNull();
    await leases().update({ name: 'renewed' }, { holder: 'someone else' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(lease!.signal.aborted).toBe(true);
    await leases().delete({ name: 'renewed' });
  });
});

const onMariaDb = testDialects().includes('mysql') ? describe : describe.skip;

// Several processes on one SQLite file are not a set-up the portal supports (one process owns it)
onMariaDb('job leases with several server processes on MariaDB', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase('mysql');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('should run the work of only one of several processes asking at once', async () => {
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    };
    const others = await Promise.all([db.connectAgain(), db.connectAgain()]);
    const outcomes = await Promise.all(
      [db.dataSource, ...others].map((dataSource) =>
        withLease(dataSource, 'exclusive', work, { wait: { pollMs: 20 } }),
      ),
    );
    expect(outcomes.every((outcome) => outcome !== null)).toBe(true);
    expect(most).toBe(1);
  });
});

onMariaDb('start-up of several server processes at once on a new MariaDB database', () => {
  it('should apply the migrations once, in one process, while the others wait', async () => {
    const scratch = await createScratchDatabase('mysql');
    const url = scratch.database.type === 'mariadb' ? scratch.database.url : '';
    try {
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => startTestPortal('mysql', { DATABASE_URL: url })),
      );
      try {
        expect(started.map((result) => result.status)).toEqual([
          'fulfilled',
          'fulfilled',
          'fulfilled',
        ]);
        const [portal] = started.flatMap((result) =>
          result.status === 'fulfilled' ? [result.value] : [],
        );
        const [{ applied }] = await portal!.dataSource.query(
          'SELECT COUNT(*) AS applied FROM migrations',
        );
        expect(Number(applied)).toBe(MYSQL_MIGRATIONS.length);
      } finally {
        for (const result of started) if (result.status === 'fulfilled') await result.value.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});
