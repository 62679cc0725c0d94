import { randomUUID } from 'node:crypto';
import { foldForSearch } from '@entry/shared';
import {
  MY_SITES,
  PEOPLE_WITH_SITES,
  SITES_OF_SITE_ADMIN,
  SITES_WITH_ADMINS,
} from '../../bench/queries';
import { statementCounter } from '../../bench/statement-counter';
import type { PersonEntity } from '../../src/people/person.entity';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { SiteAssignmentEntity } from '../../src/sites/site-assignment.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import { buildCompany, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';

/** The page sizes the issue names: the statement count must not move between them. */
const PAGE_SIZES = [10, 50, 100] as const;
const MAX_STATEMENTS = 3;

/** Site i has 6, 7 or 8 current users; every fifth site also one removed user, never counted. */
const SITE_COUNT = 120;
const currentUsersOf = (i: number) => 6 + (i % 3);
/** the site admin who asks: every site but each eighth, so scoping shows in every answer */
const viewerHas = (i: number) => i % 8 !== 7;
/** other site admins, each with three sites (k, k + 40, k + 80): more people than a page of 100 */
const OTHER_SITE_ADMINS = 105;

const SITES_WITH_USERS = `query ($first: Int!) {
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

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}
interface SiteNode {
  id: string;
  name: string;
  entryUserCount: number;
  siteAdmins?: Array<{ id: string }>;
}
interface PersonNode {
  id: string;
  sites: { totalCount: number; edges: Array<{ node: { id: string } }> };
}

describeOnDialects('SQL statements per request on %s', (suite) => {
  const counter = statementCounter();
  const portal = suite.startPortal(
    {},
    // no timers: the workers' and housekeeping's queries would be counted with the request's
    {
      mailPollIntervalMs: null,
      billingIntervalMs: null,
      webhookPollIntervalMs: null,
      housekeepingIntervalMs: null,
      databaseLogger: counter.logger,
    },
  );
  let paymentAdmin: PersonEntity;
  let viewerSiteAdmin: PersonEntity;
  /** the company's sites by name */
  let sites: SiteEntity[];
  const userCounts = new Map<string, number>();
  const adminsOfSite = new Map<string, string[]>();
  const sitesOfPerson = new Map<string, string[]>();
  let companyPeople = 0;

  beforeAll(async () => {
    const dataSource = portal.dataSource;
    const company = await buildCompany(dataSource, { billingSetupComplete: true });
    // sorts first, so every page of people holds both kinds: all-sites levels and site admins
    paymentAdmin = await buildPerson(dataSource, company, { lastName: 'Aalto' });
    await buildPerson(dataSource, company, { lastName: 'Aaltonen', accessLevel: 'SYSTEM_ADMIN' });
    viewerSiteAdmin = await buildPerson(dataSource, company, {
      lastName: 'Abbott',
      accessLevel: 'SITE_ADMIN',
    });
    const now = new Date();
    sites = Array.from({ length: SITE_COUNT }, (_, i) => {
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
    const users = sites.flatMap((site, index) => {
      userCounts.set(site.id, currentUsersOf(index));
      const removed = index % 5 === 0 ? 1 : 0;
      return Array.from({ length: currentUsersOf(index) + removed }, (_, i) => {
        const email = `user${i}.${site.id.slice(0, 8)}@example.com`;
        return dataSource.getRepository(EntryUserEntity).create({
          id: randomUUID(),
          siteId: site.id,
          companyId: company.id,
          firstName: 'Anna',
          lastName: `Berg ${i}`,
          email,
          activeEmail: i < currentUsersOf(index) ? email : null,
          apartment: null,
          sortKey: foldForSearch(`Berg ${i} Anna`),
          searchText: foldForSearch(`Anna Berg ${i} ${email}`),
          activeFrom: now,
          removedAt: i < currentUsersOf(index) ? null : now,
          createdAt: now,
          updatedAt: now,
        });
      });
    });
    for (let i = 0; i < users.length; i += 200)
      await dataSource.getRepository(EntryUserEntity).insert(users.slice(i, i + 200));

    const assignments: Array<{ personId: string; siteId: string; createdAt: Date }> = [];
    const assign = (person: PersonEntity, indexes: number[]) => {
      sitesOfPerson.set(
        person.id,
        indexes.map((i) => sites[i]!.id),
      );
      for (const i of indexes) {
        assignments.push({ personId: person.id, siteId: sites[i]!.id, createdAt: now });
        adminsOfSite.set(sites[i]!.id, [...(adminsOfSite.get(sites[i]!.id) ?? []), person.id]);
      }
    };
    assign(viewerSiteAdmin, sites.map((_, i) => i).filter(viewerHas));
    for (let k = 0; k < OTHER_SITE_ADMINS; k++) {
      const person = await buildPerson(dataSource, company, {
        lastName: `Berg ${String(k).padStart(3, '0')}`,
        accessLevel: 'SITE_ADMIN',
      });
      assign(
        person,
        [k % SITE_COUNT, (k + 40) % SITE_COUNT, (k + 80) % SITE_COUNT].sort((a, b) => a - b),
      );
    }
    for (let i = 0; i < assignments.length; i += 200)
      await dataSource.getRepository(SiteAssignmentEntity).insert(assignments.slice(i, i + 200));
    companyPeople = 3 + OTHER_SITE_ADMINS;

    // another company's sites and admin: never part of any answer
    const rival = await buildCompany(dataSource, { billingSetupComplete: true });
    const rivalAdmin = await buildPerson(dataSource, rival, { accessLevel: 'SITE_ADMIN' });
    const rivalSite = await buildSite(dataSource, rival, { name: 'Site 000 rival' });
    await dataSource
      .getRepository(SiteAssignmentEntity)
      .insert({ personId: rivalAdmin.id, siteId: rivalSite.id, createdAt: now });
  });

  /**
   * Sends one operation and counts every statement of the request, the session lookup included.
   * The token is made just before, so the session is fresh and its once-a-minute lastSeenAt
   * UPDATE does not fall into the count.
   */
  async function measure<T>(viewer: PersonEntity, query: string, variables: object) {
    const token = await tokenFor(portal.dataSource, viewer);
    let data: T | null | undefined;
    const { count, statements } = await counter.count(async () => {
      const response = await portal.gql<T>(query, { ...variables }, { token });
      expect(response.errors).toBeUndefined();
      data = response.data;
    });
    return { count, statements, data: data! };
  }

  const siteIdsOf = (indexes: (i: number) => boolean) =>
    sites.filter((_, i) => indexes(i)).map((site) => site.id);
  const allSiteIds = () => sites.map((site) => site.id);
  const scopedSiteIds = () => siteIdsOf(viewerHas);

  function expectSitePage(
    page: Page<SiteNode>,
    expectedIds: string[],
    first: number,
    withAdmins: boolean,
  ) {
    expect(page.totalCount).toBe(expectedIds.length);
    expect(page.edges.map(({ node }) => node.id)).toEqual(expectedIds.slice(0, first));
    expect(page.pageInfo.hasNextPage).toBe(expectedIds.length > first);
    for (const { node } of page.edges) {
      expect(node.entryUserCount).toBe(userCounts.get(node.id));
      if (withAdmins)
        expect(node.siteAdmins!.map(({ id }) => id).sort()).toEqual(
          [...(adminsOfSite.get(node.id) ?? [])].sort(),
        );
    }
  }

  interface Operation {
    readonly name: string;
    readonly viewer: () => PersonEntity;
    readonly query: string;
    readonly check: (data: never, first: number) => void;
  }

  const operations: Operation[] = [
    {
      name: 'SITES_WITH_ADMINS as a payment admin',
      viewer: () => paymentAdmin,
      query: SITES_WITH_ADMINS,
      check: (data: { sites: Page<SiteNode> }, first) =>
        expectSitePage(data.sites, allSiteIds(), first, true),
    },
    {
      name: 'SITES_OF_SITE_ADMIN as a site admin',
      viewer: () => viewerSiteAdmin,
      query: SITES_OF_SITE_ADMIN,
      check: (data: { sites: Page<SiteNode> }, first) =>
        expectSitePage(data.sites, scopedSiteIds(), first, false),
    },
    {
      name: 'PEOPLE_WITH_SITES as a payment admin',
      viewer: () => paymentAdmin,
      query: PEOPLE_WITH_SITES,
      check: (data: { people: Page<PersonNode> }, first) => {
        const people = data.people;
        expect(people.totalCount).toBe(companyPeople);
        expect(people.edges).toHaveLength(Math.min(first, companyPeople));
        expect(people.pageInfo.hasNextPage).toBe(companyPeople > first);
        for (const { node } of people.edges) {
          // all-sites levels see every site of the company, site admins their own
          const own = sitesOfPerson.get(node.id) ?? allSiteIds();
          expect(node.sites.totalCount).toBe(own.length);
          expect(node.sites.edges.map((edge) => edge.node.id)).toEqual(own.slice(0, 5));
        }
      },
    },
    {
      name: 'MY_SITES as a site admin',
      viewer: () => viewerSiteAdmin,
      query: MY_SITES,
      check: (data: { me: { id: string; sites: Page<SiteNode> } }, first) => {
        expect(data.me.id).toBe(viewerSiteAdmin.id);
        const expected = scopedSiteIds();
        expect(data.me.sites.totalCount).toBe(expected.length);
        expect(data.me.sites.edges.map(({ node }) => node.id)).toEqual(expected.slice(0, first));
        for (const { node } of data.me.sites.edges)
          expect(node.entryUserCount).toBe(userCounts.get(node.id));
      },
    },
  ];

  it.each(operations)(
    'should answer $name at first = 10, 50 and 100 with the same number of statements, at most 3',
    async ({ name, viewer, query, check }) => {
      const counts: Record<number, number> = {};
      for (const first of PAGE_SIZES) {
        const { count, data } = await measure<never>(viewer(), query, { first });
        check(data, first);
        counts[first] = count;
      }
      console.log(`${suite.dialect}: SQL statements for ${name} at first = 10 / 50 / 100:`, counts);
      expect(counts[50]).toBe(counts[10]);
      expect(counts[100]).toBe(counts[10]);
      expect(counts[10]).toBeLessThanOrEqual(MAX_STATEMENTS);
    },
  );

  it('should send the same number of statements for a page of 10, 50 or 100 sites with their admins and a page of users each', async () => {
    const counts: Record<number, number> = {};
    for (const first of PAGE_SIZES) {
      const { count, statements, data } = await measure<{
        sites: Page<
          SiteNode & {
            entryUsers: {
              totalCount: number;
              edges: unknown[];
              pageInfo: { hasNextPage: boolean };
            };
          }
        >;
      }>(paymentAdmin, SITES_WITH_USERS, { first });
      counts[first] = count;
      expect(data.sites.totalCount).toBe(SITE_COUNT);
      expect(data.sites.edges).toHaveLength(first);
      for (const { node } of data.sites.edges) {
        expect(node.entryUserCount).toBe(userCounts.get(node.id));
        expect(node.entryUsers.totalCount).toBe(userCounts.get(node.id));
        expect(node.entryUsers.edges).toHaveLength(5);
        expect(node.entryUsers.pageInfo.hasNextPage).toBe(true);
        expect(node.siteAdmins!.length).toBeGreaterThan(0);
      }
      if (first === 100) expect(statements.join('\n')).toContain('ROW_NUMBER()');
    }
    console.log(
      `${suite.dialect}: SQL statements for sites with entryUsers at 10 / 50 / 100:`,
      counts,
    );
    expect(counts[50]).toBe(counts[10]);
    expect(counts[100]).toBe(counts[10]);
  });

  it('should read totals and user counts in the page statement when fragments ask for them', async () => {
    const { count, data } = await measure<{
      sites: Page<{ id: string; users: number }> & { total: number };
    }>(
      viewerSiteAdmin,
      `query ($first: Int!) { sites(first: $first) { ...Counted edges { node { ... on Site { ...Users } } } pageInfo { hasNextPage endCursor } } }
       fragment Counted on SiteConnection { total: totalCount }
       fragment Users on Site { id name users: entryUserCount }`,
      { first: 50 },
    );
    const page = data.sites;
    expect(page.total).toBe(scopedSiteIds().length);
    expect(page.edges.map(({ node }) => node.id)).toEqual(scopedSiteIds().slice(0, 50));
    for (const { node } of page.edges) expect(node.users).toBe(userCounts.get(node.id));
    // the session lookup and the page: neither the total nor the counts needed one of their own
    expect(count).toBe(2);
  });

  it('should count the whole list, not what follows the cursor, when a page starts after one', async () => {
    const { data: firstPage } = await measure<{ sites: Page<SiteNode> }>(
      viewerSiteAdmin,
      SITES_OF_SITE_ADMIN,
      { first: 100 },
    );
    const after = firstPage.sites.pageInfo.endCursor;
    const expected = scopedSiteIds();
    const { data } = await measure<{
      sites: Page<SiteNode>;
      me: { sites: Page<SiteNode> };
      people: Page<PersonNode>;
    }>(
      viewerSiteAdmin,
      `query ($after: String) {
        sites(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name entryUserCount } } }
        me { sites(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name entryUserCount } } } }
      }`,
      { after },
    );
    for (const page of [data.sites, data.me.sites]) {
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map(({ node }) => node.id)).toEqual(expected.slice(100));
      expect(page.pageInfo.hasNextPage).toBe(false);
      for (const { node } of page.edges) expect(node.entryUserCount).toBe(userCounts.get(node.id));
    }
  });
});
