import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission, type Locale } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentPerson } from '../auth/decorators';
import type { PersonViewer } from '../auth/viewer';
import type { Connection } from '../common/connection';
import { attempt, payload } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { PersonEntity } from '../people/person.entity';
import { PersonObject } from '../people/person.type';
import { siteScopeOf } from '../sites/site-scope';
import type { SiteEntity } from '../sites/site.entity';
import { SiteObject } from '../sites/site.type';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeyConnection, ApiKeyObject, ApiKeyPayload, CreateApiKeyInput } from './api-key.type';
import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  type IssuedApiKey,
} from './api-keys.service';

/** createApiKey's and rotateApiKey's payload: the key and, in this answer only, its secret. */
async function issuedPayload(
  locale: Locale,
  work: () => Promise<IssuedApiKey>,
): Promise<ApiKeyPayload> {
  const { value, userErrors } = await attempt(locale, work);
  return { apiKey: value?.apiKey ?? null, secret: value?.secret ?? null, userErrors };
}

/**
 * The company's API keys (partner API), managed by payment and system admins: the people who
 * manage every site. A key never manages keys (these fields name no scope).
 */
@Resolver(() => ApiKeyObject)
export class ApiKeyResolver {
  @Auth(Permission.ALL_SITES)
  @Query(() => ApiKeyConnection, { description: "the company's API keys, newest first" })
  apiKeys(
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('includeRevoked', () => Boolean, { nullable: true }) includeRevoked?: boolean | null,
  ): Promise<Connection<ApiKeyEntity>> {
    return listApiKeys(
      ctx.dataSource,
      viewer.company.id,
      { first, after, includeRevoked },
      ctx.locale,
    );
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => ApiKeyPayload, {
    description: 'the secret is in this answer only: the server keeps a hash',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<ApiKeyPayload> {
    return issuedPayload(ctx.locale, () => createApiKey(ctx.dataSource, viewer, input, actor));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => ApiKeyPayload, {
    description:
      'a new secret with the same scopes and sites; the old secret keeps working for overlapHours (0 to 168, default 24)',
  })
  async rotateApiKey(
    @Arg('id', () => ID) id: string,
    @Arg('overlapHours', () => Int, { nullable: true }) overlapHours: number | null | undefined,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<ApiKeyPayload> {
    return issuedPayload(ctx.locale, () =>
      rotateApiKey(ctx.dataSource, viewer, id, overlapHours, actor),
    );
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => ApiKeyPayload, { description: 'stops the key at once, both secrets' })
  async revokeApiKey(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<ApiKeyPayload> {
    const answer = await payload(ctx.locale, 'apiKey', () =>
      revokeApiKey(ctx.dataSource, viewer, id, actor),
    );
    return { ...answer, secret: null };
  }

  @FieldResolver(() => [SiteObject], {
    nullable: true,
    description: 'null: every site of the company',
  })
  async sites(@Root() key: ApiKeyEntity, @Ctx() ctx: Context): Promise<SiteEntity[] | null> {
    if (!key.limitedToSites) return null;
    const siteIds = await ctx.loaders.apiKeySiteIds.load(key.id);
    const sites = await ctx.loaders.sites
      .forScope(siteScopeOf(ctx.viewer))
      .siteById.loadMany(siteIds);
    return sites.filter((site): site is SiteEntity => Boolean(site) && !(site instanceof Error));
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'null once that person is removed',
  })
  async createdBy(@Root() key: ApiKeyEntity, @Ctx() ctx: Context): Promise<PersonEntity | null> {
    return key.createdByPersonId ? ctx.loaders.personById.load(key.createdByPersonId) : null;
  }
}
