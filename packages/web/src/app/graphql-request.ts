import type { Locale } from '@entry/shared';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ENDPOINT } from './api-endpoint';
import { currentLocale } from './i18n';
import { useApolloLoader, type ApolloLoader } from './lazy-apollo';

// The few kinds of node the app's operations hold (an inlined `graphql()` document: no
// locations, no empty lists). Declared here rather than imported from graphql-js: a value
// imported from it would bring Apollo's chunk (vite.config.ts groups graphql with it).
type Name = { value: string };
type Value =
  | { kind: 'Variable'; name: Name }
  | { kind: 'IntValue' | 'FloatValue' | 'EnumValue'; value: string }
  | { kind: 'StringValue'; value: string }
  | { kind: 'BooleanValue'; value: boolean }
  | { kind: 'NullValue' }
  | { kind: 'ListValue'; values?: readonly Value[] }
  | { kind: 'ObjectValue'; fields?: readonly { name: Name; value: Value }[] };
type TypeNode =
  { kind: 'NamedType'; name: Name } | { kind: 'ListType' | 'NonNullType'; type: TypeNode };
type Directive = { name: Name; arguments?: readonly Argument[] };
type Argument = { name: Name; value: Value };
type SelectionSet = { selections: readonly Selection[] };
type Selection =
  | {
      kind: 'Field';
      alias?: Name;
      name: Name;
      arguments?: readonly Argument[];
      directives?: readonly Directive[];
      selectionSet?: SelectionSet;
    }
  | { kind: 'FragmentSpread'; name: Name; directives?: readonly Directive[] }
  | {
      kind: 'InlineFragment';
      typeCondition?: { name: Name };
      directives?: readonly Directive[];
      selectionSet: SelectionSet;
    };
type Definition =
  | {
      kind: 'OperationDefinition';
      operation: string;
      name?: Name;
      variableDefinitions?: readonly {
        variable: { name: Name };
        type: TypeNode;
        defaultValue?: Value;
        directives?: readonly Directive[];
      }[];
      directives?: readonly Directive[];
      selectionSet: SelectionSet;
    }
  | {
      kind: 'FragmentDefinition';
      name: Name;
      typeCondition: { name: Name };
      directives?: readonly Directive[];
      selectionSet: SelectionSet;
    };

const list = <T>(items: readonly T[] | undefined, print: (item: T) => string, wrap = '()') =>
  items?.length ? `${wrap[0]}${items.map(print).join(' ')}${wrap[1]}` : '';

function printValue(value: Value): string {
  switch (value.kind) {
    case 'Variable':
      return `$${value.name.value}`;
    case 'StringValue':
      return JSON.stringify(value.value);
    case 'BooleanValue':
      return String(value.value);
    case 'NullValue':
      return 'null';
    case 'ListValue':
      return `[${(value.values ?? []).map(printValue).join(' ')}]`;
    case 'ObjectValue':
      return `{${(value.fields ?? []).map((field) => `${field.name.value}:${printValue(field.value)}`).join(' ')}}`;
    default:
      return value.value;
  }
}

function printType(type: TypeNode): string {
  if (type.kind === 'NamedType') return type.name.value;
  return type.kind === 'ListType' ? `[${printType(type.type)}]` : `${printType(type.type)}!`;
}

const printArgument = (argument: Argument) =>
  `${argument.name.value}:${printValue(argument.value)}`;
const printDirectives = (directives: readonly Directive[] | undefined) =>
  (directives ?? [])
    .map((directive) => ` @${directive.name.value}${list(directive.arguments, printArgument)}`)
    .join('');
const printSelections = (set: SelectionSet) => list(set.selections, printSelection, '{}');

function printSelection(selection: Selection): string {
  switch (selection.kind) {
    case 'Field':
      return (
        (selection.alias ? `${selection.alias.value}:` : '') +
        selection.name.value +
        list(selection.arguments, printArgument) +
        printDirectives(selection.directives) +
        (selection.selectionSet ? printSelections(selection.selectionSet) : '')
      );
    case 'FragmentSpread':
      return `...${selection.name.value}${printDirectives(selection.directives)}`;
    default:
      return (
        `...${selection.typeCondition ? ` on ${selection.typeCondition.name.value}` : ''}` +
        printDirectives(selection.directives) +
        printSelections(selection.selectionSet)
      );
  }
}

function printDefinition(definition: Definition): string {
  if (definition.kind === 'FragmentDefinition')
    return `fragment ${definition.name.value} on ${definition.typeCondition.name.value}${printDirectives(definition.directives)}${printSelections(definition.selectionSet)}`;
  const variables = list(
    definition.variableDefinitions,
    (variable) =>
      `$${variable.variable.name.value}:${printType(variable.type)}` +
      (variable.defaultValue ? `=${printValue(variable.defaultValue)}` : '') +
      printDirectives(variable.directives),
  );
  return `${definition.operation} ${definition.name?.value ?? ''}${variables}${printDirectives(definition.directives)}${printSelections(definition.selectionSet)}`;
}

/**
 * An operation's text, compact, from its document: what graphql-js's `print` would send, without
 * graphql-js (its printer is part of Apollo's chunk). A unit test holds it to every document.
 */
export function printDocument(document: TypedDocumentNode<unknown, never>): string {
  const { definitions } = document as unknown as { definitions: readonly Definition[] };
  return definitions.map(printDefinition).join(' ');
}

function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  const { definitions } = document as unknown as { definitions: readonly Definition[] };
  const operation = definitions.find((definition) => definition.kind === 'OperationDefinition');
  return operation?.name?.value;
}

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
  const untyped = document as unknown as TypedDocumentNode<unknown, never>;
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
      operationName: operationName(untyped),
      query: printDocument(untyped),
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
      `${operationName(untyped) ?? 'The operation'} answered HTTP ${response.status}`,
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
    throw new Error(`${operationName(mutation as never) ?? 'A mutation'} answered no data`);
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
