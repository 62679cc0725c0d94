import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../gql/graphql';

// Every operations module, as the app bundles it: through graphql-documents.plugin.ts, which
// replaces each graphql(`…`) call with an inline document.
const modules = import.meta.glob<Record<string, unknown>>('../../**/operations.ts', {
  eager: true,
});

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === 'Document';
}

describe('GraphQL documents in the bundle', () => {
  const documents = Object.values(modules)
    .flatMap((module) => Object.values(module))
    .filter(isDocument);

  it('should find the operations of every feature when the sources are scanned', () => {
    expect(documents.length).toBeGreaterThanOrEqual(13);
  });

  it('should be exactly the documents codegen generated when the plugin inlines them', () => {
    for (const document of documents) {
      const definition = document.definitions[0];
      const name = definition && 'name' in definition ? definition.name?.value : undefined;
      const suffix = definition?.kind === 'FragmentDefinition' ? 'FragmentDoc' : 'Document';
      const expected = (generated as Record<string, unknown>)[`${name}${suffix}`];
      expect(expected, `${name}${suffix} in src/gql/graphql.ts (run codegen)`).toBeDefined();
      expect(document).toEqual(expected);
    }
  });
});
