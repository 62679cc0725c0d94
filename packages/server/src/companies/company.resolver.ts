import { Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '@entry/shared';
import { Exemption } from '../auth/exemptions';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { CompanyEntity } from './company.entity';
import { CompanyObject } from './company.type';

@Resolver(() => CompanyObject)
export class CompanyResolver {
  // the way to the invoices of a suspended company (its payment fields are PAYMENTS anyway)
  @Auth(Permission.AUTHENTICATED, { allow: [Exemption.WHEN_SUSPENDED] })
  @Query(() => CompanyObject, { nullable: true, description: "the signed-in person's company" })
  company(@Ctx() ctx: Context): CompanyEntity | null {
    return ctx.viewer?.kind === 'person' ? ctx.viewer.company : null;
  }
}
