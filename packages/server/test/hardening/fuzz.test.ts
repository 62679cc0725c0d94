import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { buildPortalSchema } from '../../src/graphql/schema';
import {
  buildCompany,
  buildEntryUser,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import { describeOnDialects } from '../support/dialects';
import { leaksIn } from '../support/leaks';

/**
 * Property: whatever a client sends, a production server's answer shows no stack trace, SQL,
 * driver error or file path, and is never an HTML error page. The operations come from the
 * schema itself (every Query and Mutation field), their arguments from their types, bent into
 * hostile values. A fixed seed makes a failure reproducible: fast-check prints the seed and the
 * path of the smallest failing input; FUZZ_SEED and FUZZ_RUNS override them.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_203);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);

const HOSTILE_STRINGS = [
  '',
  ' ',
  "'",
  '"',
  '\\',
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  '" OR 1=1 --',
  '1; SELECT * FROM session',
  "') UNION SELECT passwordHash FROM person --",
  '%',
  '_',
  '\u0000',
  'a\u0000b',
  '\u202egnp.exe',
  '𝕳𝖊𝖑𝖑𝖔 🧨 ẞ ı İ',
  '\uD800',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"admin":true}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '%s%s%s%n',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  'x'.repeat(70_000),
  'eyJpZCI6IjEifQ==',
  'bm90IGpzb24',
  '!!!not-base64!!!',
  '2026-13-45T25:61:61Z',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
];

const HUGE_INTS = [
  0,
  -1,
  1,
  100,
  101,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  2 ** 53,
  -(2 ** 53),
  1e21,
];

/** Any JSON value: what a client sends when it gets the type wrong. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'id'), fc.string(), {
    maxKeys: 2,
  }),
);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
);

interface KnownIds {
  readonly ids: readonly string[];
}

/** A value for an argument of this type: mostly plausible and hostile, sometimes the wrong type. */
function valueFor(type: GraphQLInputType, known: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 40, arbitrary: valueFor(type.ofType, known, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const plausible = plausibleValueFor(type, known, depth);
  // mostly well-typed, so that most requests get past validation into the resolvers
  return fc.oneof(
    { weight: 30, arbitrary: plausible },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function plausibleValueFor(
  type: GraphQLInputType,
  known: KnownIds,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type, known, depth);
  if (isListType(type)) {
    return fc.array(valueFor(type.ofType as GraphQLInputType, known, depth + 1), {
      maxLength: 3,
    });
  }
  if (isEnumType(type)) {
    return fc.constantFrom(...type.getValues().map((value) => value.name), 'NOT_A_VALUE', '');
  }
  if (isInputObjectType(type)) {
    if (depth > 2) return fc.constant({});
    return fc
      .tuple(
        argumentsFor(Object.values(type.getFields()), known, depth + 1),
        fc.oneof(
          { weight: 9, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom('__proto__', 'unknownField', 'constructor') },
        ),
      )
      .map(([value, extra]) => (extra ? { ...value, [extra]: 'x' } : value));
  }
  switch (type.name) {
    case 'Int':
      return fc.oneof(fc.constantFrom(...HUGE_INTS), fc.integer({ min: -5, max: 150 }));
    case 'Float':
      return fc.double({ noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.oneof(fc.constantFrom(...known.ids), fc.uuid(), hostileString);
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        hostileString,
      );
    default:
      return hostileString;
  }
}

/** Values for arguments or input fields: the required ones nearly always, the others sometimes. */
function argumentsFor(
  fields: ReadonlyArray<{ readonly name: string; readonly type: GraphQLInputType }>,
  known: KnownIds,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) record[field.name] = valueFor(field.type, known, depth);
  const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
  return fc.oneof(
    { weight: 19, arbitrary: fc.record(record, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
  );
}

/** A selection of the return type: its leaves, and the leaves of its objects, two levels deep. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values((named as GraphQLObjectType).getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth < 2) parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** A GraphQL literal of a JSON value (wrong types included: the server must refuse them). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([key, inner]) => `${key}: ${literal(inner)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

interface Operation {
  readonly kind: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
}

interface Request {
  readonly operation: string;
  readonly query: string;
  readonly variables: Record<string, unknown> | undefined;
  /** everything the request carries that the server may legitimately echo back */
  readonly echoes: string[];
}

function requestFor(
  operation: Operation,
  args: Record<string, unknown>,
  inline: boolean,
  extraArgument: boolean,
): Request {
  const { field, kind } = operation;
  const given = field.args.filter((arg) => arg.name in args);
  const selection = selectionOf(field.type);
  const unknownArgument = extraArgument ? ['notAnArgument: 1'] : [];
  let query: string;
  let variables: Record<string, unknown> | undefined;
  if (inline) {
    const list = [
      ...given.map((arg) => `${arg.name}: ${literal(args[arg.name])}`),
      ...unknownArgument,
    ];
    query = `${kind} { ${field.name}${list.length ? `(${list.join(', ')})` : ''} ${selection} }`;
  } else {
    const declared = given.map((arg) => `$${arg.name}: ${String(arg.type)}`);
    const list = [...given.map((arg) => `${arg.name}: $${arg.name}`), ...unknownArgument];
    query = `${kind} Fuzz${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${
      list.length ? `(${list.join(', ')})` : ''
    } ${selection} }`;
    variables = Object.fromEntries(given.map((arg) => [arg.name, args[arg.name]]));
  }
  return { operation: field.name, query, variables, echoes: stringsIn(args) };
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

/** The body without what the request itself carried (an echoed "SELECT" is not a leak). */
function scrub(body: string, echoes: readonly string[]): string {
  let scrubbed = body;
  const forms = echoes
    .filter((echo) => echo.length >= 3)
    .flatMap((echo) => [
      echo,
      JSON.stringify(echo).slice(1, -1),
      JSON.stringify(JSON.stringify(echo)).slice(1, -1),
    ])
    .sort((a, b) => b.length - a.length);
  for (const form of forms) scrubbed = scrubbed.split(form).join('«input»');
  return scrubbed;
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** What is wrong with an answer for production; empty when nothing is. */
function problemsWith(answer: Answer, echoes: readonly string[]): string[] {
  const problems = leaksIn(scrub(answer.body, echoes));
  if (answer.status >= 500 && answer.contentType.includes('html')) {
    problems.push(`an HTML error page with status ${answer.status}`);
  }
  if (answer.status >= 500 && answer.status !== 503) {
    problems.push(`status ${answer.status}: hostile input must be refused, not crash the server`);
  }
  if (/INTERNAL_SERVER_ERROR/.test(answer.body)) {
    problems.push('INTERNAL_SERVER_ERROR: a bad input reached code that did not expect it');
  }
  return problems;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

function expectClean(answer: Answer, echoes: readonly string[], sent: string): void {
  const problems = problemsWith(answer, echoes);
  if (problems.length === 0) return;
  throw new Error(
    `${problems.join('\n')}\nrequest: ${sent.slice(0, 2000)}\nanswer ${answer.status}: ${answer.body.slice(0, 2000)}`,
  );
}

describeOnDialects('production answers to hostile requests on %s', (suite) => {
  const portal = suite.startPortal({ NODE_ENV: 'production' });
  let schema: GraphQLSchema;
  let operations: Operation[];
  let known: KnownIds;
  let tokens: () => Promise<Record<'anonymous' | 'paymentAdmin' | 'operator', string | null>>;

  beforeAll(async () => {
    schema = await buildPortalSchema();
    const byKind = (kind: 'query' | 'mutation', type: GraphQLObjectType | null | undefined) =>
      Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
    operations = [
      ...byKind('query', schema.getQueryType()),
      ...byKind('mutation', schema.getMutationType()),
    ];
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const admin = await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    const site = await buildSite(portal.dataSource, company);
    const user = await buildEntryUser(portal.dataSource, site);
    const operator = await buildOperator(portal.dataSource);
    known = { ids: [admin.id, company.id, site.id, user.id, operator.id] };
    // fresh sessions for each run: a fuzzed signOut (or a disabled account) ends the old ones
    tokens = async () => ({
      anonymous: null,
      paymentAdmin: await tokenFor(portal.dataSource, admin),
      operator: await tokenFor(portal.dataSource, operator),
    });
  });

  it('should list every Query and Mutation field of the schema to fuzz', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((operation) => operation.field.name)).toEqual(
      expect.arrayContaining(['me', 'sites', 'people', 'signIn', 'importEntryUsers', 'payInvoice']),
    );
  });

  it('should never show a stack, SQL or a path, whatever the operation, arguments and viewer', async () => {
    const operationAndArgs = fc.integer({ min: 0, max: operations.length - 1 }).chain((index) => {
      const operation = operations[index]!;
      return fc.tuple(fc.constant(operation), argumentsFor(operation.field.args, known));
    });
    await fc.assert(
      fc.asyncProperty(
        operationAndArgs,
        fc.constantFrom('anonymous', 'paymentAdmin', 'operator') as fc.Arbitrary<
          'anonymous' | 'paymentAdmin' | 'operator'
        >,
        // inline literals a quarter of the time, an argument the field does not have rarely
        fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        fc.constantFrom('en', 'sv', 'xx-YY', '*', ';;;'),
        async ([operation, args], viewer, inline, extraArgument, language) => {
          const request = requestFor(operation, args, inline, extraArgument);
          const token = (await tokens())[viewer];
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            'accept-language': language,
          };
          if (token) headers['authorization'] = `Bearer ${token}`;
          const body = JSON.stringify({ query: request.query, variables: request.variables });
          const answer = await post(`${portal.url}/graphql`, body, headers);
          expectClean(answer, request.echoes, body);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it('should answer malformed GraphQL requests with a JSON error, never a stack', async () => {
    const malformed = fc.oneof(
      fc.constantFrom(
        '',
        '{',
        'null',
        '[]',
        '"query"',
        '{"query": 1}',
        '{"query": null}',
        '{"query": "{ me { id } }", "variables": "not an object"}',
        '{"query": "{ me { id } }", "variables": [1, 2]}',
        '{"query": "query ($n: Int!) { sites(first: $n) { totalCount } }", "variables": {"n": "ten"}}',
        '{"query": "{ sites(first: -1) { totalCount } }"}',
        '{"query": "{ sites(first: 99999999999) { totalCount } }"}',
        '{"query": "{ sites(after: \\"!!!\\") { totalCount } }"}',
        '{"query": "{ me { id } }", "operationName": {"x": 1}}',
        '{"query": "{ me { id } }", "operationName": "Missing"}',
        '{"query": "{ notAField }"}',
        '{"query": "{ me { id } } { me { id } }"}',
        '{"query": "{ __proto__ }"}',
        '{"__proto__": {"query": "{ me { id } }"}}',
        '{"query": "{ me { id } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}',
        '[{"query": "{ me { id } }"}, {"query": "{ me { id } }"}]',
        `{"query": "${'{ me '.repeat(300)}"}`,
        `${'['.repeat(10_000)}`,
        '{"query": "\u0000"}',
      ),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=latin1',
      'application/graphql-response+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    );
    await fc.assert(
      fc.asyncProperty(
        malformed,
        contentType,
        fc.boolean(),
        fc.boolean(),
        async (body, type, signedIn, preflight) => {
          const headers: Record<string, string> = { 'content-type': type };
          // without it, text/plain and forms stop at CSRF prevention; with it they get parsed
          if (preflight) headers['apollo-require-preflight'] = 'true';
          if (signedIn) headers['authorization'] = `Bearer ${(await tokens()).paymentAdmin}`;
          const answer = await post(`${portal.url}/graphql`, body, headers);
          expectClean(answer, [body], body);
          expect(answer.contentType).toMatch(/json/);
        },
      ),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, 120_000);

  it('should keep REST answers clean for hostile path segments and bodies', async () => {
    const paths = (segment: string) => [
      `/api/sites/${segment}/entry-users.csv`,
      `/api/invoices/${segment}.pdf`,
      `/api/invoices/${segment}.csv`,
      `/api/audit-events.csv?from=${segment}&kind=${segment}`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.constantFrom(...known.ids)),
        fc.boolean(),
        fc.string({ maxLength: 100 }),
        async (raw, signedIn, csv) => {
          // a lone surrogate cannot be percent-encoded: it goes as U+FFFD, as a browser sends it
          const segment = encodeURIComponent(Buffer.from(raw.slice(0, 2000)).toString());
          const headers: Record<string, string> = {};
          if (signedIn) headers['authorization'] = `Bearer ${(await tokens()).paymentAdmin}`;
          for (const path of paths(segment)) {
            const response = await fetch(`${portal.url}${path}`, { headers });
            const answer = {
              status: response.status,
              contentType: response.headers.get('content-type') ?? '',
              body: await response.text(),
            };
            expectClean(answer, [raw, segment], path);
          }
          const imported = await post(
            `${portal.url}/api/sites/${segment}/entry-users/import`,
            csv,
            { ...headers, 'content-type': 'text/csv' },
          );
          expectClean(imported, [raw, segment, csv], `import ${segment}`);
        },
      ),
      { seed: SEED, numRuns: Math.ceil(RUNS / 5), endOnFailure: true },
    );
  }, 120_000);
});
