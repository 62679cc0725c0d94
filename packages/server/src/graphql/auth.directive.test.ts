import { getDirective } from '@graphql-tools/utils';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { Query, Resolver } from 'type-graphql';
import { buildDeclaredSchema } from './schema';
import { authDirective, enforceAuthDirectives, publicDirective } from './auth.directive';

const ROOTS = ['Query', 'Mutation', 'Subscription'];

function rootFields(schema: GraphQLSchema) {
  return ROOTS.flatMap((name) => {
    const type = schema.getType(name);
    return type && isObjectType(type)
      ? Object.values(type.getFields()).map((field) => ({ name: `${name}.${field.name}`, field }))
      : [];
  });
}

describe('@auth / @public on the schema', () => {
  it('should find @auth or @public on every Query and Mutation field (deny by default)', async () => {
    const schema = await buildDeclaredSchema();
    const unguarded = rootFields(schema)
      .filter(
        ({ field }) =>
          !getDirective(schema, field, 'auth') && !getDirective(schema, field, 'public'),
      )
      .map(({ name }) => name);
    expect(unguarded).toEqual([]);
  });

  it('should never put both @auth and @public on one field', async () => {
    const schema = await buildDeclaredSchema();
    const both = rootFields(schema)
      .filter(
        ({ field }) => getDirective(schema, field, 'auth') && getDirective(schema, field, 'public'),
      )
      .map(({ name }) => name);
    expect(both).toEqual([]);
  });

  it('should refuse a root field that carries neither directive when it is called', async () => {
    @Resolver()
    class ForgottenResolver {
      @Query(() => String)
      forgotten(): string {
        return 'leaked';
      }
    }
    const schema = enforceAuthDirectives(
      await buildSchema({
        resolvers: [ForgottenResolver],
        directives: [authDirective, publicDirective],
        validate: false,
      }),
    );
    const result = await graphql({
      schema,
      source: '{ forgotten }',
      contextValue: { viewer: null, locale: 'en' },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
