import {
  type GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, LIMITS } from '@entry/shared';
import type { Context } from './context';
import { portalError } from './errors';

import type { GraphQLLimits } from '../config/graphql-limits';

/** A list without `first` (site admins, invoice lines, userErrors) counts as this many items. */
export const UNPAGED_LIST_SIZE = 10;

export interface OperationMeasures {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly cost: number;
}

const NOTHING: OperationMeasures = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/** The meta fields of introspection; `__typename` is an ordinary scalar field. */
const isIntrospectionField = (name: string) => name === '__schema' || name === '__type';

/**
 * Measures one operation of a validated document. The cost is an upper bound of the objects the
 * answer can hold: every field of an object type costs one per parent object, and a list
 * multiplies what is under it by its length: `first` (clamped to 1..100, as the resolvers
 * refuse anything else), the default page size when `first` is not given, or UNPAGED_LIST_SIZE
 * for lists that take no `first`. On a connection, `first` sizes its `edges`:
 * `sites(first: 100) { edges { node { id } } }` costs 1 + 100 + 100.
 *
 * Below `__schema` and `__type` only aliases and directives count: introspection is as large
 * as the schema, not as the data, and graphql-js's MaxIntrospectionDepthRule (one of the
 * specified rules) already refuses its self-nesting.
 *
 * Fragments are measured once per place they are spread into (memoized), so a document that
 * spreads fragments inside fragments costs linear time to measure, whatever it adds up to.
 * (Why this is ours and not GraphQL Armor's or graphql-query-complexity's: docs/adr/0007.)
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const memo = new Map<string, OperationMeasures>();
  const inProgress = new Set<string>();

  /** `first` of a field as it will run: literal, variable, variable default, or null when absent. */
  const firstArgument = (field: FieldNode): number | null => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
    let value: unknown = null;
    if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
    if (argument?.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      const fallback = variableDefaults.get(name);
      // an explicit null overrides the variable's default (and the resolver's default applies)
      if (name in variables) value = variables[name];
      else if (fallback?.kind === Kind.INT) value = Number(fallback.value);
    }
    if (value === null || value === undefined) return null;
    // anything outside 1..100 is refused by pageSize() before a row is read
    if (typeof value !== 'number' || !Number.isFinite(value)) return LIMITS.pageSizeMax;
    return Math.min(Math.max(Math.trunc(value), 1), LIMITS.pageSizeMax);
  };

  /**
   * How many objects a field returns per parent object (`pageOfParent`: the `first` of the
   * connection it is a field of), and the page size it hands to its own `edges` if it is a
   * connection.
   */
  const sizes = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    pageOfParent: number | null,
  ): { objects: number; pageForEdges: number | null } => {
    const list = isListType(getNullableType(definition.type));
    if (!definition.args.some((argument) => argument.name === 'first'))
      return { objects: list ? (pageOfParent ?? UNPAGED_LIST_SIZE) : 1, pageForEdges: null };
    const first = firstArgument(field);
    // a plain list with `first` (pendingRegistrations) gives up to 100 when `first` is omitted
    if (list) return { objects: first ?? LIMITS.pageSizeMax, pageForEdges: null };
    return { objects: 1, pageForEdges: first ?? LIMITS.pageSizeDefault };
  };

  const measureFragment = (
    fragment: FragmentDefinitionNode,
    pageForEdges: number | null,
    introspection: boolean,
  ): OperationMeasures => {
    const key = `${fragment.name.value}|${pageForEdges}|${introspection}`;
    const known = memo.get(key);
    if (known) return known;
    // fragment cycles fail validation; this only keeps an unvalidated document from looping
    if (inProgress.has(key)) return NOTHING;
    inProgress.add(key);
    const type = schema.getType(fragment.typeCondition.name.value);
    const inner = measureSelections(
      fragment.selectionSet,
      isCompositeType(type) ? type : null,
      pageForEdges,
      introspection,
    );
    const measures = {
      ...inner,
      directives: inner.directives + (fragment.directives?.length ?? 0),
    };
    inProgress.delete(key);
    memo.set(key, measures);
    return measures;
  };

  /** Measures for one parent object: `cost` is what each object of the parent type adds. */
  function measureSelections(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | null,
    pageForEdges: number | null,
    introspection: boolean,
  ): OperationMeasures {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    let cost = 0;
    const add = (inner: OperationMeasures, multiplier: number, extraDepth: number) => {
      depth = Math.max(depth, inner.depth + extraDepth);
      aliases += inner.aliases;
      directives += inner.directives;
      cost += inner.cost * multiplier;
    };
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) add(measureFragment(fragment, pageForEdges, introspection), 1, 0);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        const inner = measureSelections(
          selection.selectionSet,
          isCompositeType(type) ? type : null,
          pageForEdges,
          introspection,
        );
        add(inner, 1, 0);
        continue;
      }
      if (selection.alias) aliases += 1;
      const name = selection.name.value;
      const inIntrospection = introspection || isIntrospectionField(name);
      const definition =
        !inIntrospection && (isObjectType(parentType) || isInterfaceType(parentType))
          ? parentType.getFields()[name]
          : undefined;
      if (!definition) {
        // introspection (or a field validation refuses): aliases and directives still count
        if (!introspection) depth = Math.max(depth, 1);
        if (selection.selectionSet)
          add(measureSelections(selection.selectionSet, null, null, true), 0, 0);
        continue;
      }
      const type = getNamedType(definition.type);
      if (!selection.selectionSet || !isCompositeType(type)) {
        depth = Math.max(depth, 1);
        continue;
      }
      const size = sizes(selection, definition, pageForEdges);
      cost += size.objects;
      add(
        measureSelections(selection.selectionSet, type, size.pageForEdges, false),
        size.objects,
        1,
      );
    }
    return { depth, aliases, directives, cost };
  }

  return measureSelections(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? null,
    null,
    false,
  );
}

