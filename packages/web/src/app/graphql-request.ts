import type { Locale } from '@entry/shared';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useState } from 'react';
import { useTranslation } from '../lib/useTranslation';
import { API_ENDPOINT } from './api-endpoint';
import { currentLocale } from './i18n';
import { operationName, printDocument, type ExecutableDocument } from '../lib/print-document';
import { useApolloLoader, type ApolloLoader } from './lazy-apollo';

/** A typed document's nodes, as the printer reads them. */
const nodes = (document: TypedDocumentNode<unknown, never>) =>
  document as unknown as ExecutableDocument;

/**
 * Sends an operation as one plain request, as Apollo's HttpLink would (the endpoint's headers,
 * the interface's language): an error for a failed request or a GraphQL error, as Apollo Client
 * throws by default.
 */
export async function fetchOperation<Data, Variables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  locale: Locale,
): Promise<Data> {
  const executable = nodes(document as TypedDocumentNode<unknown, never>);
  const response = await fetch(API_ENDPOINT.uri, {
    method: 'POST',
    credentials: API_ENDPOINT.credentials,
    headers: {
      ...API_ENDPOINT.headers,
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'accept-language': locale,
    },
    body: JSON.stringify({
      operationName: operationName(executable),
      query: printDocument(executable),
      variables,
    }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: Data | null;
    errors?: readonly { message: string }[];
  } | null;
  if (body?.errors?.length)
    throw new Error(body.errors.map((error) => error.message).join('\n'), { cause: body.errors });
  if (!response.ok || !body?.data)
    throw new Error(
      `${operationName(executable) ?? 'The operation'} answered HTTP ${response.status}`,
    );
  return body.data;
}

/**
 * Sends a mutation through Apollo Client if the app has it (loaded, or on its way: a signed-in
 * person's), so its links and cache see it as every other request; else as a plain request
 * (fetchOperation), so a visitor's form page (register, forgot or reset password, accept an
 * invitation) never loads the client.
 */
export async function sendMutation<Data, Variables>(
  loader: ApolloLoader,
  mutation: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  locale: Locale,
): Promise<Data> {
  const runtime = await loader.started();
  if (!runtime) return fetchOperation(mutation, variables, locale);
  const { data } = await runtime.client.mutate({
    mutation,
    variables: variables as Record<string, unknown>,
  });
  if (data === undefined || data === null)
    throw new Error(
      `${operationName(nodes(mutation as TypedDocumentNode<unknown, never>)) ?? 'A mutation'} answered no data`,
    );
  return data as Data;
}

/**
 * useMutation's shape for the pages that render without Apollo Client (routes.tsx
 * `apollo: false`): `send({ variables })` answers `{ data }`, `loading` while it is on its way.
 */
export function useSendMutation<Data, Variables>(mutation: TypedDocumentNode<Data, Variables>) {
  const loader = useApolloLoader();
  const { i18n } = useTranslation();
  const [loading, setLoading] = useState(false);
  const send = useCallback(
    async ({ variables }: { variables: Variables }): Promise<{ data: Data }> => {
      setLoading(true);
      try {
        return { data: await sendMutation(loader, mutation, variables, currentLocale(i18n)) };
      } finally {
        setLoading(false);
      }
    },
    [loader, mutation, i18n],
  );
  return [send, { loading }] as const;
}
