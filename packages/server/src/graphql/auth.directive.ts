import {
  defaultFieldResolver,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLNonNull,
  type GraphQLFieldConfig,
  type GraphQLSchema,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { Directive } from 'type-graphql';
import { Permission } from '@entry/shared';
import { assertPermission } from './authorization';
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
      description: 'payment admins and system admins: every site of the company, and the people',
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

export const authDirective = new GraphQLDirective({
  name: 'auth',
  locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION],
  args: { requires: { type: new GraphQLNonNull(PermissionEnum) } },
});

export const publicDirective = new GraphQLDirective({
  name: 'public',
  locations: [DirectiveLocation.FIELD_DEFINITION],
});

/** `@auth(requires: …)` on a field or an object type. */
export function Auth(permission: Permission): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(`@auth(requires: ${permission})`);
}

/** `@public`: anyone may call it, signed in or not. Say why next to each use. */
export function Public(): MethodDecorator & PropertyDecorator {
  return Directive('@public');
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function requiredPermission(
  schema: GraphQLSchema,
  node: Parameters<typeof getDirective>[1],
): Permission | null {
  const auth = getDirective(schema, node, 'auth')?.[0] as { requires: Permission } | undefined;
  return auth?.requires ?? null;
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
      fieldName,
      typeName,
    ) => {
      const objectType = schema.getType(typeName);
      const permission =
        requiredPermission(schema, fieldConfig) ??
        (objectType ? requiredPermission(schema, objectType) : null);
      const isPublic = getDirective(schema, fieldConfig, 'public') !== undefined;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      if (permission) {
        const operation = `${typeName}.${fieldName}`;
        return {
          ...fieldConfig,
          resolve: (source, args, context, info) => {
            assertPermission(context, permission, operation);
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
