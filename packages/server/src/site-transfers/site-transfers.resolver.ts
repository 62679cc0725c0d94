import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Permission, utcDay } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, PersonChange } from '../auth/decorators';
import type { Connection } from '../common/connection';
import { payload } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { siteScopeOf } from '../sites/site-scope';
import type { SiteEntity } from '../sites/site.entity';
import { SiteObject } from '../sites/site.type';
import {
  listSiteTransfers,
  shownStatus,
  type SiteTransferDirection as Direction,
} from './site-transfer-queries';
import { listAllSiteTransfers, undoSiteTransfer } from './site-transfer-undo';
import { SiteTransferEntity, SiteTransferStatus } from './site-transfer.entity';
import {
  RequestSiteTransferInput,
  SiteTransferConnection,
  SiteTransferDirection,
  SiteTransferObject,
  SiteTransferPayload,
} from './site-transfer.type';
import {
  acceptSiteTransfer,
  cancelSiteTransfer,
  declineSiteTransfer,
  requestSiteTransfer,
} from './site-transfers.service';

/**
 * Site transfers (issue 17): payment and system admins hand a site to another company and answer
 * the ones offered to theirs; operators see them all and may undo an acceptance. Made by people
 * only: these fields name no API key scope.
 */
@Resolver(() => SiteTransferObject)
export class SiteTransferResolver {
  @Auth(Permission.ALL_SITES)
  @Query(() => [SiteTransferObject], {
    description: `the company's transfers in one direction, newest first; at most first (1 to ${LIMITS.pageSizeMax}, default ${LIMITS.pageSizeMax}), after: the id of the last transfer of the page before`,
  })
  siteTransfers(
    @Ctx() ctx: Context,
    @PersonChange() change: PersonChange,
    @Arg('direction', () => SiteTransferDirection) direction: Direction,
    @Arg('status', () => SiteTransferStatus, { nullable: true }) status?: SiteTransferStatus | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => ID, { nullable: true }) after?: string | null,
  ): Promise<SiteTransferEntity[]> {
    return listSiteTransfers(
      ctx.dataSource,
      change.viewer.company.id,
      { direction, status, first, after },
      new Date(),
    );
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => SiteTransferPayload, {
    description:
      'offers a site to whoever holds recipientEmail: the same answer whether or not the address is known (SAME_COMPANY for a colleague); the address is emailed',
  })
  requestSiteTransfer(
    @Arg('input', () => RequestSiteTransferInput) input: RequestSiteTransferInput,
    @PersonChange() change: PersonChange,
  ): Promise<SiteTransferPayload> {
    return payload(change.locale, 'siteTransfer', () => requestSiteTransfer(change, input));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => SiteTransferPayload, {
    description:
      "takes the site and its Entry app users now, billed to the company from today (UTC); needs the company's billing set up (BILLING_SETUP_REQUIRED)",
  })
  acceptSiteTransfer(
    @Arg('id', () => ID) id: string,
    @PersonChange() change: PersonChange,
  ): Promise<SiteTransferPayload> {
    return payload(change.locale, 'siteTransfer', () => acceptSiteTransfer(change, id));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => SiteTransferPayload, {
    description: 'says no to an incoming transfer; the reason (optional) is emailed to the sender',
  })
  declineSiteTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @PersonChange() change: PersonChange,
  ): Promise<SiteTransferPayload> {
    return payload(change.locale, 'siteTransfer', () => declineSiteTransfer(change, id, reason));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => SiteTransferPayload, { description: 'takes back an outgoing pending transfer' })
  cancelSiteTransfer(
    @Arg('id', () => ID) id: string,
    @PersonChange() change: PersonChange,
  ): Promise<SiteTransferPayload> {
    return payload(change.locale, 'siteTransfer', () => cancelSiteTransfer(change, id));
  }

  @Auth(Permission.OPERATOR)
  @Query(() => SiteTransferConnection, {
    description: 'operators: every transfer of every company, newest first',
  })
  allSiteTransfers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('status', () => SiteTransferStatus, { nullable: true }) status?: SiteTransferStatus | null,
  ): Promise<Connection<SiteTransferEntity>> {
    return listAllSiteTransfers(ctx.dataSource, { first, after, status }, ctx.locale);
  }

  @Auth(Permission.OPERATOR)
  @Mutation(() => SiteTransferPayload, {
    description:
      'operators: gives an accepted transfer back to its sender within 7 days of the acceptance, while the receiver still holds the site; billing splits again on the day of the undo',
  })
  undoSiteTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<SiteTransferPayload> {
    if (ctx.viewer?.kind !== 'operator') throw new Error('reached without an operator viewer');
    const operator = ctx.viewer;
    return payload(ctx.locale, 'siteTransfer', () =>
      undoSiteTransfer(ctx.dataSource, operator, actor, id, reason),
    );
  }

  @FieldResolver(() => SiteObject, {
    nullable: true,
    description: "the site, while the viewer's company holds it",
  })
  site(@Root() transfer: SiteTransferEntity, @Ctx() ctx: Context): Promise<SiteEntity | null> {
    return ctx.loaders.sites.forScope(siteScopeOf(ctx.viewer)).siteById.load(transfer.siteId);
  }

  @FieldResolver(() => String)
  async fromCompanyName(
    @Root() transfer: SiteTransferEntity,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return (await ctx.loaders.companyById.load(transfer.fromCompanyId))?.name ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'once accepted' })
  async toCompanyName(
    @Root() transfer: SiteTransferEntity,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    if (transfer.status !== SiteTransferStatus.ACCEPTED || !transfer.toCompanyId) return null;
    return (await ctx.loaders.companyById.load(transfer.toCompanyId))?.name ?? null;
  }

  @FieldResolver(() => SiteTransferStatus)
  status(@Root() transfer: SiteTransferEntity): SiteTransferStatus {
    return shownStatus(transfer, new Date());
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD, the first day billed to the receiver: the day it was accepted (UTC); while pending, today: the day an acceptance now would make it',
  })
  effectiveDate(@Root() transfer: SiteTransferEntity): string | null {
    if (transfer.effectiveDate) return transfer.effectiveDate;
    return shownStatus(transfer, new Date()) === SiteTransferStatus.PENDING
      ? utcDay(new Date())
      : null;
  }

  @FieldResolver(() => Int, {
    description: 'Entry app users that move (moved) with the site: current ones',
  })
  entryUserCount(
    @Root() transfer: SiteTransferEntity,
    @Ctx() ctx: Context,
  ): Promise<number> | number {
    return transfer.entryUserCount ?? ctx.loaders.sites.currentEntryUserCount(transfer.siteId);
  }
}
