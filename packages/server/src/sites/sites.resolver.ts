import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ApiScope, mayCreateSites, Permission } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentCompanyViewer } from '../auth/decorators';
import { NESTED_UNDER_GUARD } from '../auth/exemptions';
import { principalOf } from '../auth/principal';
import { forbidden } from '../graphql/errors';
import { assertBillingSetUp, assertMayGrow } from '../auth/billing-gate';
import type { CompanyViewer } from '../auth/viewer';
import { selects } from '../common/selection';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { PersonEntity } from '../people/person.entity';
import { PersonObject } from '../people/person.type';
import type { EntryUserEntity } from './entry-user.entity';
import type { LazyConnection } from './lazy-connection';
import { nestedConnection, type DeferredConnection } from './nested-connection';
import { payload } from '../common/user-errors';
import { siteScopeOf } from './site-scope';
import {
  EntryUserConnection,
  SiteConnection,
  SiteInput,
  SiteObject,
  SitePayload,
} from './site.type';
import type { SiteEntity } from './site.entity';
import { createSite, deactivateSite, listSites, reactivateSite, updateSite } from './sites.service';

/** Site.entryUserCount under a connection's nodes: a page statement can read it with its rows. */
const ENTRY_USER_COUNT_OF_NODES = ['edges', 'node', 'entryUserCount'];

@Resolver(() => SiteObject)
export class SiteResolver {
  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_READ] })
  @Query(() => SiteConnection, {
    description:
      'sites the viewer may manage, by name (site admins: their own); search matches name or address',
  })
  async sites(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100; default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('active', () => Boolean, {
      nullable: true,
      description: 'true: active sites only; false: deactivated only; omitted: both',
    })
    active?: boolean | null,
  ): Promise<LazyConnection<SiteEntity>> {
    const { connection, entryUserCounts } = await listSites(
      ctx.dataSource,
      siteScopeOf(ctx.viewer),
      { first, after, search, active },
      ctx.locale,
      {
        totalCount: selects(info, ['totalCount']),
        entryUserCounts: selects(info, ENTRY_USER_COUNT_OF_NODES),
      },
    );
    ctx.loaders.sites.primeEntryUserCounts(entryUserCounts);
    return connection;
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_READ] })
  @Query(() => SiteObject, {
    nullable: true,
    description: 'null for an id the viewer may not see, as for one that does not exist',
  })
  site(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SiteEntity | null> {
    return ctx.loaders.sites.forScope(siteScopeOf(ctx.viewer)).siteById.load(id);
  }

  @Auth(Permission.ALL_SITES, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => SitePayload)
  async createSite(
    @Arg('input', () => SiteInput) input: SiteInput,
    @Ctx() ctx: Context,
    @CurrentCompanyViewer() viewer: CompanyViewer,
    @Actor() actor: AuditActor,
  ): Promise<SitePayload> {
    // a key limited to some sites creates none: the new site would be outside its list
    if (!mayCreateSites(principalOf(viewer))) throw forbidden();
    assertBillingSetUp(viewer.company);
    assertMayGrow(viewer.company);
    return payload(ctx.locale, 'site', () =>
      createSite(ctx.dataSource, viewer.company.id, input, actor),
    );
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => SitePayload, { description: 'site admins: only their own sites' })
  async updateSite(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SiteInput) input: SiteInput,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<SitePayload> {
    return payload(ctx.locale, 'site', () =>
      updateSite(ctx.dataSource, siteScopeOf(ctx.viewer), id, input, actor),
    );
  }

  @Auth(Permission.ALL_SITES, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => SitePayload, { description: 'stops billing for the site from the next day on' })
  async deactivateSite(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<SitePayload> {
    return payload(ctx.locale, 'site', () =>
      deactivateSite(ctx.dataSource, siteScopeOf(ctx.viewer), id, actor),
    );
  }

  @Auth(Permission.ALL_SITES, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => SitePayload, {
    description: 'makes a deactivated site active again: billing counts its users from today',
  })
  async reactivateSite(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<SitePayload> {
    return payload(ctx.locale, 'site', () =>
      reactivateSite(ctx.dataSource, siteScopeOf(ctx.viewer), id, actor),
    );
  }

  @Auth(Permission.ALL_SITES, { scopes: [ApiScope.SITES_READ] })
  @FieldResolver(() => [PersonObject], { description: 'site admins assigned to this site' })
  siteAdmins(@Root() site: SiteEntity, @Ctx() ctx: Context): Promise<PersonEntity[]> {
    return ctx.loaders.sites.siteAdmins.load(site.id);
  }

  @Auth(Permission.AUTHENTICATED, { allow: NESTED_UNDER_GUARD, scopes: [ApiScope.SITES_READ] })
  @FieldResolver(() => EntryUserConnection, {
    description: 'the Entry app users of the site, by last name then first name',
  })
  entryUsers(
    @Root() site: SiteEntity,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100; default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'matches names, email or apartment',
    })
    search?: string | null,
    @Arg('includeRemoved', () => Boolean, {
      nullable: true,
      description: 'also list removed users (billing history); default false',
    })
    includeRemoved?: boolean | null,
  ): DeferredConnection<EntryUserEntity> {
    const loaders = ctx.loaders.sites;
    const list = {
      siteId: site.id,
      search: search?.trim() || null,
      includeRemoved: includeRemoved ?? false,
    };
    return nestedConnection(
      { first, after, locale: ctx.locale },
      (limit) =>
        loaders.entryUserPages.load({ ...list, limit, after: after ?? null, locale: ctx.locale }),
      (user) => [user.sortKey, user.id],
      () => loaders.entryUserCounts.load(list),
    );
  }

  @FieldResolver(() => Int, { description: 'current Entry app users of the site' })
  entryUserCount(@Root() site: SiteEntity, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.sites.currentEntryUserCount(site.id);
  }
}

@Resolver(() => PersonObject)
export class PersonSitesResolver {
  @Auth(Permission.AUTHENTICATED, { allow: NESTED_UNDER_GUARD, scopes: [ApiScope.SITES_READ] })
  @FieldResolver(() => SiteConnection, {
    description:
      'for a site admin the sites assigned to them; for the other levels every site of the company',
  })
  sites(
    @Root() person: PersonEntity,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): DeferredConnection<SiteEntity> {
    const loaders = ctx.loaders.sites.forScope(siteScopeOf(ctx.viewer));
    const key = {
      personId: person.id,
      companyId: person.companyId,
      accessLevel: person.accessLevel,
      search: search?.trim() || null,
    };
    return nestedConnection(
      { first, after, locale: ctx.locale },
      (limit) =>
        loaders.personSitePages.load({
          ...key,
          limit,
          after: after ?? null,
          locale: ctx.locale,
          withEntryUserCounts: selects(info, ENTRY_USER_COUNT_OF_NODES),
        }),
      (site) => [site.nameKey, site.id],
      () => loaders.personSiteCounts.load(key),
    );
  }
}
