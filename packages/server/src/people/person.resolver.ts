import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { CompanyObject } from '../companies/company.type';
import { accessLevelOf, AccessLevelType } from './access-level.type';
import type { PersonEntity } from './person.entity';
import { PersonObject } from './person.type';

@Resolver(() => PersonObject)
export class PersonResolver {
  // Public so apps can ask "who am I?" without handling an error: null when anonymous. Operators
  // are not people of a company and get null too.
  @Public()
  @Query(() => PersonObject, {
    nullable: true,
    description: 'the signed-in person; null when anonymous',
  })
  me(@Ctx() ctx: Context): PersonEntity | null {
    return ctx.viewer?.kind === 'person' ? ctx.viewer.person : null;
  }

  @FieldResolver(() => AccessLevelType)
  accessLevel(@Root() person: PersonEntity): AccessLevelType {
    return accessLevelOf(person.accessLevel);
  }

  @FieldResolver(() => CompanyObject, { nullable: true })
  company(@Root() person: PersonEntity, @Ctx() ctx: Context) {
    return ctx.loaders.companyById.load(person.companyId);
  }
}
