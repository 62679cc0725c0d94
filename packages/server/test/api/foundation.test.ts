import { SESSION_IDLE_MS } from '../../src/accounts/session.service';
import { SessionEntity } from '../../src/accounts/session.entity';
import { CompanyStatus } from '../../src/companies/company.entity';
import { PersonStatus } from '../../src/people/person.entity';
import { buildCompany, buildOperator, buildPerson, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { writeWebDist } from '../support/web-dist';

const ACCESS_LEVELS = `query ($locale: String) { accessLevels { code allSites payments label(locale: $locale) description(locale: $locale) } }`;

describeOnDialects('foundation API on %s', (suite) => {
  const webDist = writeWebDist({
    'index.html': '<!doctype html><title>Entry Portal</title><div id="root"></div>',
  });
  const portal = suite.startPortal({ WEB_DIST_DIR: webDist.dir });
  afterAll(() => webDist.remove());

  describe('accessLevels', () => {
    it.each([
      ['sv', ['Betalningsadmin', 'Systemadmin', 'Anläggningsadmin']],
      ['nl', ['Systeembeheerder', 'Technisch beheerder', 'Locatie beheerder']],
      ['fr', ['Administrateur des paiements', 'Administrateur système', 'Administrateur du site']],
      ['en', ['Payment admin', 'System admin', 'Site admin']],
    ])('should name the three levels as the notes do when asked in %s', async (locale, labels) => {
      const { data } = await portal.gql<{ accessLevels: Array<{ label: string }> }>(ACCESS_LEVELS, {
        locale,
      });
      expect(data?.accessLevels.map((level) => level.label)).toEqual(labels);
    });

    it('should give the rights of the shared table when anyone asks', async () => {
      const { data } = await portal.gql(ACCESS_LEVELS);
      expect(data?.accessLevels).toEqual([
        expect.objectContaining({ code: 'PAYMENT_ADMIN', allSites: true, payments: true }),
        expect.objectContaining({ code: 'SYSTEM_ADMIN', allSites: true, payments: false }),
        expect.objectContaining({ code: 'SITE_ADMIN', allSites: false, payments: false }),
      ]);
    });

    it("should follow the browser's language when no locale argument is given", async () => {
      const { data } = await portal.gql<{ accessLevels: Array<{ label: string }> }>(
        ACCESS_LEVELS,
        {},
        { acceptLanguage: 'fr-FR,fr;q=0.9' },
      );
      expect(data?.accessLevels[0]?.label).toBe('Administrateur des paiements');
    });

    it("should follow the signed-in person's language over the browser's", async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company, { locale: 'nl' });
      const token = await tokenFor(portal.dataSource, person);
      const { data } = await portal.gql<{ accessLevels: Array<{ label: string }> }>(
        ACCESS_LEVELS,
        {},
        { token, acceptLanguage: 'sv' },
      );
      expect(data?.accessLevels[0]?.label).toBe('Systeembeheerder');
    });
  });

  it('should honour the built-in @include and @skip directives beside ours', async () => {
    const { data, errors } = await portal.gql(
      'query ($withMe: Boolean!) { me @include(if: $withMe) { id } accessLevels @skip(if: false) { code } }',
      { withMe: false },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      accessLevels: [{ code: 'PAYMENT_ADMIN' }, { code: 'SYSTEM_ADMIN' }, { code: 'SITE_ADMIN' }],
    });
  });

  describe('termsOfService', () => {
    it('should return the current version in the language asked for', async () => {
      const { data } = await portal.gql<{
        termsOfService: { version: string; locale: string; text: string };
      }>('{ termsOfService(locale: "sv-SE") { version locale text } }');
      expect(data?.termsOfService.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data?.termsOfService.locale).toBe('sv');
      expect(data?.termsOfService.text).toContain('Betalningsvillkor');
    });

    it('should fall back to English when the language is not supported', async () => {
      const { data } = await portal.gql<{ termsOfService: { locale: string } }>(
        '{ termsOfService(locale: "de") { locale } }',
      );
      expect(data?.termsOfService.locale).toBe('en');
    });
  });

  describe('sessions and @auth', () => {
    it('should answer me with null when anonymous', async () => {
      const { data, errors } = await portal.gql('{ me { id } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ me: null });
    });

    it('should refuse company with UNAUTHENTICATED when anonymous', async () => {
      const { errors } = await portal.gql('{ company { id } }');
      expect(errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('should show a payment admin their company and its VAT number when signed in with a bearer token', async () => {
      const company = await buildCompany(portal.dataSource, { vatNumber: 'SE556677889901' });
      const person = await buildPerson(portal.dataSource, company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      const token = await tokenFor(portal.dataSource, person);
      const { data, errors } = await portal.gql(
        '{ me { id email accessLevel { code } company { id name vatNumber } } company { id vatNumber } }',
        {},
        { token },
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        me: {
          id: person.id,
          email: person.email,
          accessLevel: { code: 'PAYMENT_ADMIN' },
          company: { id: company.id, name: company.name, vatNumber: 'SE556677889901' },
        },
        company: { id: company.id, vatNumber: 'SE556677889901' },
      });
    });

    it.each(['SYSTEM_ADMIN', 'SITE_ADMIN'] as const)(
      'should refuse the VAT number with FORBIDDEN when a %s asks',
      async (accessLevel) => {
        const company = await buildCompany(portal.dataSource, { vatNumber: 'SE556677889901' });
        const person = await buildPerson(portal.dataSource, company, { accessLevel });
        const token = await tokenFor(portal.dataSource, person);
        const { data, errors } = await portal.gql<{
          company: { name: string; vatNumber: string | null };
        }>('{ company { name vatNumber } }', {}, { token });
        expect(data?.company).toEqual({ name: company.name, vatNumber: null });
        expect(errors?.[0]?.path).toEqual(['company', 'vatNumber']);
        expect(errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      },
    );

    it('should refuse everything behind @auth when the company is still pending approval', async () => {
      const company = await buildCompany(portal.dataSource, {
        status: CompanyStatus.PENDING_APPROVAL,
        approvedAt: null,
      });
      const person = await buildPerson(portal.dataSource, company);
      const token = await tokenFor(portal.dataSource, person);
      const { errors } = await portal.gql('{ company { id } }', {}, { token });
      expect(errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('should answer PASSWORD_CHANGE_REQUIRED when the person still has a temporary password, but still answer me', async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company, { mustChangePassword: true });
      const token = await tokenFor(portal.dataSource, person);
      const refused = await portal.gql('{ company { id } }', {}, { token });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('PASSWORD_CHANGE_REQUIRED');
      const me = await portal.gql('{ me { id mustChangePassword } }', {}, { token });
      expect(me.data).toEqual({ me: { id: person.id, mustChangePassword: true } });
    });

    it('should treat the token of a disabled person as anonymous', async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company, {
        status: PersonStatus.DISABLED,
      });
      const token = await tokenFor(portal.dataSource, person);
      const { data, errors } = await portal.gql('{ me { id } company { id } }', {}, { token });
      expect(data?.me).toBeNull();
      expect(errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('should let an operator through AUTHENTICATED without a company', async () => {
      const operator = await buildOperator(portal.dataSource);
      const token = await tokenFor(portal.dataSource, operator);
      const { data, errors } = await portal.gql('{ me { id } company { id } }', {}, { token });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ me: null, company: null });
    });

    it('should read the session from the cookie the browser sends', async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company);
      const token = await tokenFor(portal.dataSource, person);
      const { data } = await portal.gql('{ me { id } }', {}, { cookie: `portal_session=${token}` });
      expect(data).toEqual({ me: { id: person.id } });
    });

    it('should end the session and clear the cookie when signOut is called', async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company);
      const token = await tokenFor(portal.dataSource, person);
      const out = await portal.gql<{ signOut: boolean }>('mutation { signOut }', {}, { token });
      expect(out.data).toEqual({ signOut: true });
      expect(out.headers.get('set-cookie')).toMatch(/^portal_session=;.*HttpOnly/i);
      const after = await portal.gql('{ me { id } }', {}, { token });
      expect(after.data).toEqual({ me: null });
      const sessions = await portal.dataSource
        .getRepository(SessionEntity)
        .findBy({ personId: person.id });
      expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    });

    it('should treat an idle-expired session as anonymous', async () => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company);
      const token = await tokenFor(
        portal.dataSource,
        person,
        new Date(Date.now() - SESSION_IDLE_MS - 1000),
      );
      const { data } = await portal.gql('{ me { id } }', {}, { token });
      expect(data).toEqual({ me: null });
    });

    it('should treat a forged token as anonymous', async () => {
      const { data } = await portal.gql(
        '{ me { id } }',
        {},
        { token: 'forged-token-that-was-never-issued' },
      );
      expect(data).toEqual({ me: null });
    });
  });

  describe('HTTP', () => {
    it('should report a healthy database at /healthz', async () => {
      const response = await fetch(`${portal.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('should serve index.html for client routes when a browser asks for a page', async () => {
      const response = await fetch(`${portal.url}/sites/some-deep-link`, {
        headers: { accept: 'text/html' },
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    it('should show the Sandbox landing page at /graphql when a browser opens it outside production', async () => {
      const response = await fetch(`${portal.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/sandbox/i);
    });

    it('should refuse a GET query without a preflight header (CSRF prevention)', async () => {
      const response = await fetch(
        `${portal.url}/graphql?query=${encodeURIComponent('{ accessLevels { code } }')}`,
      );
      expect(response.status).toBe(400);
    });
  });
});
