import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client's selection under the field being resolved reaches `path` (field names,
 * e.g. `['edges', 'node', 'entryUserCount']`), through aliases, inline fragments and named
 * fragments. A list uses it to fold what its rows' fields would load into its own statement.
 * Type conditions and @skip/@include are not weighed: a yes too many costs a column, never a
 * wrong answer.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((field) => reaches(info, field.selectionSet, path));
}

function reaches(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  path: readonly string[],
): boolean {
  if (!selectionSet) return false;
  const [name, ...rest] = path;
  return selectionSet.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return (
          selection.name.value === name &&
          (!rest.length || reaches(info, selection.selectionSet, rest))
        );
      case Kind.INLINE_FRAGMENT:
        return reaches(info, selection.selectionSet, path);
      case Kind.FRAGMENT_SPREAD:
        return reaches(info, info.fragments[selection.name.value]?.selectionSet, path);
    }
  });
}
