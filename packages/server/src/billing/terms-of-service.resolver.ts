import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { resolveLocale } from '@entry/shared';
import { Public } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { CURRENT_TERMS } from './terms-of-service';

@ObjectType('TermsOfService')
export class TermsOfServiceObject {
  @Field()
  version: string;

  @Field()
  locale: string;

  @Field()
  text: string;
}

@Resolver()
export class TermsOfServiceResolver {
  // Public: anyone weighing whether to register may read the terms they would accept.
  @Public()
  @Query(() => TermsOfServiceObject)
  termsOfService(
    @Ctx() ctx: Context,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ): TermsOfServiceObject {
    const resolved = locale ? resolveLocale(locale) : ctx.locale;
    return { version: CURRENT_TERMS.version, locale: resolved, text: CURRENT_TERMS.text[resolved] };
  }
}
