import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SUPPORTED_LOCALES, type Locale } from '@entry/shared';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import {
  assignSite,
  buildCompany,
  buildEntryUser,
  buildInvoice,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import { describeOnDialects } from '../support/dialects';

/**
 * Property: whatever a client sends as the `after` of any list, GraphQL or REST, the answer is a
 * page or a refusal of the cursor (BAD_USER_INPUT, 400), never INTERNAL_SERVER_ERROR (500). The
 * forgeries are what someone who has seen a real cursor tries: other strings, valid base64url of
 * the wrong JSON, the right shape with the wrong types, dates that are not dates, huge numbers,
 * the wrong arity, very long values. FUZZ_SEED and FUZZ_RUNS override the seed and the count.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_205);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);

const base64url = (json: unknown) =>
  Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');

/** Sort keys of the wrong kind: not text, not a date we wrote, out of any column's range. */
const FORGED_SORT_KEYS: readonly unknown[] = [
  'not a date',
  '',
  '2026-13-45T25:61:61Z',
  '2026-02-30T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '2026-01-01',
  '1e309',
  '9'.repeat(400),
  'x'.repeat(5000),
  '\u0000',
  '\uD800',
  "' OR '1'='1",
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  -1,
  1.5,
  true,
  null,
  [],
  {},
  { $gt: '' },
];

const FORGED_IDS: readonly unknown[] = [
  'not-a-uuid',
  '',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-00000000000g',
  `${randomUUID()} `,
  'x'.repeat(5000),
  42,
  null,
  {},
];

/** One example of each family, each of which must be refused on every list. */
const REFUSED_CURSORS: ReadonlyArray<[string, string]> = [
  ['not base64url', '!!!not-base64!!!'],
  ['base64url of something that is not JSON', Buffer.from('not json').toString('base64url')],
  ['base64url of a JSON object', base64url({ sortKey: 'a', id: randomUUID() })],
  ['a pair whose id is not a UUID', base64url(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])],
  ['a pair of huge numbers', Buffer.from('[1e309, 9007199254740993]').toString('base64url')],
  ['three parts', base64url(['2026-01-01T00:00:00.000Z', randomUUID(), 'extra'])],
  ['one part', base64url([randomUUID()])],
  ['a very long cursor', base64url(['x'.repeat(3000), randomUUID()])],
];

/** On lists sorted by a date, whose cursors carry one: refused as well. */
const REFUSED_DATE_CURSORS: ReadonlyArray<[string, string]> = [
  ['a pair whose date is not a date', base64url(['not a date', randomUUID()])],
  ['a pair whose date is out of range', base64url(['+275760-09-13T00:00:00.000Z', randomUUID()])],
  ['a pair whose date is not as issued', base64url(['2026-02-30T00:00:00Z', randomUUID()])],
];

const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.base64String({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }).map(base64url),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...FORGED_SORT_KEYS),
        fc.string({ maxLength: 30 }),
        fc.date({ noInvalidDate: false }).map((date) => String(date)),
        fc.date().map((date) => date.toISOString()),
      ),
      fc.oneof(fc.constantFrom(...FORGED_IDS), fc.uuid()),
    )
    .map(base64url),
  fc
    .array(fc.oneof(fc.uuid(), fc.constantFrom(...FORGED_SORT_KEYS)), { maxLength: 5 })
    .map(base64url),
  fc.string({ minLength: 3000, maxLength: 20_000 }).map((value) => base64url([value, value])),
);

type SortedBy = 'text' | 'date';

