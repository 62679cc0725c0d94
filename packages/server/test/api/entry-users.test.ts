import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { buildEntryUser, buildSite } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { buildWorld } from '../support/world';

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type EntryUserResult = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  apartment: string | null;
  active: boolean;
  activeFrom: string;
  removedAt: string | null;
} | null;
type UserPage = {
  edges: Array<{ cursor: string; node: { id: string; email: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};

const USER_FIELDS = 'id firstName lastName email apartment active activeFrom removedAt';
const ADD = `mutation ($siteId: ID!, $input: EntryUserInput!) {
  addEntryUser(siteId: $siteId, input: $input) { entryUser { ${USER_FIELDS} } userErrors { field code message } }
}`;
const UPDATE = `mutation ($id: ID!, $input: EntryUserInput!) {
  updateEntryUser(id: $id, input: $input) { entryUser { ${USER_FIELDS} } userErrors { field code message } }
}`;
const REMOVE = `mutation ($id: ID!) { removeEntryUser(id: $id) { deletedId userErrors { field code message } } }`;
const USERS = `query ($siteId: ID!, $first: Int, $after: String, $search: String, $includeRemoved: Boolean) {
  site(id: $siteId) {
    entryUserCount
    entryUsers(first: $first, after: $after, search: $search, includeRemoved: $includeRemoved) {
      edges { cursor node { id email } } pageInfo { hasNextPage endCursor } totalCount
    }
  }
}`;

const resident = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Åsa',
  lastName: 'Ekström',
  email: `asa.${Math.random().toString(36).slice(2, 10)}@example.com`,
  apartment: '1102',
  ...overrides,
});

