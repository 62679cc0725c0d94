import { parse } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as generated from '../../gql/graphql';
import { RequestPasswordResetMutation } from '../../features/accounts/operations';
import { printDocument, type ExecutableDocument } from '../../lib/print-document';
import { fetchOperation, sendMutation } from '../graphql-request';
import { ApolloLoader } from '../lazy-apollo';
import type { ApolloRuntime } from '../apollo-runtime';

/** An AST as the preset writes it: no locations, no empty lists, no `block: false`. */
const compact = (document: unknown): unknown =>
  JSON.parse(
    JSON.stringify(document, (key, value: unknown) =>
      key === 'loc' || key === 'block' || (Array.isArray(value) && value.length === 0)
        ? undefined
        : value,
    ),
  );

const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));

describe('printDocument', () => {
  it('should find the generated documents to check', () => {
    expect(documents.length).toBeGreaterThan(40);
  });

  it.each(documents)('should print %s as the very same document', (_name, document) => {
    const text = printDocument(document as unknown as ExecutableDocument);
    expect(compact(parse(text))).toEqual(compact(document));
  });

  it('should print every kind of value, type and selection the language has', () => {
    const source = `query Q($a: [Int!]! = [1, 2], $b: String @deprecated) @live {
      x: field(s: "say \\"hi\\"\\n", f: 1.5, e: RED, n: null, t: true, o: { k: $a, l: [$b] }) @include(if: $c) {
        ...Parts @skip(if: false)
        ... on Thing { id }
        ... @include(if: true) { other }
      }
    }
    fragment Parts on Thing @x { name }`;
    const document = parse(source, { noLocation: true });
    expect(compact(parse(printDocument(document as unknown as ExecutableDocument)))).toEqual(
      compact(document),
    );
  });
});

describe('fetchOperation', () => {
  afterEach(() => vi.unstubAllGlobals());

  function answer(status: number, body: unknown) {
    const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it("should send the operation as Apollo's HttpLink does, in the interface's language", async () => {
    const fetch = answer(200, { data: { requestPasswordReset: true } });
    const data = await fetchOperation(RequestPasswordResetMutation, { email: 'a@b.se' }, 'sv');
    expect(data).toEqual({ requestPasswordReset: true });
    const [uri, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(uri).toBe('/graphql');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(init.headers).toMatchObject({
      'apollo-require-preflight': 'true',
      'content-type': 'application/json',
      'accept-language': 'sv',
    });
    expect(JSON.parse(init.body as string)).toEqual({
      operationName: 'RequestPasswordReset',
      query: 'mutation RequestPasswordReset($email:String!){requestPasswordReset(email:$email)}',
      variables: { email: 'a@b.se' },
    });
  });

  it('should fail on a GraphQL error, as Apollo Client does', async () => {
    answer(200, { errors: [{ message: 'Too many requests' }], data: null });
    await expect(
      fetchOperation(RequestPasswordResetMutation, { email: 'a@b.se' }, 'en'),
    ).rejects.toThrow('Too many requests');
  });

  it('should fail when the server answers an HTTP error without GraphQL errors', async () => {
    answer(502, {});
    await expect(
      fetchOperation(RequestPasswordResetMutation, { email: 'a@b.se' }, 'en'),
    ).rejects.toThrow('RequestPasswordReset answered HTTP 502');
  });
});

describe('sendMutation', () => {
  const resetFor = (email: string, loader: ApolloLoader) =>
    sendMutation(loader, RequestPasswordResetMutation, { email }, 'en');

  afterEach(() => vi.unstubAllGlobals());

  it('should go through Apollo Client when the app has it', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const mutate = vi.fn(async () => ({ data: { requestPasswordReset: true } }));
    const loader = ApolloLoader.loaded({ client: { mutate } } as unknown as ApolloRuntime);
    const data = await resetFor('a@b.se', loader);
    expect(data).toEqual({ requestPasswordReset: true });
    expect(mutate).toHaveBeenCalledWith({
      mutation: RequestPasswordResetMutation,
      variables: { email: 'a@b.se' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should send a plain request and load no client when the app has none', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ data: { requestPasswordReset: true } })),
    );
    vi.stubGlobal('fetch', fetch);
    const start = vi.fn();
    const loader = new ApolloLoader(start);
    const data = await resetFor('a@b.se', loader);
    expect(data).toEqual({ requestPasswordReset: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(start).not.toHaveBeenCalled();
  });
});
