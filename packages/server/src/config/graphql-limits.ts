/**
 * How big a GraphQL request may be, checked before anything runs: Apollo sets no such limits.
 * The defaults leave several times the room the web app needs (see limits.test.ts, which runs
 * every operation the web app sends through them) and are set by GRAPHQL_MAX_* (src/config).
 */
export interface GraphQLLimits {
  /** field nesting; `{ me { id } }` is 2 deep */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** lexical tokens of the document (names, punctuation, values); comments do not count */
  readonly maxTokens: number;
  /** objects the query could return at most, see measureOperation */
  readonly maxCost: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = {
  // the web app's deepest query (People: people.edges.node.sites.edges.node.name) is 7
  maxDepth: 10,
  // the web app uses none; a partner may name a field twice. Each alias is one more field to run.
  maxAliases: 15,
  // @include/@skip: the web app uses none
  maxDirectives: 20,
  // The web app's longest document has 105 tokens, the full introspection query 183. Parsing
  // and validation run before the other limits can look, and validating many fields of the same
  // name grows with their square (some 50-150 ms at 1,000 tokens on 2 busy cores): keep it small.
  maxTokens: 1000,
  // With pages of 100, the costliest request of the web app is about 1,300 (AuditEvents), of
  // the benchmarks 1,402 (people with 5 sites each). 100 sites with 100 Entry app users each
  // would be 20,301.
  maxCost: 5000,
};
