// The nodes of an executable document (operations and fragments), as graphql-js's parser and
// the codegen preset (no locations, no empty lists) write them. Declared here rather than
// imported from graphql-js: this module replaces its printer, and a visitor's page must not load
// it (vite.config.ts groups graphql-js with Apollo Client).
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
 * An executable document's text, compact: what graphql-js's `print` answers, but a tenth of its
 * size, as it prints only operations and fragments. Apollo Client prints with it too
 * (apollo-print.plugin.ts), and a visitor's form page sends its mutation with it without loading
 * graphql-js at all. A unit test holds it to every document of the app.
 */
export function printDocument(document: ExecutableDocument): string {
  return document.definitions.map(printDefinition).join(' ');
}

/** The name of the document's operation, as a request's `operationName`. */
export function operationName(document: ExecutableDocument): string | undefined {
  const operation = document.definitions.find(
    (definition) => definition.kind === 'OperationDefinition',
  );
  return operation?.name?.value;
}

/** A document of operations and fragments, typed (graphql()) or not. */
export interface ExecutableDocument {
  readonly definitions: readonly Definition[];
}
