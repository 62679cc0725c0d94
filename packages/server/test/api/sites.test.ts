import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { PersonStatus } from '../../src/people/person.entity';
import { SiteActivePeriodEntity } from '../../src/sites/site-active-period.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import { assignSite, buildCompany, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { buildWorld } from '../support/world';

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type SiteResult = { id: string; name: string; address: string | null; active: boolean } | null;
type Page = {
  edges: Array<{ cursor: string; node: { id: string; name: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};

const SITE_FIELDS = 'id name address active deactivatedAt';
const CREATE = `mutation ($input: SiteInput!) {
  createSite(input: $input) { site { ${SITE_FIELDS} } userErrors { field code message } }
}`;
const UPDATE = `mutation ($id: ID!, $input: SiteInput!) {
  updateSite(id: $id, input: $input) { site { ${SITE_FIELDS} } userErrors { field code message } }
}`;
const DEACTIVATE = `mutation ($id: ID!) {
  deactivateSite(id: $id) { site { ${SITE_FIELDS} } userErrors { field code message } }
}`;
const REACTIVATE = `mutation ($id: ID!) {
  reactivateSite(id: $id) { site { ${SITE_FIELDS} } userErrors { field code message } }
}`;
const SITES = `query ($first: Int, $after: String, $search: String, $active: Boolean) {
  sites(first: $first, after: $after, search: $search, active: $active) {
    edges { cursor node { id name } } pageInfo { hasNextPage endCursor } totalCount
  }
}`;
const SITE = `query ($id: ID!) { site(id: $id) { ${SITE_FIELDS} } }`;
const MY_SITES = `{ me { sites(first: 100) { edges { node { id } } totalCount } } }`;
const PERSON_SITES = `query ($id: ID!) { person(id: $id) { id sites(first: 100) { edges { node { id } } totalCount } } }`;
const SITE_ADMINS = `query ($id: ID!) { site(id: $id) { id siteAdmins { id } } }`;

describeOnDialects('sites on %s', (suite) => {
  const portal = suite.startPortal();
  const world = suite.seed(buildWorld);

  async function create(token: string, input: Record<string, unknown>) {
    const response = await portal.as<{ createSite: { site: SiteResult; userErrors: Errors } }>(
      token,
      CREATE,
      { input },
    );
    return response;
  }

  const ids = (page: Page | undefined) => page?.edges.map((edge) => edge.node.id) ?? [];

  async function auditOf(siteId: string, kind: string) {
    return portal.dataSource.getRepository(AuditEventEntity).findBy({ siteId, kind });
  }

  describe('createSite', () => {
    it('should create an active site with trimmed values, an open active period and an audit event when a payment admin asks', async () => {
      const response = await create(world.tokens.paymentAdmin, {
        name: '  Vasagatan   7 ',
        address: ' Vasagatan 7, Göteborg ',
      });
      const payload = response.data!.createSite;
      expect(payload.userErrors).toEqual([]);
      expect(payload.site).toMatchObject({
        name: 'Vasagatan 7',
        address: 'Vasagatan 7, Göteborg',
        active: true,
      });
      const id = payload.site!.id;
      const periods = await portal.dataSource
        .getRepository(SiteActivePeriodEntity)
        .findBy({ siteId: id });
      expect(periods).toHaveLength(1);
      expect(periods[0]!.endedAt).toBeNull();
      const [event] = await auditOf(id, 'site.created');
      expect(event).toMatchObject({
        companyId: world.company.id,
        actorPersonId: world.people.paymentAdmin.id,
        subjectType: 'site',
        after: { name: 'Vasagatan 7', address: 'Vasagatan 7, Göteborg' },
      });
      expect(event!.ip).toBeTruthy();
    });

    it('should create a site when a system admin asks', async () => {
      const response = await create(world.tokens.systemAdmin, { name: 'Drottninggatan 1' });
      expect(response.data!.createSite.userErrors).toEqual([]);
      expect(response.data!.createSite.site).toMatchObject({ address: null });
    });

    it('should answer FORBIDDEN with code BILLING_SETUP_REQUIRED when billing setup is not complete', async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: false });
      const admin = await buildPerson(portal.dataSource, company);
      const response = await create(await tokenFor(portal.dataSource, admin), { name: 'Early' });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BILLING_SETUP_REQUIRED');
      expect(
        await portal.dataSource.getRepository(SiteEntity).countBy({ companyId: company.id }),
      ).toBe(0);
    });

    it.each([
      ['FORBIDDEN', 'a site admin', 'siteAdminAssigned'],
      ['FORBIDDEN', 'an operator', 'operator'],
      ['UNAUTHENTICATED', 'an anonymous caller', 'anonymous'],
    ] as const)('should answer %s when %s asks', async (code, _label, who) => {
      const token = who === 'anonymous' ? undefined : world.tokens[who];
      const response = await portal.as(token, CREATE, { input: { name: 'Not allowed' } });
      expect(response.errors?.[0]?.extensions?.['code']).toBe(code);
    });

    it.each([
      [{ name: '   ' }, ['input', 'name'], 'REQUIRED'],
      [{ name: 'x'.repeat(201) }, ['input', 'name'], 'TOO_LONG'],
      [{ name: 'Long address', address: 'x'.repeat(301) }, ['input', 'address'], 'TOO_LONG'],
    ])('should answer a userError when the input is %j', async (input, field, code) => {
      const response = await create(world.tokens.paymentAdmin, input);
      expect(response.data!.createSite.site).toBeNull();
      expect(response.data!.createSite.userErrors).toEqual([
        expect.objectContaining({ field, code }),
      ]);
    });

    it('should answer TAKEN on the name when another site of the company has it in another case or with accents', async () => {
      await create(world.tokens.paymentAdmin, { name: 'Åsgatan 4' });
      const response = await create(world.tokens.paymentAdmin, { name: 'ASGATAN  4' });
      expect(response.data!.createSite.userErrors).toEqual([
        {
          field: ['input', 'name'],
          code: 'TAKEN',
          message: 'Another site already has this name.',
        },
      ]);
    });

    it('should allow a name another company uses when the company has no such site', async () => {
      const response = await create(world.tokens.paymentAdmin, {
        name: world.otherCompanySite.name + ' B',
      });
      expect(response.data!.createSite.userErrors).toEqual([]);
      const rival = await create(world.tokens.otherCompanyPaymentAdmin, {
        name: world.otherSite.name,
      });
      expect(rival.data!.createSite.userErrors).toEqual([]);
    });

    it('should create one site and answer TAKEN to the other when two creates with one name race', async () => {
      const results = await Promise.all(
        [1, 2, 3].map(() => create(world.tokens.paymentAdmin, { name: 'Racing Lane 1' })),
      );
      const codes = results.map(
        (result) => result.data?.createSite.userErrors[0]?.code ?? (result.errors ? 'ERROR' : 'OK'),
      );
      expect(codes.sort()).toEqual(['OK', 'TAKEN', 'TAKEN']);
      expect(
        await portal.dataSource
          .getRepository(SiteEntity)
          .countBy({ companyId: world.company.id, nameKey: 'racing lane 1' }),
      ).toBe(1);
    });
  });

  describe('updateSite', () => {
    it('should rename a site and audit before and after when a payment admin asks', async () => {
      const site = await buildSite(portal.dataSource, world.company, { name: 'Old Name 1' });
      const response = await portal.as<{ updateSite: { site: SiteResult; userErrors: Errors } }>(
        world.tokens.paymentAdmin,
        UPDATE,
        { id: site.id, input: { name: 'New Name 1', address: site.address } },
      );
      expect(response.data!.updateSite).toEqual({
        site: expect.objectContaining({ id: site.id, name: 'New Name 1' }),
        userErrors: [],
      });
      const [event] = await auditOf(site.id, 'site.updated');
      expect(event).toMatchObject({
        before: { name: 'Old Name 1' },
        after: { name: 'New Name 1' },
      });
    });

    it('should keep a site its own name in another case when it is renamed', async () => {
      const site = await buildSite(portal.dataSource, world.company, { name: 'Case Street' });
      const response = await portal.as<{ updateSite: { site: SiteResult; userErrors: Errors } }>(
        world.tokens.paymentAdmin,
        UPDATE,
        { id: site.id, input: { name: 'CASE STREET' } },
      );
      expect(response.data!.updateSite.userErrors).toEqual([]);
      expect(response.data!.updateSite.site?.name).toBe('CASE STREET');
    });

    it('should answer TAKEN when the new name is another site of the company', async () => {
      const site = await buildSite(portal.dataSource, world.company, { name: 'Taken Test A' });
      const response = await portal.as<{ updateSite: { userErrors: Errors } }>(
        world.tokens.paymentAdmin,
        UPDATE,
        { id: site.id, input: { name: world.otherSite.name.toUpperCase() } },
      );
      expect(response.data!.updateSite.userErrors[0]).toMatchObject({
        field: ['input', 'name'],
        code: 'TAKEN',
      });
    });

    it('should let a site admin edit a site assigned to them', async () => {
      const response = await portal.as<{ updateSite: { site: SiteResult; userErrors: Errors } }>(
        world.tokens.siteAdminAssigned,
        UPDATE,
        {
          id: world.assignedSite.id,
          input: { name: world.assignedSite.name, address: 'Kungsgatan 12, 111 43 Stockholm' },
        },
      );
      expect(response.data!.updateSite.userErrors).toEqual([]);
      expect(response.data!.updateSite.site?.address).toBe('Kungsgatan 12, 111 43 Stockholm');
    });

    it.each([
      ['a site admin on a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
      ['anyone, on an id that does not exist', 'paymentAdmin', 'missing'],
      ['anyone, on an id that is no id', 'paymentAdmin', 'garbage'],
    ] as const)('should answer NOT_FOUND when %s asks', async (_label, who, target) => {
      const token = world.tokens[who];
      const id =
        target === 'missing'
          ? '00000000-0000-4000-8000-000000000000'
          : target === 'garbage'
            ? 'not-an-id'
            : world[target].id;
      const response = await portal.as<{ updateSite: { site: SiteResult; userErrors: Errors } }>(
        token,
        UPDATE,
        { id, input: { name: 'Hijacked' } },
      );
      expect(response.data!.updateSite).toEqual({
        site: null,
        userErrors: [expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })],
      });
    });
  });

  describe('deactivateSite and reactivateSite', () => {
    it('should deactivate a site, close its active period and keep it listed as inactive', async () => {
      const site = await buildSite(portal.dataSource, world.company, { name: 'Closing Down 1' });
      const response = await portal.as<{
        deactivateSite: { site: SiteResult & { deactivatedAt: string }; userErrors: Errors };
      }>(world.tokens.systemAdmin, DEACTIVATE, { id: site.id });
      expect(response.data!.deactivateSite.userErrors).toEqual([]);
      expect(response.data!.deactivateSite.site).toMatchObject({ active: false });
      expect(response.data!.deactivateSite.site!.deactivatedAt).toBeTruthy();
      const periods = await portal.dataSource
        .getRepository(SiteActivePeriodEntity)
        .findBy({ siteId: site.id });
      expect(periods.map((period) => period.endedAt !== null)).toEqual([true]);
      expect(await auditOf(site.id, 'site.deactivated')).toHaveLength(1);

      const inactive = await portal.as<{ sites: Page }>(world.tokens.paymentAdmin, SITES, {
        active: false,
        first: 100,
      });
      expect(ids(inactive.data?.sites)).toContain(site.id);
      const active = await portal.as<{ sites: Page }>(world.tokens.paymentAdmin, SITES, {
        active: true,
        first: 100,
      });
      expect(ids(active.data?.sites)).not.toContain(site.id);
      const byId = await portal.as<{ site: SiteResult }>(world.tokens.paymentAdmin, SITE, {
        id: site.id,
      });
      expect(byId.data!.site).toMatchObject({ id: site.id, active: false });
    });

    it('should change nothing when an inactive site is deactivated again', async () => {
      const site = await buildSite(portal.dataSource, world.company, { active: false });
      const response = await portal.as<{
        deactivateSite: { site: SiteResult; userErrors: Errors };
      }>(world.tokens.paymentAdmin, DEACTIVATE, { id: site.id });
      expect(response.data!.deactivateSite.site).toMatchObject({ active: false });
      expect(await auditOf(site.id, 'site.deactivated')).toHaveLength(0);
    });

    it('should reactivate a site with a new active period and an audit event', async () => {
      const site = await buildSite(portal.dataSource, world.company, { name: 'Back Again 1' });
      await portal.as(world.tokens.paymentAdmin, DEACTIVATE, { id: site.id });
      const response = await portal.as<{
        reactivateSite: { site: SiteResult & { deactivatedAt: string | null }; userErrors: Errors };
      }>(world.tokens.paymentAdmin, REACTIVATE, { id: site.id });
      expect(response.data!.reactivateSite).toEqual({
        site: expect.objectContaining({ active: true, deactivatedAt: null }),
        userErrors: [],
      });
      const periods = await portal.dataSource
        .getRepository(SiteActivePeriodEntity)
        .find({ where: { siteId: site.id }, order: { startedAt: 'ASC' } });
      expect(periods.map((period) => period.endedAt === null)).toEqual([false, true]);
      expect(await auditOf(site.id, 'site.reactivated')).toHaveLength(1);
    });

    it('should deactivate once when two deactivations race', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      await Promise.all([
        portal.as(world.tokens.paymentAdmin, DEACTIVATE, { id: site.id }),
        portal.as(world.tokens.systemAdmin, DEACTIVATE, { id: site.id }),
      ]);
      expect(await auditOf(site.id, 'site.deactivated')).toHaveLength(1);
    });

    it.each(['deactivateSite', 'reactivateSite'])(
      'should answer FORBIDDEN when a site admin calls %s on their own site',
      async (operation) => {
        const response = await portal.as(
          world.tokens.siteAdminAssigned,
          operation === 'deactivateSite' ? DEACTIVATE : REACTIVATE,
          { id: world.assignedSite.id },
        );
        expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      },
    );

    it('should answer NOT_FOUND, not REQUIRED, when a site admin sends a blank name for a site that is not theirs', async () => {
      const response = await portal.as<{ updateSite: { site: SiteResult; userErrors: Errors } }>(
        world.tokens.siteAdminAssigned,
        UPDATE,
        { id: world.otherSite.id, input: { name: '   ' } },
      );
      expect(response.data!.updateSite.userErrors.map((error) => error.code)).toEqual([
        'NOT_FOUND',
      ]);
    });

    it('should answer NOT_FOUND when a payment admin deactivates a site of another company', async () => {
      const response = await portal.as<{
        deactivateSite: { site: SiteResult; userErrors: Errors };
      }>(world.tokens.paymentAdmin, DEACTIVATE, { id: world.otherCompanySite.id });
      expect(response.data!.deactivateSite.userErrors[0]?.code).toBe('NOT_FOUND');
      const stored = await portal.dataSource
        .getRepository(SiteEntity)
        .findOneByOrFail({ id: world.otherCompanySite.id });
      expect(stored.active).toBe(true);
    });
  });

  describe('the sites list', () => {
    it('should page through every site once, sorted by name, when pages follow the cursors', async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const admin = await buildPerson(portal.dataSource, company);
      const token = await tokenFor(portal.dataSource, admin);
      const names = Array.from({ length: 23 }, (_, i) => `Site ${String(i).padStart(2, '0')}`);
      for (const name of [...names].reverse())
        await buildSite(portal.dataSource, company, { name });
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const response: { data?: { sites: Page } | null } = await portal.as<{ sites: Page }>(
          token,
          SITES,
          { first: 5, after },
        );
        const page: Page = response.data!.sites;
        expect(page.totalCount).toBe(23);
        seen.push(...page.edges.map((edge) => edge.node.name));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(names);
    });

    it.each([0, 101, -1])('should answer BAD_USER_INPUT when first is %p', async (first) => {
      const response = await portal.as(world.tokens.paymentAdmin, SITES, { first });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('should answer BAD_USER_INPUT when the cursor is not one we issued', async () => {
      const response = await portal.as(world.tokens.paymentAdmin, SITES, { after: 'bogus' });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['kungs', true],
      ['KUNGSGÅTAN', true],
      ['stockholm', true],
      ['malmo', false],
      ['%', false],
      ['_', false],
    ])(
      'should find the own site by name or address when searching %p (%p)',
      async (search, found) => {
        const response = await portal.as<{ sites: Page }>(world.tokens.paymentAdmin, SITES, {
          search,
          first: 100,
        });
        expect(ids(response.data?.sites).includes(world.assignedSite.id)).toBe(found);
      },
    );

    it('should match LIKE wildcards and the escape character literally when searching', async () => {
      const percent = await buildSite(portal.dataSource, world.company, { name: 'Wild 100% Hus' });
      const plain = await buildSite(portal.dataSource, world.company, { name: 'Wild 1000 Hus' });
      const bang = await buildSite(portal.dataSource, world.company, { name: 'Wild Hej! Hus_2' });
      const search = async (term: string) =>
        ids(
          (
            await portal.as<{ sites: Page }>(world.tokens.paymentAdmin, SITES, {
              search: term,
              first: 100,
            })
          ).data?.sites,
        ).filter((id) => [percent.id, plain.id, bang.id].includes(id));
      expect(await search('100%')).toEqual([percent.id]);
      expect(await search('wild 1_0')).toEqual([]);
      expect(await search('hej!')).toEqual([bang.id]);
      expect(await search('hus_2')).toEqual([bang.id]);
      expect(await search('wild')).toHaveLength(3);
    });

    it('should find a site by its address without accents when searching with them', async () => {
      const response = await portal.as<{ sites: Page }>(world.tokens.paymentAdmin, SITES, {
        search: 'MALMÖ',
        first: 100,
      });
      expect(ids(response.data?.sites)).toEqual([world.otherSite.id]);
      expect(response.data!.sites.totalCount).toBe(1);
    });
  });

  describe('scoping', () => {
    const everySite = () => [world.assignedSite.id, world.otherSite.id, world.otherCompanySite.id];

    it.each([
      ['a payment admin', 'paymentAdmin', ['assignedSite', 'otherSite']],
      ['a system admin', 'systemAdmin', ['assignedSite', 'otherSite']],
      ['a site admin', 'siteAdminAssigned', ['assignedSite']],
      ['a site admin without sites', 'siteAdminWithoutSites', []],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', ['otherCompanySite']],
      ['an operator', 'operator', []],
    ] as const)(
      'should show %s exactly their sites in the list, by id and in me.sites',
      async (_label, who, visible) => {
        const token = world.tokens[who];
        const expected = visible.map((key) => world[key].id).sort();

        const list = await portal.as<{ sites: Page }>(token, SITES, { first: 100 });
        const listed = ids(list.data?.sites).filter((id) => everySite().includes(id));
        expect(listed.sort()).toEqual(expected);

        for (const id of everySite()) {
          const byId = await portal.as<{ site: SiteResult }>(token, SITE, { id });
          expect([id, byId.data?.site?.id ?? null]).toEqual([
            id,
            expected.includes(id) ? id : null,
          ]);
        }

        const me = await portal.as<{ me: { sites: Page } | null }>(token, MY_SITES);
        if (who === 'operator') expect(me.data!.me).toBeNull();
        else {
          const mine = ids(me.data!.me!.sites).filter((id) => everySite().includes(id));
          expect(mine.sort()).toEqual(expected);
        }
      },
    );

    it('should answer UNAUTHENTICATED to an anonymous caller of sites and site', async () => {
      expect((await portal.as(undefined, SITES)).errors?.[0]?.extensions?.['code']).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await portal.as(undefined, SITE, { id: world.assignedSite.id })).errors?.[0]?.extensions?.[
          'code'
        ],
      ).toBe('UNAUTHENTICATED');
    });

    it('should list a site admin only their assigned sites when a payment admin reads Person.sites', async () => {
      const response = await portal.as<{ person: { sites: Page } | null }>(
        world.tokens.paymentAdmin,
        PERSON_SITES,
        { id: world.people.siteAdminAssigned.id },
      );
      expect(ids(response.data?.person?.sites)).toEqual([world.assignedSite.id]);
      expect(response.data!.person!.sites.totalCount).toBe(1);
      const admin = await portal.as<{ person: { sites: Page } | null }>(
        world.tokens.paymentAdmin,
        PERSON_SITES,
        { id: world.people.systemAdmin.id },
      );
      expect(ids(admin.data?.person?.sites)).toEqual(
        expect.arrayContaining([world.assignedSite.id, world.otherSite.id]),
      );
      expect(ids(admin.data?.person?.sites)).not.toContain(world.otherCompanySite.id);
    });

    it('should show no site of a person of another company when a payment admin asks', async () => {
      const response = await portal.as<{ person: { sites: Page } | null }>(
        world.tokens.paymentAdmin,
        PERSON_SITES,
        { id: world.people.otherCompanyPaymentAdmin.id },
      );
      // the person is not found at all; if ever found, their sites would be empty
      expect(response.data?.person?.sites.totalCount ?? 0).toBe(0);
    });

    it('should list the site admins of a site when a payment admin asks, but not to a site admin', async () => {
      const disabled = await buildPerson(portal.dataSource, world.company, {
        accessLevel: 'SITE_ADMIN',
        status: PersonStatus.DISABLED,
      });
      await assignSite(portal.dataSource, disabled, world.assignedSite);
      const response = await portal.as<{ site: { siteAdmins: Array<{ id: string }> } }>(
        world.tokens.paymentAdmin,
        SITE_ADMINS,
        { id: world.assignedSite.id },
      );
      expect(response.data!.site.siteAdmins.map((person) => person.id)).toEqual([
        world.people.siteAdminAssigned.id,
      ]);
      const refused = await portal.as(world.tokens.siteAdminAssigned, SITE_ADMINS, {
        id: world.assignedSite.id,
      });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it("should leave a site admin's list without site admins when the web app asks with @include(if: false)", async () => {
      const LIST = `query ($withAdmins: Boolean!) {
        sites(first: 5) { edges { node { id siteAdmins @include(if: $withAdmins) { id } } } }
      }`;
      const without = await portal.as<{
        sites: { edges: Array<{ node: Record<string, unknown> }> };
      }>(world.tokens.siteAdminAssigned, LIST, { withAdmins: false });
      expect(without.errors).toBeUndefined();
      expect(without.data!.sites.edges.map(({ node }) => Object.keys(node))).toEqual([['id']]);
      const asked = await portal.as(world.tokens.siteAdminAssigned, LIST, { withAdmins: true });
      expect(asked.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should show nothing to a person who must change their password first', async () => {
      const person = await buildPerson(portal.dataSource, world.company, {
        mustChangePassword: true,
      });
      const token = await tokenFor(portal.dataSource, person);
      const list = await portal.as(token, SITES);
      expect(list.errors?.[0]?.extensions?.['code']).toBe('PASSWORD_CHANGE_REQUIRED');
      const me = await portal.as<{ me: { sites: Page } }>(token, MY_SITES);
      expect(me.data!.me.sites.totalCount).toBe(0);
    });
  });
});
