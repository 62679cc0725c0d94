import { ApiKeyEntity } from '../../src/api-keys/api-key.entity';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { CompanyEntity, CompanyStatus } from '../../src/companies/company.entity';
import { PersonEntity } from '../../src/people/person.entity';
import {
  buildCompany,
  buildEntryUser,
  buildInvoice,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import { describeOnDialects } from '../support/dialects';

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey { id name prefix scopes sites { id } createdBy { id } expiresAt lastUsedAt revokedAt }
    userErrors { field code }
  }
}`;
const ROTATE = `mutation ($id: ID!, $overlapHours: Int) {
  rotateApiKey(id: $id, overlapHours: $overlapHours) { secret apiKey { id prefix } userErrors { field code } }
}`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { secret apiKey { id revokedAt } userErrors { field code } } }`;
const LIST = `query ($includeRevoked: Boolean) {
  apiKeys(first: 50, includeRevoked: $includeRevoked) { totalCount edges { node { id name prefix revokedAt } } }
}`;
const SITES = `{ sites(first: 50) { totalCount edges { node { id name } } } }`;
const SITE = `query ($id: ID!) { site(id: $id) { id name entryUsers(first: 5) { totalCount } } }`;
const CREATE_SITE = `mutation ($name: String!) {
  createSite(input: { name: $name }) { site { id } userErrors { field code } }
}`;

interface CreatedKey {
  secret: string | null;
  apiKey: {
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    sites: Array<{ id: string }> | null;
    createdBy: { id: string } | null;
    lastUsedAt: string | null;
  } | null;
  userErrors: Array<{ field: string[]; code: string }>;
}

type Refusal = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const codeOf = (answer: Refusal) => answer.errors?.[0]?.extensions?.['code'];

