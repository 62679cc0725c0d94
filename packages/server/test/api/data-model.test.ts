import { PersonEntity } from '../../src/people/person.entity';
import { syncAccessLevels } from '../../src/people/sync-access-levels';
import { buildCompany, buildPerson } from '../factories';
import { describeOnDialects } from '../support/dialects';

describeOnDialects('data model on %s', (suite) => {
  suite.openMigratedDatabase();
  const dataSource = suite.dataSource;

  beforeAll(async () => {
    await syncAccessLevels(dataSource);
  });

  it('should store emails in their canonical form and refuse another case of the same address', async () => {
    const company = await buildCompany(dataSource);
    const person = await buildPerson(dataSource, company, { email: '  Daisy.Burton@Example.COM ' });
    const stored = await dataSource.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
    expect(stored.email).toBe('daisy.burton@example.com');
    await expect(
      buildPerson(dataSource, company, { email: 'DAISY.BURTON@example.com' }),
    ).rejects.toThrow();
  });

  it('should refuse an access level that is not one of the three', async () => {
    const company = await buildCompany(dataSource);
    await expect(
      buildPerson(dataSource, company, { accessLevel: 'SUPER_ADMIN' as never }),
    ).rejects.toThrow();
  });

  it('should keep milliseconds of datetimes when they are stored', async () => {
    const createdAt = new Date('2026-11-22T10:11:12.345Z');
    const company = await buildCompany(dataSource, { createdAt });
    const person = await buildPerson(dataSource, company, { createdAt });
    const stored = await dataSource.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
    expect(stored.createdAt.toISOString()).toBe('2026-11-22T10:11:12.345Z');
  });

  it('should mirror the shared rights table in access_level when synced', async () => {
    const rows = await dataSource.query(
      'SELECT code, allSites, payments, managePeople FROM access_level ORDER BY `rank`'.replace(
        /`/g,
        suite.dialect === 'sqlite' ? '"' : '`',
      ),
    );
    expect(
      rows.map((row: Record<string, unknown>) => [
        row['code'],
        Boolean(Number(row['allSites'])),
        Boolean(Number(row['payments'])),
        Boolean(Number(row['managePeople'])),
      ]),
    ).toEqual([
      ['PAYMENT_ADMIN', true, true, true],
      ['SYSTEM_ADMIN', true, false, true],
      ['SITE_ADMIN', false, false, false],
    ]);
  });
});
