import {
  defaultFieldResolver,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLFieldConfig,
  type GraphQLSchema,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { Directive } from 'type-graphql';
import { type ApiScope, Permission } from '@entry/shared';
import { assertPermission } from '../auth/authorization';
import { Exemption, type AuthRequirement } from '../auth/exemptions';
import type { Context } from './context';
import { forbidden } from './errors';

/**
 * Authorization is declared on the schema: `@auth(requires: PERMISSION)` or `@public` on every
 * root field and on protected object fields, printed in schema.graphql for partners to read.
 * The SDL is also what is enforced: `enforceAuthDirectives` reads the directives back from the
 * built schema, so what the schema says and what the server does cannot disagree.
 */
export const PermissionEnum = new GraphQLEnumType({
  name: 'Permission',
  description: 'Who may use a field. More values may be added.',
  values: {
    AUTHENTICATED: {
      value: Permission.AUTHENTICATED,
      description: 'any signed-in person of an approved company, or an operator',
    },
    ALL_SITES: {
      value: Permission.ALL_SITES,
      description: 'payment admins and system admins: every site of the company',
    },
    MANAGE_PEOPLE: {
      value: Permission.MANAGE_PEOPLE,
      description:
        'payment admins and system admins: invite, edit and remove colleagues, and assign sites to site admins',
    },
    PAYMENTS: {
      value: Permission.PAYMENTS,
      description: 'payment admins only: payment method, VAT, invoices, payments',
    },
    OPERATOR: {
      value: Permission.OPERATOR,
      description: 'staff of the vendor who run the portal: approve registrations, run billing',
    },
  },
});

const EXEMPTION_DESCRIPTIONS: Readonly<Record<Exemption, string>> = {
  DURING_PASSWORD_CHANGE: 'usable while the person must still change a temporary password',
  DURING_MFA_ENROLLMENT:
    'usable while two-factor sign-in is required of the caller and not set up yet (MFA_ENROLLMENT_REQUIRED)',
};

export const AuthExemptionEnum = new GraphQLEnumType({
  name: 'AuthExemption',
  description: 'A state of the caller that does not block this field. More values may be added.',
  values: Object.fromEntries(
    Object.values(Exemption).map((exemption) => [
      exemption,
      { value: exemption, description: EXEMPTION_DESCRIPTIONS[exemption] },
    ]),
  ),
});

/**
 * `@auth`. Its `scopes` argument lists values of the schema's ApiScope enum, which type-graphql
 * builds (common/enums.ts): the schema is built with this definition first, then
 * `withApiScopes` (schema.ts) gives the directive its `scopes` argument over that very enum.
 */
export const authDirective = new GraphQLDirective({
  name: 'auth',
  locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION],
  args: {
    requires: { type: new GraphQLNonNull(PermissionEnum) },
    allow: { type: new GraphQLList(new GraphQLNonNull(AuthExemptionEnum)) },
  },
});

/** The `@auth` directive with its `scopes` argument typed by the schema's own ApiScope enum. */
export function authDirectiveWithScopes(apiScope: GraphQLEnumType): GraphQLDirective {
  const config = authDirective.toConfig();
  return new GraphQLDirective({
    ...config,
    args: {
      ...config.args,
      scopes: {
        type: new GraphQLList(new GraphQLNonNull(apiScope)),
        description:
          'the API key scopes that reach the field (any of them); none: keys may not use it',
      },
    },
  });
}

export const publicDirective = new GraphQLDirective({
  name: 'public',
  locations: [DirectiveLocation.FIELD_DEFINITION],
});

/**
 * `@auth(requires: …)` on a field or an object type; `allow` names the states of the caller that
 * do not block it (see auth/exemptions.ts), printed in the schema as `allow: [...]`; `scopes`
 * names the API key scopes that reach it (none: keys may not use it), printed as `scopes: [...]`.
 */
export function Auth(
  permission: Permission,
  options: { readonly allow?: readonly Exemption[]; readonly scopes?: readonly ApiScope[] } = {},
): MethodDecorator & PropertyDecorator & ClassDecorator {
  const list = (name: string, values: readonly string[] | undefined) =>
    values?.length ? `, ${name}: [${values.join(', ')}]` : '';
  return Directive(
    `@auth(requires: ${permission}${list('allow', options.allow)}${list('scopes', options.scopes)})`,
  );
}

/** `@public`: anyone may call it, signed in or not. Say why next to each use. */
export function Public(): MethodDecorator & PropertyDecorator {
  return Directive('@public');
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function authRequirement(
  schema: GraphQLSchema,
  node: Parameters<typeof getDirective>[1],
): AuthRequirement | null {
  const auth = getDirective(schema, node, 'auth')?.[0] as
    { requires: Permission; allow?: Exemption[] | null; scopes?: ApiScope[] | null } | undefined;
  return auth
    ? { permission: auth.requires, allow: auth.allow ?? [], scopes: auth.scopes ?? [] }
    : null;
}

/**
 * Wraps the resolver of every field that carries `@auth` (on itself or on its object type) with
 * the one permission check. A root field with neither `@auth` nor `@public` is refused for
 * everyone: deny by default (and a test fails the build on it).
 */
export function enforceAuthDirectives(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (
      fieldConfig: GraphQLFieldConfig<unknown, Context>,
      _fieldName,
      typeName,
    ) => {
      const objectType = schema.getType(typeName);
      const requirement =
        authRequirement(schema, fieldConfig) ??
        (objectType ? authRequirement(schema, objectType) : null);
      const isPublic = getDirective(schema, fieldConfig, 'public') !== undefined;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      if (requirement) {
        return {
          ...fieldConfig,
          resolve: (source, args, context, info) => {
            assertPermission(context, requirement);
            return resolve(source, args, context, info);
          },
        };
      }
      if (ROOT_TYPES.has(typeName) && !isPublic) {
        return {
          ...fieldConfig,
          resolve: () => {
            throw forbidden();
          },
        };
      }
      return fieldConfig;
    },
  });
}