describeOnDialects('API keys on %s', (suite) => {
  const portal = suite.startPortal();

  async function aCompany(status = CompanyStatus.APPROVED) {
    const owner = await buildCompany(portal.dataSource, { billingSetupComplete: true, status });
    const payer = await buildPerson(portal.dataSource, owner, { accessLevel: 'PAYMENT_ADMIN' });
    const sysadmin = await buildPerson(portal.dataSource, owner, { accessLevel: 'SYSTEM_ADMIN' });
    const siteAdmin = await buildPerson(portal.dataSource, owner, { accessLevel: 'SITE_ADMIN' });
    const [north, south] = [
      await buildSite(portal.dataSource, owner, { name: 'North Tower' }),
      await buildSite(portal.dataSource, owner, { name: 'South Court' }),
    ];
    await buildEntryUser(portal.dataSource, north);
    return {
      company: owner,
      payer,
      sysadmin,
      siteAdmin,
      north,
      south,
      payerToken: await tokenFor(portal.dataSource, payer),
      sysadminToken: await tokenFor(portal.dataSource, sysadmin),
      siteAdminToken: await tokenFor(portal.dataSource, siteAdmin),
    };
  }

  async function createKey(
    token: string,
    input: { name?: string; scopes: string[]; siteIds?: string[]; expiresAt?: string },
  ): Promise<CreatedKey> {
    const answer = await portal.as<{ createApiKey: CreatedKey }>(token, CREATE, {
      input: { name: 'ERP sync', ...input },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.createApiKey;
  }

  async function keyFor(token: string, scopes: string[], siteIds?: string[]) {
    const created = await createKey(token, { scopes, ...(siteIds ? { siteIds } : {}) });
    expect(created.userErrors).toEqual([]);
    return { secret: created.secret!, id: created.apiKey!.id };
  }

  it('should show the secret once, keep only its hash, and list the key by its prefix', async () => {
    const { payerToken, payer, company: owner } = await aCompany();
    const created = await createKey(payerToken, { scopes: ['SITES_READ', 'SITES_READ'] });
    expect(created.userErrors).toEqual([]);
    const secret = created.secret!;
    // a marker secret scanners can find, then at least 128 random bits (base64url: 6 bits a char)
    expect(secret).toMatch(/^epk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: 'ERP sync',
      prefix: secret.slice(0, 12),
      scopes: ['SITES_READ'],
      sites: null,
      createdBy: { id: payer.id },
      lastUsedAt: null,
    });
    const stored = await portal.dataSource
      .getRepository(ApiKeyEntity)
      .findOneByOrFail({ id: created.apiKey!.id });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));
    expect(stored.companyId).toBe(owner.id);

    const list = await portal.as<{ apiKeys: { totalCount: number; edges: unknown[] } }>(
      payerToken,
      LIST,
    );
    expect(list.data!.apiKeys.totalCount).toBe(1);
    expect(JSON.stringify(list.data)).not.toContain(secret.slice(12));
    const audit = await portal.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ subjectId: created.apiKey!.id, kind: 'api_key.created' });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(12));
  });

  it('should refuse bad input with field errors and write nothing', async () => {
    const { sysadminToken, company: owner } = await aCompany();
    const other = await buildCompany(portal.dataSource);
    const foreignSite = await buildSite(portal.dataSource, other);
    const cases: Array<[Parameters<typeof createKey>[1], string[], string]> = [
      [{ name: '  ', scopes: ['SITES_READ'] }, ['input', 'name'], 'REQUIRED'],
      [{ name: 'x'.repeat(101), scopes: ['SITES_READ'] }, ['input', 'name'], 'TOO_LONG'],
      [{ scopes: [] }, ['input', 'scopes'], 'REQUIRED'],
      // only a payment admin hands out access to invoices
      [{ scopes: ['INVOICES_READ'] }, ['input', 'scopes'], 'FORBIDDEN_SCOPE'],
      [{ scopes: ['SITES_READ'], siteIds: [] }, ['input', 'siteIds'], 'REQUIRED'],
      [
        { scopes: ['SITES_READ'], siteIds: [foreignSite.id] },
        ['input', 'siteIds', '0'],
        'NOT_FOUND',
      ],
      [
        { scopes: ['SITES_READ'], expiresAt: new Date(Date.now() - 1000).toISOString() },
        ['input', 'expiresAt'],
        'INVALID',
      ],
    ];
    for (const [input, field, code] of cases) {
      const created = await createKey(sysadminToken, input);
      expect({ input, errors: created.userErrors }).toEqual({ input, errors: [{ field, code }] });
      expect(created.secret).toBeNull();
    }
    expect(
      await portal.dataSource.getRepository(ApiKeyEntity).countBy({ companyId: owner.id }),
    ).toBe(0);
  });

  it('should let only payment and system admins manage keys, and no key', async () => {
    const { siteAdminToken, payerToken } = await aCompany();
    const denied = await portal.as(siteAdminToken, LIST);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const { secret } = await keyFor(payerToken, ['SITES_WRITE', 'PEOPLE_READ', 'INVOICES_READ']);
    const byKey = await portal.as(secret, LIST);
    expect(codeOf(byKey)).toBe('API_KEY_SCOPE');
    const create = await portal.as(secret, CREATE, {
      input: { name: 'x', scopes: ['SITES_READ'] },
    });
    expect(codeOf(create)).toBe('API_KEY_SCOPE');
  });

  it('should reach with a key only what its scopes name, as the company and nobody', async () => {
    const { payerToken, company: owner, north } = await aCompany();
    const { secret } = await keyFor(payerToken, ['SITES_READ']);

    const sites = await portal.as<{ sites: { totalCount: number } }>(secret, SITES);
    expect(sites.data!.sites.totalCount).toBe(2);
    const site = await portal.as<{ site: { entryUsers: { totalCount: number } } }>(secret, SITE, {
      id: north.id,
    });
    expect(site.data!.site.entryUsers.totalCount).toBe(1);
    const company = await portal.as<{ company: { id: string } }>(secret, '{ company { id } }');
    expect(company.data!.company.id).toBe(owner.id);
    const me = await portal.as<{ me: unknown }>(secret, '{ me { id } }');
    expect(me.data!.me).toBeNull();
    expect(
      (await portal.as<{ dashboard: { siteCount: number } }>(secret, '{ dashboard { siteCount } }'))
        .data!.dashboard.siteCount,
    ).toBe(2);

    for (const query of [
      '{ people(first: 5) { totalCount } }',
      '{ company { invoices(first: 5) { totalCount } } }',
      '{ company { vatNumber } }',
      '{ auditEvents(first: 5) { totalCount } }',
    ]) {
      expect({ query, code: codeOf(await portal.as(secret, query)) }).toEqual({
        query,
        code: 'API_KEY_SCOPE',
      });
    }
    expect(codeOf(await portal.as(secret, CREATE_SITE, { name: 'New' }))).toBe('API_KEY_SCOPE');
    expect(codeOf(await portal.as(secret, 'mutation { signOut }'))).toBeUndefined();
  });

  it('should let a writing key change sites, with the key as the actor in the audit log', async () => {
    const { payerToken, north } = await aCompany();
    const created = await createKey(payerToken, {
      name: 'Property system',
      scopes: ['SITES_WRITE'],
    });
    const secret = created.secret!;
    const site = await portal.as<{ createSite: { site: { id: string } | null } }>(
      secret,
      CREATE_SITE,
      { name: 'West Wing' },
    );
    expect(site.data!.createSite.site).not.toBeNull();
    const added = await portal.as<{ addEntryUser: { entryUser: { id: string } | null } }>(
      secret,
      `mutation ($siteId: ID!) {
        addEntryUser(siteId: $siteId, input: { firstName: "Eva", lastName: "Berg", email: "eva.berg@example.com" }) {
          entryUser { id } userErrors { code }
        }
      }`,
      { siteId: north.id },
    );
    expect(added.data!.addEntryUser.entryUser).not.toBeNull();

    const log = await portal.as<{
      auditEvents: {
        edges: Array<{ node: { kind: string; actor: { kind: string; name: string } } }>;
      };
    }>(payerToken, '{ auditEvents(first: 10) { edges { node { kind actor { kind name } } } } }');
    const byKey = log
      .data!.auditEvents.edges.map(({ node }) => node)
      .filter((node) => node.actor.kind === 'API_KEY');
    expect(byKey.map((node) => node.kind).sort()).toEqual(['entry_user.added', 'site.created']);
    expect(byKey.every((node) => node.actor.name === 'Property system')).toBe(true);
  });

  it('should keep a key limited to sites on those sites, and let it create none', async () => {
    const { payerToken, north, south } = await aCompany();
    const { secret } = await keyFor(payerToken, ['SITES_WRITE'], [north.id]);
    const sites = await portal.as<{ sites: { edges: Array<{ node: { id: string } }> } }>(
      secret,
      SITES,
    );
    expect(sites.data!.sites.edges.map(({ node }) => node.id)).toEqual([north.id]);
    const hidden = await portal.as<{ site: unknown }>(secret, SITE, { id: south.id });
    expect(hidden.data!.site).toBeNull();
    const update = await portal.as<{ updateSite: { userErrors: Array<{ code: string }> } }>(
      secret,
      `mutation ($id: ID!) { updateSite(id: $id, input: { name: "Renamed" }) { userErrors { code } } }`,
      { id: south.id },
    );
    expect(update.data!.updateSite.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    expect(codeOf(await portal.as(secret, CREATE_SITE, { name: 'New' }))).toBe('FORBIDDEN');
    const listed = await portal.as<{ apiKeys: unknown }>(
      payerToken,
      '{ apiKeys(first: 5) { edges { node { sites { id } } } } }',
    );
    expect(listed.data!.apiKeys).toEqual({ edges: [{ node: { sites: [{ id: north.id }] } }] });
  });

  it('should not let a key cross from people to sites or from invoices to residents', async () => {
    const { payerToken, company: owner, north } = await aCompany();
    const people = await keyFor(payerToken, ['PEOPLE_READ']);
    const list = await portal.as<{ people: { totalCount: number } }>(
      people.secret,
      '{ people(first: 5) { totalCount } }',
    );
    expect(list.data!.people.totalCount).toBe(3);
    expect(
      codeOf(
        await portal.as(
          people.secret,
          '{ people(first: 5) { edges { node { sites(first: 5) { totalCount } } } } }',
        ),
      ),
    ).toBe('API_KEY_SCOPE');

    const invoice = await buildInvoice(portal.dataSource, owner);
    const invoices = await keyFor(payerToken, ['INVOICES_READ']);
    const answer = await portal.as<{ invoice: { id: string } | null }>(
      invoices.secret,
      'query ($id: ID!) { invoice(id: $id) { id } }',
      { id: invoice.id },
    );
    expect(answer.data!.invoice?.id).toBe(invoice.id);
    const pdf = await fetch(`${portal.url}/api/invoices/${invoice.id}.pdf`, {
      headers: { authorization: `Bearer ${invoices.secret}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(codeOf(await portal.as(invoices.secret, SITE, { id: north.id }))).toBe('API_KEY_SCOPE');

    // the CSV routes of Entry app users are SITES_WRITE's
    const csv = `${portal.url}/api/sites/${north.id}/entry-users.csv`;
    const refused = await fetch(csv, { headers: { authorization: `Bearer ${invoices.secret}` } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'API_KEY_SCOPE',
    );
    const writer = await keyFor(payerToken, ['SITES_WRITE']);
    const exported = await fetch(csv, { headers: { authorization: `Bearer ${writer.secret}` } });
    expect(exported.status).toBe(200);
  });

  it('should keep both secrets working for the overlap of a rotation, then only the new one', async () => {
    const { sysadminToken } = await aCompany();
    const { secret: first, id } = await keyFor(sysadminToken, ['SITES_READ']);
    const rotated = await portal.as<{
      rotateApiKey: { secret: string; apiKey: { prefix: string } };
    }>(sysadminToken, ROTATE, { id });
    const second = rotated.data!.rotateApiKey.secret;
    expect(second).not.toBe(first);
    expect(rotated.data!.rotateApiKey.apiKey.prefix).toBe(second.slice(0, 12));
    for (const secret of [first, second])
      expect(codeOf(await portal.as(secret, SITES))).toBeUndefined();

    // the overlap ends
    await portal.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id }, { previousSecretExpiresAt: new Date(Date.now() - 1000) });
    expect(codeOf(await portal.as(first, SITES))).toBe('UNAUTHENTICATED');
    expect(codeOf(await portal.as(second, SITES))).toBeUndefined();

    // no overlap at all: the old secret stops at once
    const third = (
      await portal.as<{ rotateApiKey: { secret: string } }>(sysadminToken, ROTATE, {
        id,
        overlapHours: 0,
      })
    ).data!.rotateApiKey.secret;
    expect(codeOf(await portal.as(second, SITES))).toBe('UNAUTHENTICATED');
    expect(codeOf(await portal.as(third, SITES))).toBeUndefined();

    for (const overlapHours of [-1, 169]) {
      const refused = await portal.as<{ rotateApiKey: { secret: null; userErrors: unknown } }>(
        sysadminToken,
        ROTATE,
        { id, overlapHours },
      );
      expect(refused.data!.rotateApiKey).toEqual({
        secret: null,
        apiKey: null,
        userErrors: [{ field: ['overlapHours'], code: 'INVALID' }],
      });
    }
  });

  it('should stop a revoked or expired key, and keep another company from touching it', async () => {
    const { payerToken } = await aCompany();
    const stranger = await aCompany();
    const revoked = await keyFor(payerToken, ['SITES_READ']);
    const foreign = await portal.as<{ revokeApiKey: { userErrors: unknown } }>(
      stranger.payerToken,
      REVOKE,
      { id: revoked.id },
    );
    expect(foreign.data!.revokeApiKey.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect(codeOf(await portal.as(revoked.secret, SITES))).toBeUndefined();

    const answer = await portal.as<{ revokeApiKey: { apiKey: { revokedAt: string | null } } }>(
      payerToken,
      REVOKE,
      { id: revoked.id },
    );
    expect(answer.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(codeOf(await portal.as(revoked.secret, SITES))).toBe('UNAUTHENTICATED');
    const rotate = await portal.as<{ rotateApiKey: { userErrors: unknown } }>(payerToken, ROTATE, {
      id: revoked.id,
    });
    expect(rotate.data!.rotateApiKey.userErrors).toEqual([
      { field: ['id'], code: 'INVALID_STATE' },
    ]);
    const listed = async (includeRevoked: boolean) =>
      (await portal.as<{ apiKeys: { totalCount: number } }>(payerToken, LIST, { includeRevoked }))
        .data!.apiKeys.totalCount;
    expect([await listed(false), await listed(true)]).toEqual([0, 1]);

    const expiring = await keyFor(payerToken, ['SITES_READ']);
    await portal.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id: expiring.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(codeOf(await portal.as(expiring.secret, SITES))).toBe('UNAUTHENTICATED');
    expect(codeOf(await portal.as('epk_not-a-key-at-all', SITES))).toBe('UNAUTHENTICATED');
  });

  it('should keep a key working when its creator is removed: the company owns it', async () => {
    const { payerToken, sysadmin, sysadminToken } = await aCompany();
    const { secret, id } = await keyFor(sysadminToken, ['SITES_READ']);
    const removed = await portal.as<{ removePerson: { userErrors: unknown[] } }>(
      payerToken,
      'mutation ($id: ID!) { removePerson(id: $id) { userErrors { code } } }',
      { id: sysadmin.id },
    );
    expect(removed.data!.removePerson.userErrors).toEqual([]);
    expect(await portal.dataSource.getRepository(PersonEntity).countBy({ id: sysadmin.id })).toBe(
      0,
    );
    expect(codeOf(await portal.as(secret, SITES))).toBeUndefined();
    const listed = await portal.as<{ apiKeys: unknown }>(
      payerToken,
      '{ apiKeys(first: 5) { edges { node { id createdBy { id } } } } }',
    );
    expect(listed.data!.apiKeys).toEqual({ edges: [{ node: { id, createdBy: null } }] });
  });

  it("should limit a suspended company's keys as its people (no growth), and stop a rejected company's", async () => {
    const { payerToken, company: owner, north } = await aCompany();
    const { secret } = await keyFor(payerToken, ['SITES_WRITE', 'INVOICES_READ']);
    await buildInvoice(portal.dataSource, owner);
    const setStatus = (status: CompanyStatus) =>
      portal.dataSource.getRepository(CompanyEntity).update({ id: owner.id }, { status });

    await setStatus(CompanyStatus.SUSPENDED);
    expect(codeOf(await portal.as(secret, SITES))).toBeUndefined();
    expect(
      codeOf(
        await portal.as(
          secret,
          `mutation { addEntryUser(siteId: "${north.id}", input: { firstName: "A", lastName: "B", email: "key.ab@example.com" }) { entryUser { id } } }`,
        ),
      ),
    ).toBe('ACCOUNT_SUSPENDED');
    const invoices = await portal.as<{ company: { invoices: { totalCount: number } } }>(
      secret,
      '{ company { invoices(first: 5) { totalCount } } }',
    );
    expect(invoices.data!.company.invoices.totalCount).toBe(1);

    await setStatus(CompanyStatus.REJECTED);
    expect(codeOf(await portal.as(secret, SITES))).toBe('FORBIDDEN');
    expect(
      codeOf(await portal.as(secret, '{ company { invoices(first: 5) { totalCount } } }')),
    ).toBe('FORBIDDEN');
  });

  it('should note when a key was last used, at most once a minute', async () => {
    const { payerToken } = await aCompany();
    const { secret, id } = await keyFor(payerToken, ['SITES_READ']);
    const lastUsed = async () =>
      (await portal.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id })).lastUsedAt;
    await portal.as(secret, SITES);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await portal.as(secret, SITES);
    expect(await lastUsed()).toEqual(first);

    const halfMinuteAgo = new Date(Date.now() - 30_000);
    await portal.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id }, { lastUsedAt: halfMinuteAgo });
    await portal.as(secret, SITES);
    expect(await lastUsed()).toEqual(halfMinuteAgo);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await portal.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id }, { lastUsedAt: twoMinutesAgo });
    await portal.as(secret, SITES);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});

describeOnDialects('API key rate limits on %s', (suite) => {
  // two server processes on one database, each key allowed 12 requests a minute
  const first = suite.startPortal({ API_KEY_RATE_LIMIT: '12' });
  const second = suite.startPortal(() => ({
    API_KEY_RATE_LIMIT: '12',
    DATABASE_URL: first.databaseUrl,
  }));

  async function keyOfNewCompany() {
    const company = await buildCompany(first.dataSource, { billingSetupComplete: true });
    const payer = await buildPerson(first.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    const site = await buildSite(first.dataSource, company);
    const session = await tokenFor(first.dataSource, payer);
    const created = await first.as<{ createApiKey: { secret: string } }>(session, CREATE, {
      input: { name: 'Busy', scopes: ['SITES_WRITE'] },
    });
    return { secret: created.data!.createApiKey.secret, site, session };
  }

  it('should answer every key request with RateLimit headers, and 429 past the limit', async () => {
    const { secret, session } = await keyOfNewCompany();
    const remaining: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await first.gql(SITES, {}, { token: secret, acceptLanguage: 'nl' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('12');
      const reset = Number(answer.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
      remaining.push(Number(answer.headers.get('ratelimit-remaining')));
    }
    expect(remaining).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);

    const refused = await first.gql(SITES, {}, { token: secret, acceptLanguage: 'nl' });
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.message).toMatch(
      /^Te veel verzoeken met deze API-sleutel: maximaal 12 per minuut/,
    );
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    // a person's session is not a key: the company's people are not held to the key's count
    const person = await first.gql(SITES, {}, { token: session });
    expect(person.status).toBe(200);
    expect(person.headers.get('ratelimit-limit')).toBeNull();
  });

  it('should count a key across server processes, REST routes included', async () => {
    const { secret, site } = await keyOfNewCompany();
    const csv = (portal: typeof first) =>
      fetch(`${portal.url}/api/sites/${site.id}/entry-users.csv`, {
        headers: { authorization: `Bearer ${secret}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await first.gql(SITES, {}, { token: secret })).status);
      statuses.push(
        (await (i % 2 ? csv(second) : second.gql(SITES, {}, { token: secret }))).status,
      );
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(12);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    const refused = await csv(first);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
