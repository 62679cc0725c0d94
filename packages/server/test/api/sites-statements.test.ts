import { randomUUID } from 'node:crypto';
import type { Logger as DatabaseLogger } from 'typeorm';
import { foldForSearch } from '@entry/shared';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { SiteAssignmentEntity } from '../../src/sites/site-assignment.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import { testDialects } from '../databases';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import { startTestPortal, type TestPortal } from '../portal';

/** Counts the SQL statements the server sends while `counting` is on. */
function statementCounter() {
  const statements: string[] = [];
  let counting = false;
  const logger: DatabaseLogger = {
    logQuery: (query) => {
      if (counting) statements.push(query);
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  return {
    logger,
    async count(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
      statements.length = 0;
      counting = true;
      try {
        await work();
      } finally {
        counting = false;
      }
      return { count: statements.length, statements: [...statements] };
    },
  };
}

const SITES_PAGE = `query ($first: Int!) {
  sites(first: $first) {
    totalCount
    edges { node {
      id name
      siteAdmins { id }
      entryUserCount
      entryUsers(first: 5) { totalCount edges { node { id email } } pageInfo { hasNextPage } }
    } }
  }
}`;

const PEOPLE_PAGE = `query ($first: Int!) {
  people(first: $first) {
    edges { node { id sites(first: 3) { totalCount edges { node { id name } } } } }
  }
}`;

const SITE_COUNT = 100;
const USERS_PER_SITE = 7;
const SITE_ADMINS = 40;

describe.each(testDialects())('SQL statements per request on %s', (dialect) => {
  let portal: TestPortal;
  let token: string;
  const counter = statementCounter();

  beforeAll(async () => {
    portal = await startTestPortal(
      dialect,
      {},
      { mailPollIntervalMs: null, databaseLogger: counter.logger },
    );
    const dataSource = portal.dataSource;
    const company = await buildCompany(dataSource, { billingSetupComplete: true });
    // sorts first, so every page of people holds both kinds: all-sites levels and site admins
    const admin = await buildPerson(dataSource, company, { lastName: 'Aalto' });
    token = await tokenFor(dataSource, admin);
    const now = new Date();
    const sites = Array.from({ length: SITE_COUNT }, (_, i) => {
      const name = `Site ${String(i).padStart(3, '0')}`;
      return dataSource.getRepository(SiteEntity).create({
        id: randomUUID(),
        companyId: company.id,
        name,
        nameKey: foldForSearch(name),
        address: null,
        searchText: foldForSearch(name),
        active: true,
        createdAt: now,
        updatedAt: now,
        deactivatedAt: null,
      });
    });
    await dataSource.getRepository(SiteEntity).insert(sites);
    const users = sites.flatMap((site) =>
      Array.from({ length: USERS_PER_SITE }, (_, i) => {
        const email = `user${i}.${site.id.slice(0, 8)}@example.com`;
        return dataSource.getRepository(EntryUserEntity).create({
          id: randomUUID(),
          siteId: site.id,
          companyId: company.id,
          firstName: 'Anna',
          lastName: `Berg ${i}`,
          email,
          activeEmail: email,
          apartment: null,
          sortKey: foldForSearch(`Berg ${i} Anna`),
          searchText: foldForSearch(`Anna Berg ${i} ${email}`),
          activeFrom: now,
          removedAt: null,
          createdAt: now,
          updatedAt: now,
        });
      }),
    );
    for (let i = 0; i < users.length; i += 200)
      await dataSource.getRepository(EntryUserEntity).insert(users.slice(i, i + 200));
    for (let i = 0; i < SITE_ADMINS; i++) {
      const person = await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' });
      await dataSource
        .getRepository(SiteAssignmentEntity)
        .insert(
          [i, i + 40, i + 80]
            .filter((index) => index < SITE_COUNT)
            .map((index) => ({ personId: person.id, siteId: sites[index]!.id, createdAt: now })),
        );
    }
  });
  afterAll(async () => {
    await portal?.close();
  });

  type SitesPage = {
    sites: {
      totalCount: number;
      edges: Array<{
        node: {
          siteAdmins: unknown[];
          entryUserCount: number;
          entryUsers: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
        };
      }>;
    };
  };

  it('should send the same number of statements for a page of 10, 50 or 100 sites with their admins and users', async () => {
    const counts: Record<number, number> = {};
    for (const first of [10, 50, 100]) {
      let body: SitesPage | null | undefined;
      const { count, statements } = await counter.count(async () => {
        const response = await portal.gql<SitesPage>(SITES_PAGE, { first }, { token });
        expect(response.errors).toBeUndefined();
        body = response.data;
      });
      counts[first] = count;
      const page = body!.sites;
      expect(page.totalCount).toBe(SITE_COUNT);
      expect(page.edges).toHaveLength(first);
      for (const { node } of page.edges) {
        expect(node.entryUserCount).toBe(USERS_PER_SITE);
        expect(node.entryUsers.totalCount).toBe(USERS_PER_SITE);
        expect(node.entryUsers.edges).toHaveLength(5);
        expect(node.entryUsers.pageInfo.hasNextPage).toBe(true);
        expect(node.siteAdmins.length).toBeGreaterThan(0);
      }
      if (first === 100) expect(statements.join('\n')).toContain('ROW_NUMBER()');
    }
    console.log(`${dialect}: SQL statements for sites(first: 10 / 50 / 100):`, counts);
    expect(counts[50]).toBe(counts[10]);
    expect(counts[100]).toBe(counts[10]);
  });

  it('should send the same number of statements for a page of 5, 20 or 41 people with their sites', async () => {
    const counts: Record<number, number> = {};
    for (const first of [5, 20, 41]) {
      const { count } = await counter.count(async () => {
        const response = await portal.gql<{
          people: { edges: Array<{ node: { sites: { totalCount: number; edges: unknown[] } } }> };
        }>(PEOPLE_PAGE, { first }, { token });
        expect(response.errors).toBeUndefined();
        expect(response.data!.people.edges).toHaveLength(first);
        const totals = response.data!.people.edges.map(({ node }) => node.sites.totalCount);
        expect(totals[0]).toBe(SITE_COUNT);
        expect(totals.slice(1).every((total) => total > 0 && total <= 3)).toBe(true);
        for (const { node } of response.data!.people.edges) {
          expect(node.sites.edges.length).toBe(Math.min(3, node.sites.totalCount));
        }
      });
      counts[first] = count;
    }
    console.log(`${dialect}: SQL statements for people(first: 5 / 20 / 41) { sites }:`, counts);
    expect(counts[20]).toBe(counts[5]);
    expect(counts[41]).toBe(counts[5]);
  });
});
