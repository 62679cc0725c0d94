import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The part of the portal's schema the benchmark operations use, with the same type, field and
 * argument names, so the same documents run on both servers. Authorization is checked by hand in
 * the resolvers (baseline/server.ts), as a server without the portal's directive machinery would.
 */
export const BASELINE_SDL = /* GraphQL */ `
  type Query {
    sites(after: String, first: Int): SiteConnection!
    people(after: String, first: Int): PersonConnection!
    me: Person
  }

  type Site {
    id: ID!
    name: String!
    address: String
    active: Boolean!
    siteAdmins: [Person!]!
    entryUserCount: Int!
  }

  type Person {
    id: ID!
    firstName: String!
    lastName: String!
    email: String!
    status: PersonStatus!
    accessLevel: AccessLevel!
    sites(after: String, first: Int): SiteConnection!
  }

  enum PersonStatus {
    PENDING_APPROVAL
    INVITED
    ACTIVE
    DISABLED
  }

  type AccessLevel {
    code: AccessLevelCode!
    allSites: Boolean!
    payments: Boolean!
  }

  enum AccessLevelCode {
    PAYMENT_ADMIN
    SYSTEM_ADMIN
    SITE_ADMIN
  }

  type SiteConnection {
    edges: [SiteEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type SiteEdge {
    cursor: String!
    node: Site!
  }

  type PersonConnection {
    edges: [PersonEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PersonEdge {
    cursor: String!
    node: Person!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
`;

export function buildBaselineSchema(): GraphQLSchema {
  return buildSchema(BASELINE_SDL);
}

const PORTAL_SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

function describeField(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `${arg.name}: ${arg.type.toString()}`).sort();
  return `${field.type.toString()} (${args.join(', ')})`;
}

/**
 * Fails when the subset drifts from the committed schema.graphql: every type, field and argument
 * here must exist there with the same type (the portal may have more).
 */
export function assertSubsetOfPortalSchema(schema: GraphQLSchema): void {
  const portal = buildSchema(fs.readFileSync(PORTAL_SCHEMA_FILE, 'utf8'));
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    const theirs = portal.getType(type.name);
    if (!theirs || !isObjectType(theirs)) {
      problems.push(`type ${type.name} is not an object type of the portal`);
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const their = theirs.getFields()[field.name];
      if (!their) {
        problems.push(`${type.name}.${field.name} does not exist in the portal`);
        continue;
      }
      const ours = describeField(field);
      const theirArgs = their.args.filter((arg) => field.args.some((a) => a.name === arg.name));
      const portalView = describeField({ ...their, args: theirArgs });
      if (ours !== portalView)
        problems.push(`${type.name}.${field.name}: ${ours} here, ${portalView} in the portal`);
    }
  }
  if (problems.length)
    throw new Error(`baseline schema differs from schema.graphql:\n${problems.join('\n')}`);
}
