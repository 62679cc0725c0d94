import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config/graphql-limits';
import { GRAPHQL_BODY_LIMIT_BYTES, MAX_JSON_DEPTH } from '../../src/http/json-body';
import {
  OPERATOR_TEST_PASSWORD,
  buildCompany,
  buildEntryUser,
  buildInvoice,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import { type TestPortal } from '../portal';
import { measureRequest, postInChunks } from '../support/event-loop';
import { describeOnDialects } from '../support/dialects';
import { writeWebDist } from '../support/web-dist';

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token userErrors { code } }
}`;

/** 100 sites with 100 Entry app users each: 20,301 objects at most. */
const TOO_COSTLY = `{ sites(first: 100) { edges { node { entryUsers(first: 100) { edges { node { id } } } } } } }`;

/** The same connection nested 12 fields deep, through site admins and their sites. */
const TOO_DEEP = `{ sites { edges { node { siteAdmins { sites { edges { node { siteAdmins {
  sites { edges { node { id } } } } } } } } } } } }`;

const TOO_MANY_ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;

const TOO_MANY_DIRECTIVES = `{ ${'... @include(if: true) { __typename } '.repeat(21)}}`;

const TOO_MANY_TOKENS = `{ ${'__typename '.repeat(DEFAULT_GRAPHQL_LIMITS.maxTokens)} }`;

/** Typos a client makes: each makes graphql-js suggest the right name outside production. */
const TYPOS = [
  '{ me { firstNme } }',
  '{ sites(frist: 1) { totalCount } }',
  '{ people(status: ACTIV) { totalCount } }',
  '{ me { ...on Persn { id } } }',
];

/** What helmet sets on every answer, the web app's and the API's alike. */
function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('x-powered-by')).toBeNull();
}

/** The CSP's directives by name: `{ 'script-src': ["'self'"], … }`. */
function cspDirectives(headers: Headers): Record<string, string[]> {
  const policy = headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

async function post(portal: TestPortal, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${portal.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** `{ __typename }` with a variable that makes the JSON body about `bytes` long. */
function paddedBody(bytes: number): string {
  return JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(bytes) } });
}

/** The body was read and the query run: 200 and `{ __typename }`'s answer. */
async function expectAnswered(portal: TestPortal, body: string): Promise<void> {
  const { status, text } = await post(portal, body);
  expect(status).toBe(200);
  expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
}

describeOnDialects('HTTP hardening on %s', (suite) => {
  const webDist = writeWebDist({ 'index.html': '<!doctype html><title>Portal</title>' });
  const webDistDir = webDist.dir;
  /** defaults, outside production, over http */
  const portal = suite.startPortal({ WEB_DIST_DIR: webDistDir });
  /** production behind https, introspection off, a small cost limit, Stripe configured */
  const production = suite.startPortal({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://portal.example',
    WEB_DIST_DIR: webDistDir,
    GRAPHQL_INTROSPECTION: 'false',
    GRAPHQL_MAX_COST: '50',
    STRIPE_SECRET_KEY: 'sk_test_hardening',
    STRIPE_WEBHOOK_SECRET: 'whsec_hardening',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_hardening',
    STRIPE_API_BASE: 'http://127.0.0.1:9',
  });
  afterAll(() => webDist.remove());

  describe('GraphQL limits, before anything runs', () => {
    it.each([
      ['QUERY_TOO_COSTLY', TOO_COSTLY, DEFAULT_GRAPHQL_LIMITS.maxCost, 20301],
      ['QUERY_TOO_DEEP', TOO_DEEP, DEFAULT_GRAPHQL_LIMITS.maxDepth, 12],
      ['TOO_MANY_ALIASES', TOO_MANY_ALIASES, DEFAULT_GRAPHQL_LIMITS.maxAliases, 16],
      ['TOO_MANY_DIRECTIVES', TOO_MANY_DIRECTIVES, DEFAULT_GRAPHQL_LIMITS.maxDirectives, 21],
      ['TOO_MANY_TOKENS', TOO_MANY_TOKENS, DEFAULT_GRAPHQL_LIMITS.maxTokens, undefined],
    ])(
      'should refuse with 400 and %s, naming the limit, before authorization or a resolver runs',
      async (code, query, max, actual) => {
        const { status, errors, data } = await portal.gql(query);
        expect(status).toBe(400);
        expect(data).toBeUndefined();
        expect(errors).toEqual([
          {
            message: expect.stringContaining(String(max)),
            extensions: actual === undefined ? { code, max } : { code, max, actual },
          },
        ]);
      },
    );

    it.each([
      ['en', 'The query could return about 20301 objects; the limit is 5000.'],
      ['nl', 'De query kan ongeveer 20301 objecten opleveren; de limiet is 5000.'],
      ['sv', 'Frågan kan ge omkring 20301 objekt; gränsen är 5000.'],
      ['fr', 'La requête pourrait renvoyer environ 20301 objets ; la limite est de 5000.'],
    ])('should explain the refusal in the language asked for (%s)', async (locale, start) => {
      const { errors } = await portal.gql(TOO_COSTLY, {}, { acceptLanguage: locale });
      expect(errors?.[0]?.message.startsWith(start)).toBe(true);
    });

    it.each([
      ['QUERY_TOO_COSTLY', TOO_COSTLY, 'De query kan ongeveer 20301 objecten opleveren'],
      ['QUERY_TOO_DEEP', TOO_DEEP, 'De query nest velden 12 niveaus diep; de limiet is 10.'],
      ['TOO_MANY_ALIASES', TOO_MANY_ALIASES, 'De query gebruikt 16 aliassen; de limiet is 15.'],
      [
        'TOO_MANY_DIRECTIVES',
        TOO_MANY_DIRECTIVES,
        'De query gebruikt 21 directieven; de limiet is 20.',
      ],
      [
        'TOO_MANY_TOKENS',
        TOO_MANY_TOKENS,
        `De query is te lang: meer dan ${DEFAULT_GRAPHQL_LIMITS.maxTokens} tokens.`,
      ],
    ])('should word %s in Dutch when the request asks for Dutch', async (code, query, start) => {
      const { status, errors } = await portal.gql(query, {}, { acceptLanguage: 'nl' });
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions?.['code']).toBe(code);
      expect(errors?.[0]?.message.startsWith(start)).toBe(true);
    });

    it('should count `first` from the variables and run the same query with a smaller page', async () => {
      const company = await buildCompany(portal.dataSource);
      const token = await tokenFor(
        portal.dataSource,
        await buildPerson(portal.dataSource, company),
      );
      const query = `query ($sites: Int, $users: Int) { sites(first: $sites) { edges { node {
        entryUsers(first: $users) { edges { node { id } } } } } } }`;
      const big = await portal.gql(query, { sites: 100, users: 100 }, { token });
      expect(big.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COSTLY');
      const small = await portal.gql(query, { sites: 100, users: 20 }, { token });
      expect(small.status).toBe(200);
      expect(small.errors).toBeUndefined();
    });

    it('should hold a request to the GRAPHQL_MAX_COST it was configured with', async () => {
      const query = '{ sites(first: 30) { edges { node { id } } } }';
      const { status, errors } = await production.gql(query);
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', max: 50, actual: 61 });
      // the default allows it: the refusal is the setting's
      expect((await portal.gql(query)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  describe('`first` is 1..100 on every list', () => {
    let token: string;
    let operatorToken: string;
    let siteId: string;

    beforeAll(async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const person = await buildPerson(portal.dataSource, company, {
        accessLevel: 'PAYMENT_ADMIN',
      });
      token = await tokenFor(portal.dataSource, person);
      operatorToken = await tokenFor(portal.dataSource, await buildOperator(portal.dataSource));
      siteId = (await buildSite(portal.dataSource, company)).id;
    });

    it.each([
      ['sites', 101, '{ sites(first: 101) { totalCount } }'],
      ['people', 0, '{ people(first: 0) { totalCount } }'],
      ['auditEvents', 101, '{ auditEvents(first: 101) { totalCount } }'],
      ['Company.invoices', 0, '{ company { invoices(first: 0) { totalCount } } }'],
      ['Person.sites', 101, '{ me { sites(first: 101) { totalCount } } }'],
      [
        'Site.entryUsers',
        -1,
        'query ($id: ID!) { site(id: $id) { entryUsers(first: -1) { totalCount } } }',
      ],
      ['pendingRegistrations', 101, '{ pendingRegistrations(first: 101) { id } }'],
    ])(
      'should refuse %s(first: %d) with BAD_USER_INPUT naming the bounds',
      async (list, _first, query) => {
        const viewer = list === 'pendingRegistrations' ? operatorToken : token;
        const { errors } = await portal.gql(query, { id: siteId }, { token: viewer });
        expect(errors).toHaveLength(1);
        expect(errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'first',
          min: 1,
          max: 100,
        });
      },
    );

    it('should answer a page of 100, the most allowed', async () => {
      const { errors } = await portal.gql('{ sites(first: 100) { totalCount } }', {}, { token });
      expect(errors).toBeUndefined();
    });
  });

  describe('requests', () => {
    it.each([
      [
        'en',
        'Send one operation per request: batches (a JSON array of operations) are not accepted.',
      ],
      [
        'nl',
        'Stuur één operatie per verzoek: batches (een JSON-lijst van operaties) worden niet aanvaard.',
      ],
      [
        'fr',
        'Envoyez une opération par requête : les lots (un tableau JSON d’opérations) ne sont pas acceptés.',
      ],
    ])(
      'should refuse a batch (a JSON array of operations) with a 400 in the language asked for (%s)',
      async (language, message) => {
        const batch = JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
        const { status, headers, text } = await post(portal, batch, {
          'accept-language': language,
        });
        expect(status).toBe(400);
        expect(headers.get('content-type')).toMatch(/json/);
        expect(JSON.parse(text)).toEqual({
          errors: [{ message, extensions: { code: 'BAD_REQUEST' } }],
        });
      },
    );

    it('should answer a body over 128 KB with 413 and a GraphQL error naming the limit and the import routes, in the language asked for', async () => {
      const body = paddedBody(GRAPHQL_BODY_LIMIT_BYTES);
      const { status, headers, text } = await post(portal, body, { 'accept-language': 'sv' });
      expect(status).toBe(413);
      expect(headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual({
        errors: [
          {
            message:
              'Begäran är för stor: högst 128 kB tas emot. Skicka större CSV-filer med Entry app-användare till POST /api/sites/{siteId}/entry-users/import (eller …/import/preview).',
            extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: GRAPHQL_BODY_LIMIT_BYTES },
          },
        ],
      });
    });

    it('should answer a body over 128 KB in Dutch when the request asks for Dutch', async () => {
      const body = paddedBody(GRAPHQL_BODY_LIMIT_BYTES);
      const { status, text } = await post(portal, body, { 'accept-language': 'nl' });
      expect(status).toBe(413);
      expect(JSON.parse(text).errors[0].message).toBe(
        'Het verzoek is te groot: maximaal 128 KB wordt geaccepteerd. Stuur grotere CSV-bestanden met Entry app-gebruikers naar POST /api/sites/{siteId}/entry-users/import (of …/import/preview).',
      );
    });

    it('should accept a body just under 128 KB', async () => {
      await expectAnswered(portal, paddedBody(GRAPHQL_BODY_LIMIT_BYTES - 100));
    });

    it.each([
      ['en', 'The request nests JSON arrays and objects more than 32 levels deep.'],
      ['nl', 'Het verzoek nest JSON-lijsten en -objecten meer dan 32 niveaus diep.'],
      ['sv', 'Begäran nästlar JSON-listor och -objekt mer än 32 nivåer djupt.'],
      ['fr', 'La requête imbrique des tableaux et objets JSON sur plus de 32 niveaux.'],
    ])(
      'should refuse variables nested deeper than the limit with 400 JSON_TOO_DEEP in the language asked for (%s)',
      async (language, message) => {
        const variables = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
        const body = `{"query":"{ __typename }","variables":{"deep":${variables}}}`;
        const { status, text } = await post(portal, body, { 'accept-language': language });
        expect(status).toBe(400);
        expect(JSON.parse(text)).toEqual({
          errors: [{ message, extensions: { code: 'JSON_TOO_DEEP', maxDepth: MAX_JSON_DEPTH } }],
        });
      },
    );

    it('should accept nesting up to the limit, and brackets inside strings', async () => {
      const nested = `${'['.repeat(MAX_JSON_DEPTH - 2)}${']'.repeat(MAX_JSON_DEPTH - 2)}`;
      const brackets = JSON.stringify('[{'.repeat(1000));
      await expectAnswered(
        portal,
        `{"query":"{ __typename }","variables":{"a":${nested},"b":${brackets}}}`,
      );
    });

    it('should refuse deeply nested bodies without holding the event loop, and keep /healthz answering, when they come at once', async () => {
      // 5 million arrays deep held the loop 4.4 s when /graphql parsed 10 MB bodies
      // built beforehand: the test client shares the server's event loop
      const deepBody = (depth: number) =>
        Buffer.from(
          `{"query":"{ __typename }","variables":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
        );
      const underLimit = deepBody(GRAPHQL_BODY_LIMIT_BYTES / 2 - 100);
      const overLimit = deepBody(5_000_000);
      const { result, longestStallMs, healthLatenciesMs } = await measureRequest(
        `${portal.url}/healthz`,
        () =>
          Promise.all(
            [underLimit, overLimit, underLimit].map((body) =>
              postInChunks(`${portal.url}/graphql`, body, { 'content-type': 'application/json' }),
            ),
          ),
      );
      expect(result.map(({ status }) => status)).toEqual([400, 413, 400]);
      // The goal is ~50 ms and bench/abuse.ts measures it; this only guards against the old
      // seconds-long stall (4.4 s), with room for a test machine busy with other work (564 ms
      // was seen on 2 cores shared with a browser build).
      expect(longestStallMs).toBeLessThan(1_000);
      expect(Math.max(...healthLatenciesMs)).toBeLessThan(1_500);
    });

    it.each([
      ['GET', undefined, undefined],
      ['POST', 'text/plain', JSON.stringify({ query: 'mutation { signOut }' })],
      ['POST', 'application/x-www-form-urlencoded', 'query=mutation%20%7B%20signOut%20%7D'],
      [
        'POST',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { signOut }\r\n--x--',
      ],
    ])(
      'should refuse a %s %s a browser could send cross-site without a preflight',
      async (method, contentType, body) => {
        const url = `${portal.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
        const response = await fetch(url, {
          method,
          headers: {
            'accept-language': 'sv',
            ...(contentType ? { 'content-type': contentType } : {}),
          },
          body,
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          errors: [
            {
              message:
                'Nekad som en möjlig begäran från en annan webbplats: skicka den med Content-Type: application/json, eller med ett icke-tomt huvud x-apollo-operation-name, apollo-require-preflight.',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      },
    );

    it('should run the same GET once it carries a header that forces a preflight', async () => {
      const url = `${portal.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('introspection and suggestions', () => {
    const INTROSPECTION = '{ __schema { queryType { name } } }';

    it('should answer introspection by default (GRAPHQL_INTROSPECTION unset)', async () => {
      const { status, data } = await portal.gql(INTROSPECTION);
      expect(status).toBe(200);
      expect(data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('should refuse introspection when GRAPHQL_INTROSPECTION=false', async () => {
      const { status, data, errors } = await production.gql(INTROSPECTION);
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0]?.message).toMatch(/introspection/i);
    });

    it.each(TYPOS)('should suggest a name outside production for %s', async (query) => {
      const { errors } = await portal.gql(query);
      expect(errors?.map((error) => error.message).join(' ')).toMatch(/Did you mean/);
    });

    it.each(TYPOS)('should never suggest a name in production for %s', async (query) => {
      const { status, errors } = await production.gql(query);
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(errors)).not.toMatch(/Did you mean/i);
    });
  });

  describe("malformed queries, in the requester's language", () => {
    it.each([
      ['en', 'The query is not valid GraphQL: Syntax Error'],
      ['nl', 'De query is geen geldige GraphQL: Syntax Error'],
      ['sv', 'Frågan är inte giltig GraphQL: Syntax Error'],
      ['fr', "La requête n'est pas du GraphQL valide: Syntax Error"],
    ])(
      "should lead a parse failure with a sentence in %s, then the parser's detail",
      async (acceptLanguage, start) => {
        const { status, errors } = await portal.gql('{ sites(first: ', {}, { acceptLanguage });
        expect(status).toBe(400);
        expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
        expect(errors?.[0]?.message.startsWith(start)).toBe(true);
      },
    );

    it('should lead a query that does not fit the schema the same way', async () => {
      const { status, errors } = await portal.gql('{ nope }', {}, { acceptLanguage: 'sv-SE' });
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0]?.message).toBe(
        'Frågan stämmer inte med schemat: Cannot query field "nope" on type "Query".',
      );
    });
  });

  describe('Cache-Control on every GraphQL answer and every export', () => {
    /** Every way into /graphql and /api, with the status each answers here. */
    async function everyRoute(): Promise<Array<[name: string, status: number, headers: Headers]>> {
      const company = await buildCompany(portal.dataSource);
      const token = await tokenFor(
        portal.dataSource,
        await buildPerson(portal.dataSource, company),
      );
      const site = await buildSite(portal.dataSource, company);
      await buildEntryUser(portal.dataSource, site);
      const invoice = await buildInvoice(portal.dataSource, company);
      const auth = { authorization: `Bearer ${token}` };
      const json = { 'content-type': 'application/json' };
      const api = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${portal.url}/api${path}`, init);
        await response.arrayBuffer();
        return [response.status, response.headers] as const;
      };
      const graphql = async (body: string, target = portal) => {
        const { status, headers } = await post(target, body);
        return [status, headers] as const;
      };
      const query = (text: string) => JSON.stringify({ query: text });
      const tooLarge = JSON.stringify({
        query: '{ __typename }',
        variables: { padding: 'x'.repeat(11 * 1024 * 1024) },
      });
      const preflighted = await fetch(
        `${portal.url}/graphql?query=${encodeURIComponent('{ __typename }')}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      );
      await preflighted.arrayBuffer();
      const routes: Array<[string, readonly [number, Headers]]> = [
        ['POST /graphql answered', await graphql(query('{ __typename }'))],
        ['GET /graphql answered', [preflighted.status, preflighted.headers]],
        ['POST /graphql refused by a resolver', await graphql(query('{ company { id } }'))],
        ['POST /graphql that does not parse', await graphql(query('{ me {'))],
        ['POST /graphql over the cost limit', await graphql(query(TOO_COSTLY))],
        ['POST /graphql batch', await graphql(JSON.stringify([{ query: '{ __typename }' }]))],
        ['POST /graphql unreadable JSON', await graphql('{"query": ')],
        ['POST /graphql too large', await graphql(tooLarge)],
        ['POST /graphql in production', await graphql(query('{ __typename }'), production)],
        ['GET /api/audit-events.csv', await api('/audit-events.csv', { headers: auth })],
        ['GET /api/audit-events.csv signed out', await api('/audit-events.csv')],
        [
          'GET /api/sites/:siteId/entry-users.csv',
          await api(`/sites/${site.id}/entry-users.csv`, { headers: auth }),
        ],
        [
          'GET /api/sites/:siteId/entry-users.csv of an unknown site',
          await api(`/sites/${invoice.id}/entry-users.csv`, { headers: auth }),
        ],
        [
          'POST /api/sites/:siteId/entry-users/import',
          await api(`/sites/${site.id}/entry-users/import`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'text/csv' },
            body: 'first_name,last_name,email,apartment\nAda,Lovelace,ada@example.com,1\n',
          }),
        ],
        ['GET /api/invoices/:id.pdf', await api(`/invoices/${invoice.id}.pdf`, { headers: auth })],
        ['GET /api/invoices/:id.csv', await api(`/invoices/${invoice.id}.csv`, { headers: auth })],
        ['GET /api/invoices/:id.pdf signed out', await api(`/invoices/${invoice.id}.pdf`)],
        ['GET /api/dev/outbox', await api('/dev/outbox')],
        [
          'POST /api/stripe/webhook unsigned',
          await fetch(`${production.url}/api/stripe/webhook`, {
            method: 'POST',
            headers: json,
            body: '{}',
          }).then(async (response) => {
            await response.arrayBuffer();
            return [response.status, response.headers] as const;
          }),
        ],
      ];
      return routes.map(([name, [status, headers]]) => [name, status, headers]);
    }

    it('should send Cache-Control: no-store with every answer of /graphql and /api when they hold data or errors', async () => {
      const routes = await everyRoute();
      expect(
        routes.map(([name, status, headers]) => [name, status, headers.get('cache-control')]),
      ).toEqual([
        ['POST /graphql answered', 200, 'no-store'],
        ['GET /graphql answered', 200, 'no-store'],
        ['POST /graphql refused by a resolver', 200, 'no-store'],
        ['POST /graphql that does not parse', 400, 'no-store'],
        ['POST /graphql over the cost limit', 400, 'no-store'],
        ['POST /graphql batch', 400, 'no-store'],
        ['POST /graphql unreadable JSON', 400, 'no-store'],
        ['POST /graphql too large', 413, 'no-store'],
        ['POST /graphql in production', 200, 'no-store'],
        ['GET /api/audit-events.csv', 200, 'no-store'],
        ['GET /api/audit-events.csv signed out', 401, 'no-store'],
        ['GET /api/sites/:siteId/entry-users.csv', 200, 'no-store'],
        ['GET /api/sites/:siteId/entry-users.csv of an unknown site', 404, 'no-store'],
        ['POST /api/sites/:siteId/entry-users/import', 200, 'no-store'],
        ['GET /api/invoices/:id.pdf', 200, 'no-store'],
        ['GET /api/invoices/:id.csv', 200, 'no-store'],
        ['GET /api/invoices/:id.pdf signed out', 401, 'no-store'],
        ['GET /api/dev/outbox', 200, 'no-store'],
        ['POST /api/stripe/webhook unsigned', 400, 'no-store'],
      ]);
    });

    it('should let the public CSV template be cached when it holds no data', async () => {
      const response = await fetch(`${portal.url}/api/entry-users-template.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    });
  });

  describe('headers and cookies', () => {
    it('should send the security headers and a strict CSP with the web app', async () => {
      const response = await fetch(`${portal.url}/`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
      expect(cspDirectives(response.headers)).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'frame-src': ["'none'"],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
      });
    });

    it('should allow Stripe.js and its frames in the CSP only when Stripe is configured', async () => {
      const response = await fetch(`${production.url}/billing`, {
        headers: { accept: 'text/html' },
      });
      expectSecurityHeaders(response.headers);
      expect(cspDirectives(response.headers)).toMatchObject({
        'script-src': ["'self'", 'https://js.stripe.com'],
        'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
        'connect-src': ["'self'", 'https://api.stripe.com'],
        'frame-ancestors': ["'none'"],
      });
    });

    it('should send the security headers with /graphql and /api answers', async () => {
      const graphql = await portal.gql('{ __typename }');
      expectSecurityHeaders(graphql.headers);
      const api = await fetch(
        `${portal.url}/api/invoices/00000000-0000-0000-0000-000000000000.pdf`,
      );
      expect(api.status).toBe(401);
      expectSecurityHeaders(api.headers);
    });

    it('should set a plain HttpOnly SameSite=Lax session cookie over http', async () => {
      const operator = await buildOperator(portal.dataSource);
      const { headers, data } = await portal.gql<{ signIn: { token: string } }>(SIGN_IN, {
        email: operator.email,
        password: OPERATOR_TEST_PASSWORD,
      });
      const cookie = headers.get('set-cookie')!;
      expect(cookie.startsWith(`portal_session=${data!.signIn.token};`)).toBe(true);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Secure/i);
    });

    it('should set a __Host- cookie, Secure, HttpOnly, SameSite=Lax, without Domain, behind https', async () => {
      const operator = await buildOperator(production.dataSource);
      const { headers, data } = await production.gql<{ signIn: { token: string } }>(SIGN_IN, {
        email: operator.email,
        password: OPERATOR_TEST_PASSWORD,
      });
      const cookie = headers.get('set-cookie')!;
      expect(cookie.startsWith(`__Host-portal_session=${data!.signIn.token};`)).toBe(true);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/Domain=/i);
    });
  });
});
