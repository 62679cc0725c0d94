import { fileURLToPath } from 'node:url';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'vite';

const sharedDir = fileURLToPath(new URL('../shared/src/', import.meta.url));
const generatedDir = fileURLToPath(new URL('./src/gql/', import.meta.url));

const DOCUMENT_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

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

function usesFragments(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FRAGMENT_SPREAD]() {
      found = true;
    },
  });
  return found;
}

/**
 * The document a `graphql(\`…\`)` call returns at run time, as source code; null when the call
 * must stay a runtime lookup (fragment spreads: the preset appends the fragments' definitions).
 */
export function inlineDocument(source: string): string | null {
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    // Not a document (e.g. the words "graphql(`…`)" in a comment): leave it as it is.
    return null;
  }
  if (usesFragments(document)) return null;
  return `JSON.parse(${JSON.stringify(JSON.stringify(compact(document)))})`;
}

/**
 * Keeps each page's GraphQL documents in that page's chunk. The codegen client preset's
 * `graphql()` looks documents up in one table of all of them, and its generated module holds
 * every document: either way every page's documents would load with the first page. This
 * replaces each `graphql(\`…\`)` call with the very document the table holds (what the preset's
 * Babel plugin does; a unit test compares them). TypeScript still sees the `graphql()` call, so
 * the types are unaffected. It also marks @entry/shared as free of side effects (data and pure
 * functions), so a chunk carries only the parts of it that it uses.
 */
export function graphqlDocumentsPlugin(): Plugin {
  return {
    name: 'entry:graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (file.startsWith(sharedDir)) return { code, map: null, moduleSideEffects: false };
      if (file.startsWith(generatedDir) || !/\.tsx?$/.test(file) || !code.includes('graphql(`'))
        return null;
      let changed = false;
      const rewritten = code.replace(DOCUMENT_CALL, (call, source: string) => {
        const inline = inlineDocument(source);
        if (!inline) return call;
        changed = true;
        return inline;
      });
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}
