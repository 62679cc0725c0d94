import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_DESCRIPTIONS,
  ACCESS_LEVEL_LABELS,
  resolveLocale,
} from '@entry/shared';
import type { Context } from '../graphql/context';
import { Public } from '../graphql/auth.directive';
import { accessLevelOf, AccessLevelType } from './access-level.type';

@Resolver(() => AccessLevelType)
export class AccessLevelResolver {
  // Public: the registration page and partner apps explain the levels before anyone signs in.
  @Public()
  @Query(() => [AccessLevelType])
  accessLevels(): AccessLevelType[] {
    return ACCESS_LEVEL_CODES.map(accessLevelOf);
  }

  @FieldResolver(() => String, {
    description:
      'localized name, e.g. Betalningsadmin / Systeembeheerder / Administrateur des paiements',
  })
  label(
    @Root() level: AccessLevelType,
    @Ctx() ctx: Context,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ): string {
    return ACCESS_LEVEL_LABELS[level.code][locale ? resolveLocale(locale) : ctx.locale];
  }

  @FieldResolver(() => String)
  description(
    @Root() level: AccessLevelType,
    @Ctx() ctx: Context,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ): string {
    return ACCESS_LEVEL_DESCRIPTIONS[level.code][locale ? resolveLocale(locale) : ctx.locale];
  }
}
