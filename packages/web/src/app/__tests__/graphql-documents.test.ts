import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  collectFragments,
  documentSources,
  inlineDocument,
  projectFragments,
} from '../../../graphql-documents.plugin';
import { graphql } from '../../gql';
import * as generated from '../../gql/graphql';

const srcDir = join(import.meta.dirname, '../../');

/** Every `graphql(\`…\`)` document in src, as codegen reads them (src/gql left out). */
function sourcesInSrc(): { file: string; source: string }[] {
  return readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(join(srcDir, 'gql')) && !file.endsWith('.test.ts'))
    .flatMap((file) =>
      documentSources(readFileSync(file, 'utf8')).map((source) => ({ file, source })),
    );
}

/** What the plugin puts in the bundle in place of `graphql(source)`. */
function inlined(source: string, fragments = projectFragments()): unknown {
  const code = inlineDocument(source, fragments);
  return code === null ? null : (new Function(`return ${code}`) as () => unknown)();
}

// The preset's table, looked up by a document's exact text (what `graphql()` does at run time).
const presetTable = graphql as unknown as (source: string) => unknown;

// Every operations module, as the app bundles it: through graphql-documents.plugin.ts, which
// replaces each graphql(`…`) call with an inline document.
const modules = import.meta.glob<Record<string, unknown>>('../../**/*operations.ts', {
  eager: true,
});

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === 'Document';
}

describe('GraphQL documents in the bundle', () => {
  const sources = sourcesInSrc();
  const fragments = projectFragments();

  it('should find every document and fragment when the sources are scanned', () => {
    expect(sources.length).toBeGreaterThanOrEqual(55);
    expect([...fragments.keys()]).toEqual(
      expect.arrayContaining(['UserErrorFields', 'ViewerPerson', 'ViewerOperator', 'ViewerAccess']),
    );
  });

  it("should inline every document in src exactly as the preset's table holds it", () => {
    let withFragments = 0;
    for (const { file, source } of sources) {
      const expected = presetTable(source);
      expect(expected, `${file}: not in src/gql/gql.ts (run codegen)`).toHaveProperty('kind');
      expect(inlined(source, fragments), file).toEqual(expected);
      if ((expected as DocumentNode).definitions.length > 1) withFragments += 1;
    }
    // The 26 mutations with userErrors, the viewer queries and the sign-in answers.
    expect(withFragments).toBeGreaterThanOrEqual(29);
  });

  it('should be exactly the documents codegen generated when the plugin inlines them', () => {
    const documents = Object.values(modules)
      .flatMap((module) => Object.values(module))
      .filter(isDocument);
    expect(documents.length).toBeGreaterThanOrEqual(55);
    for (const document of documents) {
      const definition = document.definitions[0];
      const name = definition && 'name' in definition ? definition.name?.value : undefined;
      const suffix = definition?.kind === 'FragmentDefinition' ? 'FragmentDoc' : 'Document';
      const expected = (generated as Record<string, unknown>)[`${name}${suffix}`];
      expect(expected, `${name}${suffix} in src/gql/graphql.ts (run codegen)`).toBeDefined();
      expect(document).toEqual(expected);
    }
  });

  it('should append fragments of fragments once, each after those it spreads', () => {
    const chain = collectFragments([
      'fragment A on Person { id ...B ...C }',
      'fragment B on Person { firstName ...C }',
      'fragment C on Person { lastName }',
      'fragment Unused on Person { email }',
    ]);
    const document = inlined('query Q { me { ...A ...C } }', chain) as DocumentNode;
    expect(document.definitions.map((node) => ('name' in node ? node.name?.value : ''))).toEqual([
      'Q',
      'C',
      'B',
      'A',
    ]);
  });

  it('should refuse a document that spreads a fragment nobody defined', () => {
    expect(() => inlined('query Q { me { ...Missing } }', new Map())).toThrow(/Missing/);
  });

  it('should leave text that is no GraphQL document alone', () => {
    expect(inlined('…', new Map())).toBeNull();
  });
});
