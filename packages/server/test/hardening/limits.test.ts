import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  getIntrospectionQuery,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LIMITS } from '@entry/shared';
import * as benchQueries from '../../bench/queries';
import { buildPortalSchema } from '../../src/graphql/schema';
import { localizedErrorMessage } from '../../src/graphql/errors';
import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config/graphql-limits';
import {
  countTokens,
  exceededLimit,
  limitError,
  measureOperation,
  type OperationMeasures,
} from '../../src/graphql/limits';

const WEB_SRC = path.resolve(__dirname, '../../../web/src');

/** The web app's source files that may hold GraphQL documents (not tests, not generated code). */
function webSourceFiles(directory = WEB_SRC): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory())
      return ['gql', '__tests__', 'test'].includes(entry.name) ? [] : webSourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface NamedDocument {
  readonly source: string;
  readonly name: string;
  readonly text: string;
}

/**
 * The operations inside graphql(`…`) calls (operations.ts and the like), read as text, each with
 * the definitions of the fragments it spreads (and those spread by them) appended: what the
 * browser really sends (graphql-documents.plugin.ts). The client preset allows no interpolation.
 */
function webDocuments(): NamedDocument[] {
  const texts = webSourceFiles().flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)].map((match) => ({
      source: path.relative(WEB_SRC, file),
      text: match[1]!,
    })),
  );
  const fragments = new Map<string, string>();
  for (const { text } of texts) {
    const name = /^\s*fragment\s+(\w+)/.exec(text)?.[1];
    if (name) fragments.set(name, text);
  }
  const withFragments = (text: string, seen = new Set<string>()): string =>
    [...text.matchAll(/\.\.\.\s*(\w+)/g)]
      .map((spread) => spread[1]!)
      .filter((name) => fragments.has(name) && !seen.has(name) && seen.add(name))
      .reduce((sent, name) => `${sent}\n${withFragments(fragments.get(name)!, seen)}`, text);
  return texts
    .filter(({ text }) => !/^\s*fragment\s/.test(text))
    .map(({ source, text }) => ({
      source,
      name: /(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? '(anonymous)',
      text: withFragments(text),
    }));
}

/** The operations graphql-codegen found in the web app: `export const XDocument = …`. */
function generatedDocumentNames(): string[] {
  const generated = fs.readFileSync(path.join(WEB_SRC, 'gql/graphql.ts'), 'utf8');
  return [...generated.matchAll(/^export const (\w+)Document = /gm)].map((match) => match[1]!);
}

/** How many people's sites a row of the People list shows: SITES_IN_ROW in the web app. */
function sitesInRow(): number {
  const text = fs.readFileSync(path.join(WEB_SRC, 'features/people/operations.ts'), 'utf8');
  const value = /export const SITES_IN_ROW = (\d+)/.exec(text)?.[1];
  if (!value) throw new Error('SITES_IN_ROW not found in the web app');
  return Number(value);
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation in the document');
  return operation;
}

/**
 * The worst the web app can ask: every page at the most the API gives (100), except a page
 * inside each row of another page, which the web app keeps small (People: SITES_IN_ROW).
 */
function worstCaseVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type =
      definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    if (type.kind === Kind.NAMED_TYPE && type.name.value === 'Int') variables[name] = 100;
  }
  if ('sitesInRow' in variables) variables['sitesInRow'] = sitesInRow();
  return variables;
}

function measure(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
): OperationMeasures {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return measureOperation(schema, document, operationOf(document), variables);
}

