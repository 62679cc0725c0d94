import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AccessLevelCode, Permission } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { attempt } from '../common/user-errors';
import type { Connection } from '../common/connection';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { clientIp } from '../http/client-ip';
import { PersonPayload } from '../accounts/accounts.types';
import type { PersonViewer } from './people-rules';
import { listPeople } from './people-list';
import {
  invitePerson,
  removePerson,
  resendInvitation,
  setPersonDisabled,
  updatePerson,
} from './people.service';
import {
  DeletePayload,
  InvitePersonInput,
  PersonConnection,
  UpdatePersonInput,
} from './people.types';
import { PersonEntity, PersonStatus } from './person.entity';
import { PersonObject } from './person.type';

/** ALL_SITES already let only people of an approved company through; this narrows the type. */
function personViewer(ctx: Context): PersonViewer {
  if (ctx.viewer?.kind !== 'person')
    throw new Error('people operations reached without a person viewer');
  return ctx.viewer;
}

function actorOf(ctx: Context): AuditActor {
  return { viewer: ctx.viewer, ip: clientIp(ctx.req) };
}

@Resolver()
export class PeopleResolver {
  @Auth(Permission.ALL_SITES)
  @Query(() => PersonConnection)
  people(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('accessLevel', () => AccessLevelCode, { nullable: true })
    accessLevel?: AccessLevelCode | null,
    @Arg('status', () => PersonStatus, { nullable: true }) status?: PersonStatus | null,
  ): Promise<Connection<PersonEntity>> {
    return listPeople(
      ctx.dataSource,
      personViewer(ctx).company.id,
      { first, after, search, accessLevel, status },
      ctx.locale,
    );
  }

  @Auth(Permission.ALL_SITES)
  @Query(() => PersonObject, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PersonEntity | null> {
    return ctx.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id, companyId: personViewer(ctx).company.id });
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => PersonPayload, {
    description: 'emails an invitation link (72 hours, single use)',
  })
  async invitePerson(
    @Arg('input', () => InvitePersonInput) input: InvitePersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      invitePerson(ctx.dataSource, ctx.config, personViewer(ctx), input, actorOf(ctx), ctx.locale),
    );
    return { person: value, userErrors };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => PersonPayload)
  async updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      updatePerson(ctx.dataSource, personViewer(ctx), id, input, actorOf(ctx), ctx.locale),
    );
    return { person: value, userErrors };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => DeletePayload, {
    description: 'their sessions end at once; the email address can be invited again',
  })
  async removePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      removePerson(ctx.dataSource, personViewer(ctx), id, actorOf(ctx), ctx.locale),
    );
    return { deletedId: value, userErrors };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => PersonPayload, {
    description: 'a new invitation link; the previous one stops working',
  })
  async resendInvitation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      resendInvitation(ctx.dataSource, ctx.config, personViewer(ctx), id, actorOf(ctx), ctx.locale),
    );
    return { person: value, userErrors };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => PersonPayload, {
    description: 'ends their sessions and signing in, keeps the person and their history',
  })
  async disablePerson(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      setPersonDisabled(ctx.dataSource, personViewer(ctx), id, true, actorOf(ctx), ctx.locale),
    );
    return { person: value, userErrors };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => PersonPayload)
  async enablePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      setPersonDisabled(ctx.dataSource, personViewer(ctx), id, false, actorOf(ctx), ctx.locale),
    );
    return { person: value, userErrors };
  }
}
