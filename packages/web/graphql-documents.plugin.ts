import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  parse,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { Plugin } from 'vite';

// Paths, not `new URL(…, import.meta.url)`: under jsdom (the unit test) URL resolves against a page.
const webDir = dirname(fileURLToPath(import.meta.url));
const sharedDir = joinPath(webDir, '../shared/src/');
const sourceDir = joinPath(webDir, 'src/');
const generatedDir = joinPath(webDir, 'src/gql/');

const DOCUMENT_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/** Every fragment defined in src by name, in the order codegen meets them (files by path). */
export type FragmentTable = ReadonlyMap<string, FragmentDefinitionNode>;

/** The AST the codegen client preset writes into src/gql/graphql.ts: no locations, no empty lists. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => key !== 'loc' && !(Array.isArray(item) && item.length === 0))
      .map(([key, item]) => [key, compact(item)]),
  );
}

function parseDocument(source: string): DocumentNode | null {
  try {
    return parse(source, { noLocation: true });
  } catch {
    // Not a document (e.g. the words "graphql(`…`)" in a comment): leave it as it is.
    return null;
  }
}

/** The sources of a module's `graphql(\`…\`)` calls, in order. */
export function documentSources(code: string): string[] {
  return [...code.matchAll(DOCUMENT_CALL)].map((match) => match[1] ?? '');
}

/**
 * The fragments the sources define. Like the preset: one entry per name, in the order the
 * names first appear (a later definition of a name would replace the earlier one in place).
 */
export function collectFragments(sources: Iterable<string>): FragmentTable {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    for (const definition of parseDocument(source)?.definitions ?? []) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/** The documents' files as scripts/codegen.mjs reads them: .ts/.tsx in src, by path, no src/gql. */
function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => joinPath(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(generatedDir))
    .sort();
}

/** Every fragment defined by a `graphql(\`fragment …\`)` call in src. */
export function projectFragments(root = sourceDir): FragmentTable {
  return collectFragments(
    sourceFiles(root).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return code.includes('graphql(`') ? documentSources(code) : [];
    }),
  );
}

/** The names of the fragments a node spreads, in order; with `nested`, each followed by theirs. */
function spreadNames(node: ASTNode, fragments: FragmentTable, nested: boolean): string[] {
  const names = new Set<string>();
  visit(node, {
    [Kind.FRAGMENT_SPREAD](spread) {
      const name = spread.name.value;
      names.add(name);
      if (!nested) return;
      for (const inner of spreadNames(fragmentNamed(name, fragments), fragments, true))
        names.add(inner);
    },
  });
  return [...names];
}

function fragmentNamed(name: string, fragments: FragmentTable): FragmentDefinitionNode {
  const fragment = fragments.get(name);
  if (!fragment) throw new Error(`graphql(): no fragment ${name} is defined in src`);
  return fragment;
}

/** Every fragment `name` depends on, each after its own dependencies (dependency-graph's order). */
function dependenciesOf(name: string, fragments: FragmentTable, done = new Set<string>()) {
  const order: string[] = [];
  for (const dependency of spreadNames(fragmentNamed(name, fragments), fragments, false)) {
    if (done.has(dependency)) continue;
    done.add(dependency);
    order.push(...dependenciesOf(dependency, fragments, done), dependency);
  }
  return order;
}

/**
 * The fragments' definitions the preset appends to a document (its default document mode,
 * documentNodeImportFragments): the dependencies of every fragment spread, then the spread ones,
 * each once. An operation's spreads include those of the fragments it spreads.
 */
function appendedFragments(document: DocumentNode, fragments: FragmentTable) {
  const nested = document.definitions[0]?.kind === Kind.OPERATION_DEFINITION;
  const names = spreadNames(document, fragments, nested);
  const order = new Set(names.flatMap((name) => dependenciesOf(name, fragments)));
  for (const name of names) order.add(name);
  return [...order].map((name) => fragmentNamed(name, fragments));
}

/**
 * The document a `graphql(\`…\`)` call returns at run time, as source code: the document, then
 * the definitions of the fragments it spreads, directly or through other fragments, as the
 * preset appends them. Null when the text is not a GraphQL document.
 */
export function inlineDocument(
  source: string,
  fragments: FragmentTable = new Map(),
): string | null {
  const document = parseDocument(source);
  if (!document) return null;
  const whole: DocumentNode = {
    ...document,
    definitions: [...document.definitions, ...appendedFragments(document, fragments)],
  };
  // Pure: a module's unused documents (e.g. a fragment's own) leave the bundle.
  return `/* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(compact(whole)))})`;
}

/**
 * Keeps each page's GraphQL documents in that page's chunk. The codegen client preset's
 * `graphql()` looks documents up in one table of all of them, and its generated module holds
 * every document: either way every page's documents would load with the first page. This
 * replaces each `graphql(\`…\`)` call with the very document the table holds, fragments'
 * definitions included (what the preset's Babel plugin does; a unit test compares them for every
 * document in src). TypeScript still sees the `graphql()` call, so the types are unaffected. It
 * also marks @entry/shared as free of side effects (data and pure functions), so a chunk carries
 * only the parts of it that it uses.
 */
export function graphqlDocumentsPlugin(): Plugin {
  // Read once per build, again after a change while serving (a fragment may have changed).
  let fragments: FragmentTable | null = null;
  return {
    name: 'entry:graphql-documents',
    enforce: 'pre',
    buildStart() {
      fragments = null;
    },
    watchChange() {
      fragments = null;
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (file.startsWith(sharedDir)) return { code, map: null, moduleSideEffects: false };
      if (file.startsWith(generatedDir) || !/\.tsx?$/.test(file) || !code.includes('graphql(`'))
        return null;
      let changed = false;
      const rewritten = code.replace(DOCUMENT_CALL, (call, source: string) => {
        const inline = inlineDocument(source, (fragments ??= projectFragments()));
        if (!inline) return call;
        changed = true;
        return inline;
      });
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}