describe('GraphQL limits', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildPortalSchema();
  });

  describe('every operation the web app and the benchmarks send', () => {
    const documents = webDocuments();

    it('should find every operation the web app has (codegen lists them)', () => {
      const found = documents.map((document) => document.name);
      expect(found.length).toBeGreaterThanOrEqual(40);
      expect(generatedDocumentNames().filter((name) => !found.includes(name))).toEqual([]);
    });

    it('should fit within the default limits, pages at their largest, with room to spare', () => {
      const rows = documents.map(({ source, name, text }) => {
        const document = parse(text);
        expect({ name, errors: validate(schema, document) }).toEqual({ name, errors: [] });
        const operation = operationOf(document);
        const measures = measureOperation(
          schema,
          document,
          operation,
          worstCaseVariables(operation),
        );
        const tokens = countTokens(text, Number.MAX_SAFE_INTEGER)!;
        return { source, name, tokens, ...measures };
      });
      const benchRows = Object.entries(benchQueries as Record<string, unknown>)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .map(([name, text]) => {
          const measures = measure(schema, text, { first: LIMITS.pageSizeMax });
          return { source: 'bench/queries.ts', name, tokens: countTokens(text, 1e9)!, ...measures };
        });
      expect(benchRows.length).toBeGreaterThanOrEqual(4);
      const all = [...rows, ...benchRows];
      const largest = (key: keyof OperationMeasures | 'tokens') =>
        all.reduce((top, row) => (row[key] > top[key] ? row : top));
      // the figures behind DEFAULT_GRAPHQL_LIMITS, printed for whoever tunes them
      console.log(
        `${rows.length} web and ${benchRows.length} bench operations; largest: ` +
          (['depth', 'aliases', 'directives', 'tokens', 'cost'] as const)
            .map((key) => `${key} ${largest(key)[key]} (${largest(key).name})`)
            .join(', ') +
          `; costliest of the web app: ${[...rows]
            .sort((a, b) => b.cost - a.cost)
            .slice(0, 3)
            .map((row) => `${row.name} ${row.cost}`)
            .join(', ')}`,
      );
      for (const row of all) {
        expect({ name: row.name, refused: exceededLimit(row, DEFAULT_GRAPHQL_LIMITS) }).toEqual({
          name: row.name,
          refused: null,
        });
        expect(row.tokens).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxTokens);
      }
      // twice the room at least, so a new screen does not trip over them
      expect(largest('depth').depth * 1.4).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxDepth);
      expect(largest('cost').cost * 2).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxCost);
      expect(largest('tokens').tokens * 2).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxTokens);
    });
  });

  describe('cost', () => {
    it('should count a page of sites as the connection, its edges and their nodes', () => {
      const { cost } = measure(schema, '{ sites(first: 100) { edges { node { id name } } } }');
      expect(cost).toBe(1 + 100 + 100);
    });

    it('should take the default page size (20) when first is omitted', () => {
      const { cost } = measure(schema, '{ sites { edges { node { id } } } }');
      expect(cost).toBe(1 + LIMITS.pageSizeDefault * 2);
    });

    it('should read first from a variable, or the default the operation gives it', () => {
      const query = 'query ($n: Int = 7) { sites(first: $n) { edges { node { id } } } }';
      expect(measure(schema, query).cost).toBe(1 + 7 * 2);
      expect(measure(schema, query, { n: 30 }).cost).toBe(1 + 30 * 2);
    });

    it('should multiply a nested page by the page above it', () => {
      const { cost } = measure(
        schema,
        '{ sites(first: 10) { edges { node { entryUsers(first: 5) { edges { node { id } } } } } } }',
      );
      expect(cost).toBe(1 + 10 + 10 + 10 * (1 + 5 + 5));
    });

    it('should refuse 100 sites with 100 Entry app users each as too costly', () => {
      const measures = measure(
        schema,
        `{ sites(first: 100) { edges { node { entryUsers(first: 100) { edges { node { id email } } } } } } }`,
      );
      expect(measures.cost).toBe(1 + 100 + 100 + 100 * (1 + 100 + 100));
      expect(exceededLimit(measures, DEFAULT_GRAPHQL_LIMITS)).toEqual({
        code: 'QUERY_TOO_COSTLY',
        max: DEFAULT_GRAPHQL_LIMITS.maxCost,
        actual: 20301,
      });
    });

    it('should count an out-of-range first as the most a page holds (the resolver refuses it anyway)', () => {
      expect(measure(schema, '{ sites(first: 100000) { edges { node { id } } } }').cost).toBe(
        1 + 100 * 2,
      );
    });

    it('should count a list without first as UNPAGED_LIST_SIZE items, and pendingRegistrations as 100', () => {
      expect(measure(schema, '{ site(id: "x") { siteAdmins { id } } }').cost).toBe(1 + 10);
      expect(measure(schema, '{ pendingRegistrations { id } }').cost).toBe(100);
      expect(measure(schema, '{ pendingRegistrations(first: 3) { id } }').cost).toBe(3);
    });

    it('should count what fragments and inline fragments select where they are spread', () => {
      const { cost, depth } = measure(
        schema,
        `query { sites(first: 4) { ...page } }
         fragment page on SiteConnection { edges { node { ... on Site { siteAdmins { id } } } } }`,
      );
      expect(cost).toBe(1 + 4 + 4 + 4 * 10);
      expect(depth).toBe(5);
    });

    it('should measure fragments spread inside fragments in linear time', () => {
      // each level spreads the one below it 3 times: 3^12 paths, far too many to walk one by one
      const levels = Array.from({ length: 12 }, (_, level) =>
        level === 11
          ? `fragment f${level} on Query { me { id } }`
          : `fragment f${level} on Query { ...f${level + 1} ...f${level + 1} ...f${level + 1} }`,
      );
      const started = performance.now();
      const document = parse(`{ ...f0 } ${levels.join(' ')}`);
      const measures = measureOperation(schema, document, operationOf(document));
      expect(measures.cost).toBe(3 ** 11);
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });

  describe('depth, aliases and directives', () => {
    it('should count depth as the levels of fields', () => {
      expect(measure(schema, '{ me { id } }').depth).toBe(2);
      expect(
        measure(
          schema,
          '{ sites { edges { node { siteAdmins { sites { edges { node { siteAdmins { sites { edges { node { id } } } } } } } } } } } }',
        ),
      ).toMatchObject({ depth: 12 });
    });

    it('should refuse a query nested deeper than the limit, and say how deep', () => {
      const measures = measure(
        schema,
        '{ sites { edges { node { siteAdmins { sites { edges { node { siteAdmins { sites { edges { node { id } } } } } } } } } } } }',
      );
      expect(exceededLimit(measures, DEFAULT_GRAPHQL_LIMITS)).toEqual({
        code: 'QUERY_TOO_DEEP',
        max: DEFAULT_GRAPHQL_LIMITS.maxDepth,
        actual: 12,
      });
    });

    it('should count aliases and directives, also inside fragments, once per spread', () => {
      const measures = measure(
        schema,
        `query ($yes: Boolean!) { a: me { ...who } b: me @include(if: $yes) { ...who } }
         fragment who on Person { first: firstName @skip(if: false) last: lastName }`,
        { yes: true },
      );
      expect(measures.aliases).toBe(2 + 2 * 2);
      expect(measures.directives).toBe(1 + 2 * 1);
    });

    it('should refuse more aliases than allowed', () => {
      const fields = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
      expect(exceededLimit(measure(schema, `{ ${fields} }`), DEFAULT_GRAPHQL_LIMITS)).toEqual({
        code: 'TOO_MANY_ALIASES',
        max: 15,
        actual: 16,
      });
    });

    it('should refuse more directives than allowed', () => {
      const directives = Array.from({ length: 21 }, () => '@include(if: true)');
      // the same directive twice on one field is invalid: one per field
      const fields = directives.map((directive, i) => `f${i}: __typename ${directive}`).join(' ');
      const measures = measure(schema, `{ ${fields} }`);
      expect(measures.directives).toBe(21);
      expect(exceededLimit(measures, { ...DEFAULT_GRAPHQL_LIMITS, maxAliases: 100 })).toEqual({
        code: 'TOO_MANY_DIRECTIVES',
        max: 20,
        actual: 21,
      });
    });

    it('should let the full introspection query through: its size is the schema, not the data', () => {
      const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });
      const measures = measure(schema, query);
      expect(exceededLimit(measures, DEFAULT_GRAPHQL_LIMITS)).toBeNull();
      expect(measures.cost).toBe(0);
      expect(countTokens(query, 1e9)).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxTokens);
    });
  });

  describe('tokens', () => {
    it('should count tokens without comments, and stop past the limit', () => {
      expect(countTokens('# a comment\n{ me { id } }', 100)).toBe(6);
      expect(countTokens('{ '.repeat(50_000), 10)).toBe(11);
    });

    it('should leave a document that does not lex to the parser', () => {
      expect(countTokens('{ me { id } } "unterminated', 100)).toBeNull();
    });
  });

  describe('the refusal', () => {
    it.each([
      ['en', 'The query nests fields 13 levels deep; the limit is 10.'],
      ['nl', 'De query nest velden 13 niveaus diep; de limiet is 10.'],
      ['sv', 'Frågan nästlar fält 13 nivåer djupt; gränsen är 10.'],
      ['fr', 'La requête imbrique des champs sur 13 niveaux ; la limite est de 10.'],
    ] as const)('should say which limit and its value in %s', (locale, message) => {
      const error = limitError({ code: 'QUERY_TOO_DEEP', max: 10, actual: 13 });
      expect(localizedErrorMessage(error, locale)).toBe(message);
      expect(error.extensions).toEqual({
        code: 'QUERY_TOO_DEEP',
        max: 10,
        actual: 13,
        http: { status: 400 },
      });
    });
  });
});