/** Lexical tokens of the document, counting stops at `stopAfter` + 1; null when it does not lex. */
export function countTokens(source: string, stopAfter: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    // advance() skips comments, as the parser's own maxTokens does
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) break;
    }
  } catch {
    return null; // a syntax error: parsing reports it with its location
  }
  return count;
}

type LimitCode =
  | typeof ErrorCode.QUERY_TOO_DEEP
  | typeof ErrorCode.TOO_MANY_ALIASES
  | typeof ErrorCode.TOO_MANY_DIRECTIVES
  | typeof ErrorCode.TOO_MANY_TOKENS
  | typeof ErrorCode.QUERY_TOO_COSTLY;

export interface LimitExceeded {
  readonly code: LimitCode;
  readonly max: number;
  /** null for tokens: counting stops past the limit */
  readonly actual: number | null;
}

/** The first limit the operation goes beyond, cheapest to fix first; null when it fits. */
export function exceededLimit(
  measures: OperationMeasures,
  limits: GraphQLLimits,
): LimitExceeded | null {
  const checks: Array<[LimitCode, number, number]> = [
    [ErrorCode.QUERY_TOO_DEEP, measures.depth, limits.maxDepth],
    [ErrorCode.TOO_MANY_ALIASES, measures.aliases, limits.maxAliases],
    [ErrorCode.TOO_MANY_DIRECTIVES, measures.directives, limits.maxDirectives],
    [ErrorCode.QUERY_TOO_COSTLY, measures.cost, limits.maxCost],
  ];
  for (const [code, actual, max] of checks) {
    if (actual > max) return { code, max, actual };
  }
  return null;
}

/**
 * The refusal: HTTP 400, a stable code, the limit and the measured value. Thrown without a
 * language (portalError): errorAnswersPlugin words it from the code and these values.
 */
export function limitError({ code, max, actual }: LimitExceeded): GraphQLError {
  return portalError(code, {
    max,
    ...(actual === null ? {} : { actual }),
    http: { status: 400 },
  });
}

/**
 * The limits as an Apollo plugin; Apollo's parser must run with `parseOptions.maxTokens` set to
 * the same maxTokens (see app.ts). An oversized document is then never parsed whole nor
 * validated (validating many fields of one name grows with their square): the parser stops at
 * the limit, and this plugin, having counted the tokens first, turns Apollo's parse error into
 * TOO_MANY_TOKENS. Depth, aliases, directives and cost are checked once the operation and its
 * variables are known, before execution. (A hook that throws before parsing makes Apollo answer
 * 500, hence the rewrite.)
 */
export function queryLimitsPlugin(limits: GraphQLLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let tooManyTokens = false;
      return {
        async didResolveSource({ source }) {
          const tokens = countTokens(source, limits.maxTokens);
          tooManyTokens = tokens !== null && tokens > limits.maxTokens;
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // execution refuses it: no operation by that name
          const measures = measureOperation(schema, document, operation, request.variables);
          const exceeded = exceededLimit(measures, limits);
          if (exceeded) throw limitError(exceeded);
        },
        // Runs before errorAnswersPlugin's willSendResponse (app.ts lists this plugin first, and
        // Apollo starts the hooks in that order), which then words the refusal.
        async willSendResponse({ response }) {
          if (!tooManyTokens || response.body.kind !== 'single') return;
          const { message, extensions } = limitError({
            code: ErrorCode.TOO_MANY_TOKENS,
            max: limits.maxTokens,
            actual: null,
          });
          const { http: _http, ...answered } = extensions;
          response.body.singleResult.errors = [{ message, extensions: answered }];
          response.http.status = 400;
        },
      };
    },
  };
}
