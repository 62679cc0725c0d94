import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ApiScope, Permission } from '@entry/shared';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { siteScopeOf } from '../sites/site-scope';
import {
  currentEntryUserCount,
  invitedPeopleCount,
  nextInvoiceEstimate,
  siteCounts,
  type SiteCounts,
} from './dashboard.service';
import { DashboardObject, InvoiceEstimateObject } from './dashboard.type';

/** The root of the dashboard: the site counts are shared by the fields that need them. */
interface DashboardRoot {
  siteCounts?: Promise<SiteCounts>;
}

function countsOf(root: DashboardRoot, ctx: Context): Promise<SiteCounts> {
  root.siteCounts ??= siteCounts(ctx.dataSource, siteScopeOf(ctx.viewer));
  return root.siteCounts;
}

@Resolver(() => DashboardObject)
export class DashboardResolver {
  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_READ] })
  @Query(() => DashboardObject, {
    description: 'the Home page: counts of what the viewer may see (operators: zeros)',
  })
  dashboard(): DashboardRoot {
    return {};
  }

  @FieldResolver(() => Int, { description: 'sites the viewer may see, active or not' })
  siteCount(@Root() root: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return countsOf(root, ctx).then((counts) => counts.total);
  }

  @FieldResolver(() => Int)
  activeSiteCount(@Root() root: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return countsOf(root, ctx).then((counts) => counts.active);
  }

  @FieldResolver(() => Int)
  inactiveSiteCount(@Root() root: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return countsOf(root, ctx).then((counts) => counts.total - counts.active);
  }

  @FieldResolver(() => Int, {
    description:
      'Entry app users active now (moved in, not removed or moved out) at the active sites the viewer may see',
  })
  entryUserCount(@Ctx() ctx: Context): Promise<number> {
    return currentEntryUserCount(ctx.dataSource, siteScopeOf(ctx.viewer));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'people invited who have not accepted yet; null for levels that do not manage people',
  })
  invitedPeopleCount(@Ctx() ctx: Context): Promise<number | null> {
    return invitedPeopleCount(ctx.dataSource, ctx.viewer);
  }

  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => InvoiceEstimateObject, {
    nullable: true,
    description: 'the invoice of the current month as it stands, without VAT',
  })
  async nextInvoiceEstimate(@Ctx() ctx: Context): Promise<InvoiceEstimateObject | null> {
    const viewer = ctx.viewer;
    if (viewer?.kind !== 'person') return null;
    return nextInvoiceEstimate(ctx.dataSource, viewer.company, ctx.config.prices, ctx.locale);
  }
}
