import { SessionEntity } from '../../src/accounts/session.entity';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import type { CompanyEntity } from '../../src/companies/company.entity';
import { PersonEntity, PersonStatus } from '../../src/people/person.entity';
import { SiteAssignmentEntity } from '../../src/sites/site-assignment.entity';
import { buildCompany, buildPerson, buildSite, tokenFor, type PersonOverrides } from '../factories';
import { describeOnDialects } from '../support/dialects';

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type PersonResult = {
  id: string;
  email: string;
  status: string;
  accessLevel: { code: string };
} | null;

const INVITE = `mutation ($input: InvitePersonInput!) {
  invitePerson(input: $input) { person { id email status accessLevel { code } } userErrors { field code message } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { person { id email status accessLevel { code } } userErrors { field code message } }
}`;
const REMOVE = `mutation ($id: ID!) { removePerson(id: $id) { deletedId userErrors { field code } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) {
  acceptInvitation(token: $token, password: $password) { token person { id status } userErrors { field code } }
}`;

describeOnDialects('people on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal();

  const site = (company: CompanyEntity, name: string) =>
    buildSite(portal.dataSource, company, { name });

  /** A company past its billing setup, with a signed-in person at the given level. */
  async function signedIn(overrides: PersonOverrides = {}, company?: CompanyEntity) {
    const owner =
      company ?? (await buildCompany(portal.dataSource, { billingSetupComplete: true }));
    const person = await buildPerson(portal.dataSource, owner, overrides);
    const token = await tokenFor(portal.dataSource, person);
    return { company: owner, person, token };
  }

  const invite = (token: string, input: Record<string, unknown>) =>
    portal.gql<{ invitePerson: { person: PersonResult; userErrors: Errors } }>(
      INVITE,
      { input: { firstName: 'Daisy', lastName: 'Burton', locale: 'fr', ...input } },
      { token },
    );

  describe('invitePerson', () => {
    it('should invite a site admin with two sites and email a single-use link when a payment admin asks', async () => {
      const admin = await signedIn();
      const [a, b] = [
        await site(admin.company, 'Grand Ave Suites'),
        await site(admin.company, 'Kungsgatan 12'),
      ];
      const email = `daisy.${Date.now()}@email.co.uk`;
      const result = await invite(admin.token, {
        email,
        accessLevel: 'SITE_ADMIN',
        siteIds: [a.id, b.id],
      });
      expect(result.data?.invitePerson).toEqual({
        person: {
          id: expect.any(String),
          email,
          status: 'INVITED',
          accessLevel: { code: 'SITE_ADMIN' },
        },
        userErrors: [],
      });
      const assigned = await portal.dataSource
        .getRepository(SiteAssignmentEntity)
        .findBy({ personId: result.data!.invitePerson.person!.id });
      expect(assigned.map((row) => row.siteId).sort()).toEqual([a.id, b.id].sort());
      const mail = await smtp.waitForMailTo(email, 'invitation');
      expect(mail.link('/accept-invitation')).toMatch(
        /^http:\/\/portal\.test\/accept-invitation\?token=/,
      );
      expect(mail.text).toContain('Administrateur du site');
      const audit = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: result.data!.invitePerson.person!.id, kind: 'person.invited' });
      expect(audit).toHaveLength(1);
    });

    it('should answer BILLING_SETUP_REQUIRED until billing is set up', async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: false });
      const admin = await signedIn({}, company);
      const result = await invite(admin.token, {
        email: `x.${Date.now()}@example.com`,
        accessLevel: 'SYSTEM_ADMIN',
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BILLING_SETUP_REQUIRED');
    });

    it('should refuse a system admin who invites a payment admin (no privilege escalation)', async () => {
      const admin = await signedIn({ accessLevel: 'SYSTEM_ADMIN' });
      const result = await invite(admin.token, {
        email: `pay.${Date.now()}@example.com`,
        accessLevel: 'PAYMENT_ADMIN',
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(
        await portal.dataSource
          .getRepository(PersonEntity)
          .countBy({ companyId: admin.company.id }),
      ).toBe(1);
    });

    it('should answer FORBIDDEN, not REQUIRED, when a system admin invites a payment admin with a blank name', async () => {
      const sys = await signedIn({ accessLevel: 'SYSTEM_ADMIN' });
      const result = await invite(sys.token, {
        email: `blank.${Date.now()}@email.co.uk`,
        accessLevel: 'PAYMENT_ADMIN',
        firstName: '',
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should refuse site admins altogether', async () => {
      const admin = await signedIn({ accessLevel: 'SITE_ADMIN' });
      const result = await invite(admin.token, {
        email: `x.${Date.now()}@example.com`,
        accessLevel: 'SITE_ADMIN',
        siteIds: [],
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should require at least one site for a site admin and refuse sites of another company as not found', async () => {
      const admin = await signedIn();
      const none = await invite(admin.token, {
        email: `s.${Date.now()}@example.com`,
        accessLevel: 'SITE_ADMIN',
        siteIds: [],
      });
      expect(none.data?.invitePerson.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'siteIds'], code: 'REQUIRED' }),
      ]);
      const other = await signedIn();
      const foreign = await site(other.company, 'Not yours');
      const leak = await invite(admin.token, {
        email: `s2.${Date.now()}@example.com`,
        accessLevel: 'SITE_ADMIN',
        siteIds: [foreign.id],
      });
      expect(leak.data?.invitePerson.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'siteIds', '0'], code: 'NOT_FOUND' }),
      ]);
    });

    it("should answer TAKEN when the email is already one of the company's people, in any case", async () => {
      const admin = await signedIn();
      const colleague = await buildPerson(portal.dataSource, admin.company);
      const invitedBefore = `inv.${Date.now()}@example.com`;
      await invite(admin.token, { email: invitedBefore, accessLevel: 'SYSTEM_ADMIN' });
      for (const email of [colleague.email.toUpperCase(), ` ${invitedBefore.toUpperCase()} `]) {
        const result = await invite(admin.token, { email, accessLevel: 'SYSTEM_ADMIN' });
        expect(result.data?.invitePerson.userErrors).toEqual([
          expect.objectContaining({ field: ['input', 'email'], code: 'TAKEN' }),
        ]);
      }
    });
  });

  describe('acceptInvitation', () => {
    async function invited(accessLevel = 'SYSTEM_ADMIN') {
      const admin = await signedIn();
      const email = `inv.${Date.now()}.${Math.random().toString(36).slice(2)}@example.com`;
      const result = await invite(admin.token, { email, accessLevel, locale: 'en' });
      const mail = await smtp.waitForMailTo(email, 'invitation');
      return {
        admin,
        email,
        id: result.data!.invitePerson.person!.id,
        token: mail.token('/accept-invitation')!,
      };
    }

    it('should set the password and sign in once, then refuse the link', async () => {
      const { token, id } = await invited();
      const weak = await portal.gql<{ acceptInvitation: { userErrors: Errors } }>(ACCEPT, {
        token,
        password: 'password1234',
      });
      expect(weak.data?.acceptInvitation.userErrors).toEqual([
        expect.objectContaining({ field: ['password'], code: 'WEAK_PASSWORD' }),
      ]);
      const accepted = await portal.gql<{
        acceptInvitation: { token: string; person: { id: string; status: string } };
      }>(ACCEPT, { token, password: 'a very fine passphrase' });
      expect(accepted.data?.acceptInvitation.person).toEqual({ id, status: 'ACTIVE' });
      const me = await portal.gql(
        '{ me { id status } }',
        {},
        { token: accepted.data!.acceptInvitation.token },
      );
      expect(me.data).toEqual({ me: { id, status: 'ACTIVE' } });
      const again = await portal.gql<{ acceptInvitation: { userErrors: Errors } }>(ACCEPT, {
        token,
        password: 'a very fine passphrase',
      });
      expect(again.data?.acceptInvitation.userErrors[0]?.code).toBe('INVALID_TOKEN');
    });

    it('should refuse a forged, an expired and a resent-over link', async () => {
      const forged = await portal.gql<{ acceptInvitation: { userErrors: Errors } }>(ACCEPT, {
        token: 'made-up',
        password: 'a very fine passphrase',
      });
      expect(forged.data?.acceptInvitation.userErrors[0]?.code).toBe('INVALID_TOKEN');

      const first = await invited();
      await portal.gql(
        'mutation ($id: ID!) { resendInvitation(id: $id) { person { id } userErrors { code } } }',
        { id: first.id },
        { token: first.admin.token },
      );
      await smtp.waitFor(
        (mail) => mail.to.includes(first.email) && mail.token('/accept-invitation') !== first.token,
      );
      const stale = await portal.gql<{ acceptInvitation: { userErrors: Errors } }>(ACCEPT, {
        token: first.token,
        password: 'a very fine passphrase',
      });
      expect(stale.data?.acceptInvitation.userErrors[0]?.code).toBe('INVALID_TOKEN');

      const second = await invited();
      await portal.dataSource.query(
        suite.dialect === 'sqlite'
          ? 'UPDATE one_time_token SET expiresAt = ? WHERE personId = ?'
          : 'UPDATE one_time_token SET expiresAt = ? WHERE personId = ?',
        [
          suite.dialect === 'sqlite' ? '2000-01-01 00:00:00.000' : new Date('2000-01-01T00:00:00Z'),
          second.id,
        ],
      );
      const expired = await portal.gql<{ acceptInvitation: { userErrors: Errors } }>(ACCEPT, {
        token: second.token,
        password: 'a very fine passphrase',
      });
      expect(expired.data?.acceptInvitation.userErrors[0]?.code).toBe('INVALID_TOKEN');
    });
  });

  describe('updatePerson', () => {
    it('should refuse anyone changing their own level', async () => {
      const admin = await signedIn();
      const other = await buildPerson(portal.dataSource, admin.company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      void other;
      const result = await portal.gql(
        UPDATE,
        { id: admin.person.id, input: { accessLevel: 'SYSTEM_ADMIN' } },
        { token: admin.token },
      );
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should refuse a system admin promoting someone to payment admin or demoting a payment admin', async () => {
      const sys = await signedIn({ accessLevel: 'SYSTEM_ADMIN' });
      const colleague = await buildPerson(portal.dataSource, sys.company, {
        accessLevel: 'SYSTEM_ADMIN',
      });
      const payer = await buildPerson(portal.dataSource, sys.company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      const promote = await portal.gql(
        UPDATE,
        { id: colleague.id, input: { accessLevel: 'PAYMENT_ADMIN' } },
        { token: sys.token },
      );
      expect(promote.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const demote = await portal.gql(
        UPDATE,
        { id: payer.id, input: { accessLevel: 'SYSTEM_ADMIN' } },
        { token: sys.token },
      );
      expect(demote.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should refuse a system admin renaming a payment admin, and leave the name as it was', async () => {
      const sys = await signedIn({ accessLevel: 'SYSTEM_ADMIN' });
      const payer = await buildPerson(portal.dataSource, sys.company, {
        accessLevel: 'PAYMENT_ADMIN',
        firstName: 'Pia',
      });
      const rename = await portal.gql(
        UPDATE,
        { id: payer.id, input: { firstName: 'Renamed' } },
        { token: sys.token },
      );
      expect(rename.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const stored = await portal.dataSource.getRepository(PersonEntity).findOneByOrFail({
        id: payer.id,
      });
      expect(stored.firstName).toBe('Pia');
    });

    it('should check who may act before the input: FORBIDDEN, not REQUIRED, when a system admin demotes a payment admin with a blank name', async () => {
      const sys = await signedIn({ accessLevel: 'SYSTEM_ADMIN' });
      const payer = await buildPerson(portal.dataSource, sys.company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      const demote = await portal.gql<{ updatePerson: { userErrors: Errors } | null }>(
        UPDATE,
        { id: payer.id, input: { accessLevel: 'SYSTEM_ADMIN', firstName: '   ' } },
        { token: sys.token },
      );
      expect(demote.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(demote.data?.updatePerson ?? null).toBeNull();
    });

    it('should keep one active payment admin when two demote each other at once', async () => {
      const a = await signedIn();
      const b = await buildPerson(portal.dataSource, a.company, { accessLevel: 'PAYMENT_ADMIN' });
      const bToken = await tokenFor(portal.dataSource, b);
      const results = await Promise.all([
        portal.gql<{ updatePerson: { userErrors: Errors } }>(
          UPDATE,
          { id: b.id, input: { accessLevel: 'SYSTEM_ADMIN' } },
          { token: a.token },
        ),
        portal.gql<{ updatePerson: { userErrors: Errors } }>(
          UPDATE,
          { id: a.person.id, input: { accessLevel: 'SYSTEM_ADMIN' } },
          { token: bToken },
        ),
      ]);
      const remaining = await portal.dataSource
        .getRepository(PersonEntity)
        .countBy({ companyId: a.company.id, accessLevel: 'PAYMENT_ADMIN' });
      expect(remaining).toBeGreaterThanOrEqual(1);
      const codes = results.map(
        (result) =>
          result.data?.updatePerson.userErrors[0]?.code ??
          result.errors?.[0]?.extensions?.['code'] ??
          'OK',
      );
      expect(codes).toContain('OK');
    });

    it('should replace a site admin’s sites and require at least one', async () => {
      const admin = await signedIn();
      const [a, b, c] = [
        await site(admin.company, 'A'),
        await site(admin.company, 'B'),
        await site(admin.company, 'C'),
      ];
      const siteAdmin = await buildPerson(portal.dataSource, admin.company, {
        accessLevel: 'SITE_ADMIN',
      });
      await portal.dataSource
        .getRepository(SiteAssignmentEntity)
        .insert([{ personId: siteAdmin.id, siteId: a.id, createdAt: new Date() }]);
      const empty = await portal.gql<{ updatePerson: { userErrors: Errors } }>(
        UPDATE,
        { id: siteAdmin.id, input: { siteIds: [] } },
        { token: admin.token },
      );
      expect(empty.data?.updatePerson.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'siteIds'], code: 'REQUIRED' }),
      ]);
      const replaced = await portal.gql<{ updatePerson: { userErrors: Errors } }>(
        UPDATE,
        { id: siteAdmin.id, input: { siteIds: [b.id, c.id] } },
        { token: admin.token },
      );
      expect(replaced.data?.updatePerson.userErrors).toEqual([]);
      const rows = await portal.dataSource
        .getRepository(SiteAssignmentEntity)
        .findBy({ personId: siteAdmin.id });
      expect(rows.map((row) => row.siteId).sort()).toEqual([b.id, c.id].sort());
      const toSystem = await portal.gql<{ updatePerson: { userErrors: Errors } }>(
        UPDATE,
        { id: siteAdmin.id, input: { accessLevel: 'SYSTEM_ADMIN' } },
        { token: admin.token },
      );
      expect(toSystem.data?.updatePerson.userErrors).toEqual([]);
      expect(
        await portal.dataSource
          .getRepository(SiteAssignmentEntity)
          .countBy({ personId: siteAdmin.id }),
      ).toBe(0);
      const back = await portal.gql<{ updatePerson: { userErrors: Errors } }>(
        UPDATE,
        { id: siteAdmin.id, input: { accessLevel: 'SITE_ADMIN' } },
        { token: admin.token },
      );
      expect(back.data?.updatePerson.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'siteIds'], code: 'REQUIRED' }),
      ]);
    });

    it("should answer NOT_FOUND for another company's person", async () => {
      const admin = await signedIn();
      const stranger = await signedIn();
      const result = await portal.gql<{ updatePerson: { userErrors: Errors } }>(
        UPDATE,
        { id: stranger.person.id, input: { firstName: 'Hacked' } },
        { token: admin.token },
      );
      expect(result.data?.updatePerson.userErrors).toEqual([
        expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' }),
      ]);
      expect(
        (
          await portal.gql(
            'query ($id: ID!) { person(id: $id) { id } }',
            { id: stranger.person.id },
            { token: admin.token },
          )
        ).data,
      ).toEqual({ person: null });
    });
  });

  describe('removePerson and disablePerson', () => {
    it('should refuse removing the last active payment admin, even oneself', async () => {
      const admin = await signedIn();
      const result = await portal.gql<{
        removePerson: { deletedId: string | null; userErrors: Errors };
      }>(REMOVE, { id: admin.person.id }, { token: admin.token });
      expect(result.data?.removePerson).toEqual({
        deletedId: null,
        userErrors: [expect.objectContaining({ code: 'LAST_PAYMENT_ADMIN' })],
      });
    });

    it('should end the sessions of a removed person at once and free their email', async () => {
      const admin = await signedIn();
      const colleague = await buildPerson(portal.dataSource, admin.company, {
        accessLevel: 'SYSTEM_ADMIN',
      });
      const theirToken = await tokenFor(portal.dataSource, colleague);
      const result = await portal.gql<{ removePerson: { deletedId: string } }>(
        REMOVE,
        { id: colleague.id },
        { token: admin.token },
      );
      expect(result.data?.removePerson.deletedId).toBe(colleague.id);
      expect((await portal.gql('{ me { id } }', {}, { token: theirToken })).data).toEqual({
        me: null,
      });
      const again = await invite(admin.token, {
        email: colleague.email,
        accessLevel: 'SYSTEM_ADMIN',
      });
      expect(again.data?.invitePerson.userErrors).toEqual([]);
      const audit = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ subjectId: colleague.id, kind: 'person.removed' });
      expect(audit.before).toMatchObject({ email: colleague.email, accessLevel: 'SYSTEM_ADMIN' });
    });

    it('should revoke every session when a person is disabled, and keep them listed', async () => {
      const admin = await signedIn();
      const colleague = await buildPerson(portal.dataSource, admin.company, {
        accessLevel: 'SITE_ADMIN',
      });
      await tokenFor(portal.dataSource, colleague);
      const result = await portal.gql<{ disablePerson: { person: { status: string } } }>(
        'mutation ($id: ID!) { disablePerson(id: $id) { person { status } userErrors { code } } }',
        { id: colleague.id },
        { token: admin.token },
      );
      expect(result.data?.disablePerson.person.status).toBe('DISABLED');
      const live = await portal.dataSource
        .getRepository(SessionEntity)
        .findBy({ personId: colleague.id });
      expect(live.every((session) => session.revokedAt !== null)).toBe(true);
      expect(
        (await portal.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: colleague.id }))
          .status,
      ).toBe(PersonStatus.DISABLED);
    });
  });

  describe('people list', () => {
    it('should page through a company by name, search accent-insensitively and filter by level', async () => {
      const admin = await signedIn({ firstName: 'Zed', lastName: 'Zulu' });
      const names = ['Åsa Öberg', 'Anna Andersson', 'Émile Zola', 'Bo Berg', 'Cecilia Carlsson'];
      for (const [i, full] of names.entries()) {
        const [firstName, lastName] = full.split(' ') as [string, string];
        await buildPerson(portal.dataSource, admin.company, {
          firstName,
          lastName,
          accessLevel: i % 2 ? 'SITE_ADMIN' : 'SYSTEM_ADMIN',
        });
      }
      await signedIn(); // another company's people never appear
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: {
          data?: {
            people: {
              edges: Array<{ node: { lastName: string } }>;
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              totalCount: number;
            };
          } | null;
        } = await portal.gql(
          'query ($after: String) { people(first: 2, after: $after) { edges { node { lastName } } pageInfo { hasNextPage endCursor } totalCount } }',
          { after },
          { token: admin.token },
        );
        expect(page.data?.people.totalCount).toBe(6);
        seen.push(...page.data!.people.edges.map((edge) => edge.node.lastName));
        after = page.data!.people.pageInfo.hasNextPage
          ? page.data!.people.pageInfo.endCursor
          : null;
      } while (after);
      expect(seen).toEqual(
        ['Andersson', 'Berg', 'Carlsson', 'Oberg', 'Zola', 'Zulu'].map((name) =>
          name === 'Oberg' ? 'Öberg' : name,
        ),
      );
      const search = await portal.gql<{ people: { edges: Array<{ node: { lastName: string } }> } }>(
        '{ people(search: "OBERG") { edges { node { lastName } } } }',
        {},
        { token: admin.token },
      );
      expect(search.data?.people.edges.map((edge) => edge.node.lastName)).toEqual(['Öberg']);
      const level = await portal.gql<{ people: { totalCount: number } }>(
        '{ people(accessLevel: SITE_ADMIN) { totalCount } }',
        {},
        { token: admin.token },
      );
      expect(level.data?.people.totalCount).toBe(2);
    });

    it('should refuse first outside 1..100 with BAD_USER_INPUT', async () => {
      const admin = await signedIn();
      for (const first of [0, 101]) {
        const result = await portal.gql(
          'query ($first: Int) { people(first: $first) { totalCount } }',
          { first },
          { token: admin.token },
        );
        expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
    });
  });
});
