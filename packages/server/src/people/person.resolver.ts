import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission, UserErrorCode } from '@entry/shared';
import { PersonPayload } from '../accounts/accounts.types';
import { attempt, UserInputProblem } from '../common/user-errors';
import { clientIp } from '../http/client-ip';
import { updateProfile } from './profile.service';
import { Auth, Public } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { CompanyObject } from '../companies/company.type';
import { accessLevelOf, AccessLevelType } from './access-level.type';
import type { PersonEntity } from './person.entity';
import { PersonObject } from './person.type';

@InputType()
export class ProfileInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'en, nl, sv or fr' })
  locale?: string | null;
}

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

  @Auth(Permission.AUTHENTICATED)
  @Mutation(() => PersonPayload, { description: "the signed-in person's own name and language" })
  async updateMyProfile(
    @Arg('input', () => ProfileInput) input: ProfileInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const viewer = ctx.viewer;
    const { value, userErrors } = await attempt(ctx.locale, async () => {
      // Operators have no profile of this kind: NOT_FOUND, as for anything that is not theirs.
      if (viewer?.kind !== 'person') throw UserInputProblem.of(['input'], UserErrorCode.NOT_FOUND);
      return updateProfile(ctx.dataSource, viewer.person, input, { viewer, ip: clientIp(ctx.req) });
    });
    return { person: value, userErrors };
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
