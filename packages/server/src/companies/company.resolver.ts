import { Ctx, Query, Resolver } from 'type-graphql';
import { ApiScope, Permission } from '@entry/shared';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { CompanyEntity } from './company.entity';
import { CompanyObject } from './company.type';

@Resolver(() => CompanyObject)
export class CompanyResolver {
  // Every key may read its own company's name and state (what it reaches below is scoped again).
  @Auth(Permission.AUTHENTICATED, {
    scopes: [ApiScope.SITES_READ, ApiScope.PEOPLE_READ, ApiScope.INVOICES_READ],
  })
  @Query(() => CompanyObject, {
    nullable: true,
    description: "the signed-in person's company, or the API key's",
  })
  company(@Ctx() ctx: Context): CompanyEntity | null {
    return ctx.viewer?.kind === 'person' || ctx.viewer?.kind === 'apiKey'
      ? ctx.viewer.company
      : null;
  }
}
