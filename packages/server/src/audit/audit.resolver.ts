import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@entry/shared';
import { CurrentPerson } from '../auth/decorators';
import type { PersonViewer } from '../auth/viewer';
import type { Connection } from '../common/connection';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { AuditEventEntity } from './audit-event.entity';
import { listAuditEvents } from './audit-list';
import {
  auditActor,
  auditChanges,
  auditIp,
  type AuditAudience,
  type AuditChangeRow,
} from './audit-presenter';
import {
  AuditActorObject,
  AuditChange,
  AuditEventConnection,
  AuditEventObject,
} from './audit.types';

function audienceOf(ctx: Context): AuditAudience {
  return { operator: ctx.viewer?.kind === 'operator', locale: ctx.locale };
}

@Resolver(() => AuditEventObject)
export class AuditResolver {
  @Auth(Permission.ALL_SITES)
  @Query(() => AuditEventConnection, { description: "the company's audit log, newest first" })
  auditEvents(
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('personId', () => ID, {
      nullable: true,
      description: 'what they did and what was done to them',
    })
    personId?: string | null,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string | null,
    @Arg('kind', () => String, { nullable: true }) kind?: string | null,
    @Arg('from', () => Date, { nullable: true, description: 'inclusive' }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'exclusive' }) to?: Date | null,
  ): Promise<Connection<AuditEventEntity>> {
    return listAuditEvents(
      ctx.dataSource,
      viewer.company.id,
      { first, after, personId, siteId, kind, from, to },
      ctx.locale,
    );
  }

  @FieldResolver(() => [AuditChange])
  changes(@Root() event: AuditEventEntity): AuditChangeRow[] {
    return auditChanges(event);
  }

  @FieldResolver(() => AuditActorObject)
  async actor(@Root() event: AuditEventEntity, @Ctx() ctx: Context): Promise<AuditActorObject> {
    const audience = audienceOf(ctx);
    const [person, operator, apiKey] = await Promise.all([
      event.actorPersonId ? ctx.loaders.personById.load(event.actorPersonId) : null,
      event.actorOperatorId && audience.operator
        ? ctx.loaders.operatorById.load(event.actorOperatorId)
        : null,
      event.actorApiKeyId ? ctx.loaders.apiKeyById.load(event.actorApiKeyId) : null,
    ]);
    return auditActor(event, { person, operator, apiKey }, audience);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "where the change came from; null for the vendor's staff, shown to a company",
  })
  ip(@Root() event: AuditEventEntity, @Ctx() ctx: Context): string | null {
    return auditIp(event, audienceOf(ctx));
  }
}