describeOnDialects('forged cursors on %s', (suite) => {
  const portal = suite.startPortal();
  let token: string;
  let siteId: string;
  let siteAdminId: string;
  /** a payment admin per language: the viewer's language is their own, not Accept-Language */
  const tokens: Partial<Record<Locale, string>> = {};

  /** Every `after` argument of the schema, each in a query that reaches it. */
  const LISTS: ReadonlyArray<[string, string, () => Record<string, unknown>, SortedBy]> = [
    [
      'sites',
      'query ($after: String) { sites(after: $after) { totalCount edges { cursor } } }',
      () => ({}),
      'text',
    ],
    [
      'people',
      'query ($after: String) { people(after: $after) { totalCount edges { cursor } } }',
      () => ({}),
      'text',
    ],
    [
      'auditEvents',
      'query ($after: String) { auditEvents(after: $after) { totalCount edges { cursor } } }',
      () => ({}),
      'date',
    ],
    [
      'Company.invoices',
      'query ($after: String) { company { invoices(after: $after) { totalCount edges { cursor } } } }',
      () => ({}),
      'date',
    ],
    [
      'Site.entryUsers',
      'query ($id: ID!, $after: String) { site(id: $id) { entryUsers(after: $after) { totalCount edges { cursor } } } }',
      () => ({ id: siteId }),
      'text',
    ],
    [
      'Site.entryUsers of a page of sites',
      'query ($after: String) { sites { edges { node { entryUsers(after: $after) { totalCount edges { cursor } } } } } }',
      () => ({}),
      'text',
    ],
    [
      'Person.sites',
      'query ($id: ID!, $after: String) { person(id: $id) { sites(after: $after) { totalCount edges { cursor } } } }',
      () => ({ id: siteAdminId }),
      'text',
    ],
    [
      'Person.sites of a page of people',
      'query ($after: String) { people { edges { node { sites(after: $after) { totalCount edges { cursor } } } } } }',
      () => ({}),
      'text',
    ],
  ];

  beforeAll(async () => {
    const company = await buildCompany(portal.dataSource);
    token = await tokenFor(portal.dataSource, await buildPerson(portal.dataSource, company));
    const site = await buildSite(portal.dataSource, company);
    siteId = site.id;
    await buildEntryUser(portal.dataSource, site);
    const siteAdmin = await buildPerson(portal.dataSource, company, { accessLevel: 'SITE_ADMIN' });
    siteAdminId = siteAdmin.id;
    await assignSite(portal.dataSource, siteAdmin, site);
    await buildInvoice(portal.dataSource, company);
    await portal.dataSource.getRepository(AuditEventEntity).insert({
      companyId: company.id,
      actorPersonId: null,
      actorOperatorId: null,
      kind: 'site.created',
      subjectType: 'site',
      subjectId: site.id,
      siteId: site.id,
      before: null,
      after: null,
      ip: null,
      createdAt: new Date(),
    });
    for (const locale of SUPPORTED_LOCALES) {
      tokens[locale] = await tokenFor(
        portal.dataSource,
        await buildPerson(portal.dataSource, company, { locale }),
      );
    }
  });

  /** The codes of an answer's errors; [] for a page. */
  async function codesFor(query: string, variables: Record<string, unknown>, locale?: Locale) {
    const answer = await portal.gql(query, variables, {
      token: locale ? tokens[locale]! : token,
    });
    return {
      status: answer.status,
      codes: (answer.errors ?? []).map((error) => error.extensions?.['code']),
      messages: (answer.errors ?? []).map((error) => error.message),
    };
  }

  describe.each(LISTS)('%s', (_list, query, variables, sortedBy) => {
    it('should answer a page when the cursor is one it issued', async () => {
      const first = await portal.gql<Record<string, unknown>>(
        query,
        {
          ...variables(),
          after: null,
        },
        { token },
      );
      expect(first.errors).toBeUndefined();
      const cursor = JSON.stringify(first.data).match(/"cursor":"([^"]+)"/)?.[1];
      expect(cursor).toBeDefined();
      expect(await codesFor(query, { ...variables(), after: cursor })).toMatchObject({
        status: 200,
        codes: [],
      });
    });

    it.each(sortedBy === 'date' ? [...REFUSED_CURSORS, ...REFUSED_DATE_CURSORS] : REFUSED_CURSORS)(
      'should refuse with BAD_USER_INPUT when the cursor is %s',
      async (_forgery, cursor) => {
        const answer = await codesFor(query, { ...variables(), after: cursor });
        expect(answer.codes.length).toBeGreaterThan(0);
        expect(new Set(answer.codes)).toEqual(new Set(['BAD_USER_INPUT']));
      },
    );

    it('should never answer INTERNAL_SERVER_ERROR when the cursor is forged', async () => {
      await fc.assert(
        fc.asyncProperty(forgedCursor, async (cursor) => {
          const answer = await codesFor(query, { ...variables(), after: cursor });
          expect(answer.status).not.toBe(500);
          for (const code of answer.codes) expect(code).toBe('BAD_USER_INPUT');
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  });

  it.each([
    ['en', 'The request is not valid.'],
    ['nl', 'Het verzoek is ongeldig.'],
    ['sv', 'Begäran är ogiltig.'],
    ['fr', "La requête n'est pas valide."],
  ] as const)(
    'should refuse a forged audit cursor in the viewer’s language (%s) when its date is not a date',
    async (locale, message) => {
      const answer = await codesFor(
        LISTS[2]![1],
        { after: base64url(['not a date', randomUUID()]) },
        locale,
      );
      expect(answer).toEqual({ status: 200, codes: ['BAD_USER_INPUT'], messages: [message] });
    },
  );

  describe('GET /api/dev/outbox', () => {
    const outbox = (after: string, language = 'en') =>
      fetch(`${portal.url}/api/dev/outbox?after=${encodeURIComponent(after)}`, {
        headers: { 'accept-language': language },
      });

    it.each([...REFUSED_CURSORS, ...REFUSED_DATE_CURSORS])(
      'should refuse with 400 in the language asked for when the cursor is %s',
      async (_forgery, cursor) => {
        const response = await outbox(cursor, 'nl');
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: { code: 'BAD_USER_INPUT', message: 'Het verzoek is ongeldig.' },
        });
      },
    );

    it('should never answer 500 when the cursor is forged', async () => {
      await fc.assert(
        fc.asyncProperty(forgedCursor, async (cursor) => {
          const response = await outbox(cursor);
          await response.arrayBuffer();
          expect([200, 400]).toContain(response.status);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  });
});