describeOnDialects('Entry app users on %s', (suite) => {
  const portal = suite.startPortal();
  const world = suite.seed(buildWorld);

  const add = (token: string | undefined, siteId: string, input: Record<string, unknown>) =>
    portal.as<{ addEntryUser: { entryUser: EntryUserResult; userErrors: Errors } }>(token, ADD, {
      siteId,
      input,
    });

  const users = () => portal.dataSource.getRepository(EntryUserEntity);

  describe('addEntryUser', () => {
    it('should add an active user with a normalized email and an audit event when a payment admin asks', async () => {
      const before = Date.now();
      const response = await add(world.tokens.paymentAdmin, world.assignedSite.id, {
        firstName: ' Åsa ',
        lastName: 'Ekström',
        email: ' Asa.Ekstrom@Example.COM ',
        apartment: ' 1102 ',
      });
      const payload = response.data!.addEntryUser;
      expect(payload.userErrors).toEqual([]);
      expect(payload.entryUser).toMatchObject({
        firstName: 'Åsa',
        lastName: 'Ekström',
        email: 'asa.ekstrom@example.com',
        apartment: '1102',
        active: true,
        removedAt: null,
      });
      expect(new Date(payload.entryUser!.activeFrom).getTime()).toBeGreaterThanOrEqual(
        before - 1000,
      );
      const [event] = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: payload.entryUser!.id, kind: 'entry_user.added' });
      expect(event).toMatchObject({
        siteId: world.assignedSite.id,
        actorPersonId: world.people.paymentAdmin.id,
        after: expect.objectContaining({ email: 'asa.ekstrom@example.com' }),
      });
    });

    it('should let a site admin add a user to a site assigned to them', async () => {
      const response = await add(world.tokens.siteAdminAssigned, world.assignedSite.id, resident());
      expect(response.data!.addEntryUser.userErrors).toEqual([]);
    });

    it.each([
      [{ firstName: '' }, ['input', 'firstName'], 'REQUIRED'],
      [{ lastName: '  ' }, ['input', 'lastName'], 'REQUIRED'],
      [{ email: 'not an email' }, ['input', 'email'], 'INVALID'],
      [{ email: '' }, ['input', 'email'], 'REQUIRED'],
      [{ apartment: 'x'.repeat(51) }, ['input', 'apartment'], 'TOO_LONG'],
      [{ firstName: 'x'.repeat(101) }, ['input', 'firstName'], 'TOO_LONG'],
    ])('should answer a userError when the input has %p', async (overrides, field, code) => {
      const response = await add(
        world.tokens.paymentAdmin,
        world.assignedSite.id,
        resident(overrides),
      );
      expect(response.data!.addEntryUser).toEqual({
        entryUser: null,
        userErrors: [expect.objectContaining({ field, code })],
      });
    });

    it('should answer TAKEN on the email when a current user of the site has it in another case', async () => {
      const input = resident();
      await add(world.tokens.paymentAdmin, world.assignedSite.id, input);
      const response = await add(world.tokens.paymentAdmin, world.assignedSite.id, {
        ...input,
        email: input.email.toUpperCase(),
      });
      expect(response.data!.addEntryUser.userErrors).toEqual([
        {
          field: ['input', 'email'],
          code: 'TAKEN',
          message: 'An Entry app user of this site already has this email address.',
        },
      ]);
    });

    it('should add the same email at another site of the company', async () => {
      const input = resident();
      await add(world.tokens.paymentAdmin, world.assignedSite.id, input);
      const response = await add(world.tokens.paymentAdmin, world.otherSite.id, input);
      expect(response.data!.addEntryUser.userErrors).toEqual([]);
    });

    it('should add one user and answer TAKEN to the others when adds of one email race', async () => {
      const input = resident();
      const results = await Promise.all(
        [1, 2, 3].map(() => add(world.tokens.paymentAdmin, world.assignedSite.id, input)),
      );
      const codes = results.map(
        (result) =>
          result.data?.addEntryUser.userErrors[0]?.code ?? (result.errors ? 'ERROR' : 'OK'),
      );
      expect(codes.sort()).toEqual(['OK', 'TAKEN', 'TAKEN']);
    });

    it('should answer INVALID_STATE when the site is deactivated', async () => {
      const site = await buildSite(portal.dataSource, world.company, { active: false });
      const response = await add(world.tokens.paymentAdmin, site.id, resident());
      expect(response.data!.addEntryUser.userErrors).toEqual([
        expect.objectContaining({ field: ['siteId'], code: 'INVALID_STATE' }),
      ]);
    });

    it.each([
      ['a site admin, on a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
    ] as const)(
      'should answer NOT_FOUND and write nothing when %s adds',
      async (_label, who, target) => {
        const token = world.tokens[who];
        const count = await users().countBy({ siteId: world[target].id });
        const response = await add(token, world[target].id, resident());
        expect(response.data!.addEntryUser).toEqual({
          entryUser: null,
          userErrors: [expect.objectContaining({ field: ['siteId'], code: 'NOT_FOUND' })],
        });
        expect(await users().countBy({ siteId: world[target].id })).toBe(count);
      },
    );

    it('should answer UNAUTHENTICATED when nobody is signed in', async () => {
      const response = await add(undefined, world.assignedSite.id, resident());
      expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateEntryUser', () => {
    it('should change the user and audit before and after when a site admin edits one of their site', async () => {
      const user = await buildEntryUser(portal.dataSource, world.assignedSite, {
        firstName: 'Anna',
      });
      const response = await portal.as<{
        updateEntryUser: { entryUser: EntryUserResult; userErrors: Errors };
      }>(world.tokens.siteAdminAssigned, UPDATE, {
        id: user.id,
        input: { firstName: 'Anne', lastName: user.lastName, email: user.email, apartment: '1203' },
      });
      expect(response.data!.updateEntryUser.userErrors).toEqual([]);
      expect(response.data!.updateEntryUser.entryUser).toMatchObject({
        firstName: 'Anne',
        apartment: '1203',
      });
      const [event] = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: user.id, kind: 'entry_user.updated' });
      expect(event).toMatchObject({
        before: { firstName: 'Anna', apartment: '1102' },
        after: { firstName: 'Anne', apartment: '1203' },
      });
    });

    it('should answer TAKEN when the new email belongs to another current user of the site', async () => {
      const first = await buildEntryUser(portal.dataSource, world.assignedSite);
      const second = await buildEntryUser(portal.dataSource, world.assignedSite);
      const response = await portal.as<{ updateEntryUser: { userErrors: Errors } }>(
        world.tokens.paymentAdmin,
        UPDATE,
        { id: second.id, input: resident({ email: first.email }) },
      );
      expect(response.data!.updateEntryUser.userErrors[0]).toMatchObject({
        field: ['input', 'email'],
        code: 'TAKEN',
      });
    });

    it('should answer INVALID_STATE when the user was removed', async () => {
      const user = await buildEntryUser(portal.dataSource, world.assignedSite, {
        removedAt: new Date(),
      });
      const response = await portal.as<{ updateEntryUser: { userErrors: Errors } }>(
        world.tokens.paymentAdmin,
        UPDATE,
        { id: user.id, input: resident() },
      );
      expect(response.data!.updateEntryUser.userErrors[0]?.code).toBe('INVALID_STATE');
    });

    it.each([
      ['a site admin, on a user of a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
    ] as const)('should answer NOT_FOUND when %s edits', async (_label, who, target) => {
      const user = await buildEntryUser(portal.dataSource, world[target]);
      const token = world.tokens[who];
      const response = await portal.as<{ updateEntryUser: { userErrors: Errors } }>(token, UPDATE, {
        id: user.id,
        input: resident(),
      });
      expect(response.data!.updateEntryUser.userErrors[0]).toMatchObject({
        field: ['id'],
        code: 'NOT_FOUND',
      });
      expect((await users().findOneByOrFail({ id: user.id })).email).toBe(user.email);
    });
  });

  describe('removeEntryUser', () => {
    it('should keep the user as history with removedAt set, free the email and audit it', async () => {
      const user = await buildEntryUser(portal.dataSource, world.assignedSite);
      const response = await portal.as<{
        removeEntryUser: { deletedId: string; userErrors: Errors };
      }>(world.tokens.siteAdminAssigned, REMOVE, { id: user.id });
      expect(response.data!.removeEntryUser).toEqual({ deletedId: user.id, userErrors: [] });
      const stored = await users().findOneByOrFail({ id: user.id });
      expect(stored.removedAt).toBeInstanceOf(Date);
      expect(stored.activeEmail).toBeNull();
      expect(stored.email).toBe(user.email);
      expect(
        await portal.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ subjectId: user.id, kind: 'entry_user.removed' }),
      ).toBe(1);

      const again = await add(
        world.tokens.paymentAdmin,
        world.assignedSite.id,
        resident({ email: user.email }),
      );
      expect(again.data!.addEntryUser.userErrors).toEqual([]);
    });

    it('should change nothing when a removed user is removed again', async () => {
      const user = await buildEntryUser(portal.dataSource, world.assignedSite, {
        removedAt: new Date(),
      });
      const response = await portal.as<{
        removeEntryUser: { deletedId: string; userErrors: Errors };
      }>(world.tokens.paymentAdmin, REMOVE, { id: user.id });
      expect(response.data!.removeEntryUser).toEqual({ deletedId: user.id, userErrors: [] });
      expect(
        await portal.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ subjectId: user.id, kind: 'entry_user.removed' }),
      ).toBe(0);
    });

    it.each([
      ['a site admin, on a user of a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
    ] as const)(
      'should answer NOT_FOUND and keep the user when %s removes',
      async (_label, who, target) => {
        const user = await buildEntryUser(portal.dataSource, world[target]);
        const token = world.tokens[who];
        const response = await portal.as<{
          removeEntryUser: { deletedId: string | null; userErrors: Errors };
        }>(token, REMOVE, { id: user.id });
        expect(response.data!.removeEntryUser).toEqual({
          deletedId: null,
          userErrors: [expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })],
        });
        expect((await users().findOneByOrFail({ id: user.id })).removedAt).toBeNull();
      },
    );
  });

  describe('Site.entryUsers', () => {
    it('should page through users with equal names once each when pages follow the cursors', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      const created = [];
      for (let i = 0; i < 12; i++)
        created.push(
          await buildEntryUser(portal.dataSource, site, { firstName: 'Anna', lastName: 'Berg' }),
        );
      await buildEntryUser(portal.dataSource, site, { removedAt: new Date() });
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 5; pages++) {
        const response: {
          data?: { site: { entryUserCount: number; entryUsers: UserPage } } | null;
        } = await portal.as(world.tokens.paymentAdmin, USERS, { siteId: site.id, first: 5, after });
        const page: UserPage = response.data!.site.entryUsers;
        expect(page.totalCount).toBe(12);
        expect(response.data!.site.entryUserCount).toBe(12);
        seen.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(12);
      expect(new Set(seen)).toEqual(new Set(created.map((user) => user.id)));
    });

    it('should list removed users too when includeRemoved is true', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      await buildEntryUser(portal.dataSource, site);
      const removed = await buildEntryUser(portal.dataSource, site, { removedAt: new Date() });
      const response = await portal.as<{ site: { entryUsers: UserPage } }>(
        world.tokens.paymentAdmin,
        USERS,
        {
          siteId: site.id,
          includeRemoved: true,
        },
      );
      expect(response.data!.site.entryUsers.totalCount).toBe(2);
      expect(response.data!.site.entryUsers.edges.map((edge) => edge.node.id)).toContain(
        removed.id,
      );
    });

    it.each([
      ['ekstrom', 1],
      ['EKSTRÖM', 1],
      ['1102', 1],
      ['bjorn@', 1],
      ['nobody', 0],
    ])('should find users by name, email or apartment when searching %p', async (search, found) => {
      const site = await buildSite(portal.dataSource, world.company);
      await buildEntryUser(portal.dataSource, site, {
        firstName: 'Åsa',
        lastName: 'Ekström',
        apartment: '1102',
      });
      await buildEntryUser(portal.dataSource, site, {
        firstName: 'Björn',
        lastName: 'Berg',
        email: `bjorn@${Math.random().toString(36).slice(2)}.example`,
        apartment: '7',
      });
      const response = await portal.as<{ site: { entryUsers: UserPage } }>(
        world.tokens.paymentAdmin,
        USERS,
        {
          siteId: site.id,
          search,
        },
      );
      expect(response.data!.site.entryUsers.totalCount).toBe(found);
      expect(response.data!.site.entryUsers.edges).toHaveLength(found);
    });

    it('should answer NOT_FOUND, not the input problems, when a site admin adds or edits a user at a site not theirs', async () => {
      const blank = { firstName: '', lastName: '', email: 'not an email', apartment: '' };
      const added = await portal.as<{ addEntryUser: { userErrors: Errors } }>(
        world.tokens.siteAdminAssigned,
        ADD,
        {
          siteId: world.otherSite.id,
          input: blank,
        },
      );
      expect(added.data!.addEntryUser.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
      const theirs = await buildEntryUser(portal.dataSource, world.otherSite);
      const edited = await portal.as<{ updateEntryUser: { userErrors: Errors } }>(
        world.tokens.siteAdminAssigned,
        UPDATE,
        { id: theirs.id, input: blank },
      );
      expect(edited.data!.updateEntryUser.userErrors.map((error) => error.code)).toEqual([
        'NOT_FOUND',
      ]);
    });

    it('should answer null for the users of a site a site admin is not assigned to', async () => {
      await buildEntryUser(portal.dataSource, world.otherSite);
      const response = await portal.as<{ site: null }>(world.tokens.siteAdminAssigned, USERS, {
        siteId: world.otherSite.id,
      });
      expect(response.data!.site).toBeNull();
      const nested = await portal.as<{
        sites: { edges: Array<{ node: { id: string; entryUsers: UserPage } }> };
      }>(
        world.tokens.siteAdminAssigned,
        `{ sites(first: 100) { edges { node { id entryUsers { totalCount edges { node { id } } } } } } }`,
      );
      expect(nested.data!.sites.edges.map((edge) => edge.node.id)).toEqual([world.assignedSite.id]);
    });

    it('should answer BAD_USER_INPUT when a nested first is out of range', async () => {
      const response = await portal.as(world.tokens.paymentAdmin, USERS, {
        siteId: world.assignedSite.id,
        first: 500,
      });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });
});
